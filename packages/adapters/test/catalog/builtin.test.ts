import { canonicalGpuModel, CLOUDS, isAsOfDate, offeringId, type Offering } from '@roam/core';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import { haveData, importPublicFiles } from './data.js';

const catalog = builtinCatalog();

describe('the built-in catalog', () => {
  it('is modest: 40 to 80 offerings, 3 to 6 regions per cloud, all three clouds', () => {
    expect(catalog.offerings.length).toBeGreaterThanOrEqual(40);
    expect(catalog.offerings.length).toBeLessThanOrEqual(80);
    for (const cloud of CLOUDS) {
      const regions = new Set(
        catalog.offerings.filter((o) => o.cloud === cloud).map((o) => o.region),
      );
      expect(regions.size, cloud).toBeGreaterThanOrEqual(3);
      expect(regions.size, cloud).toBeLessThanOrEqual(6);
    }
  });

  it('covers the mainstream GPU models on each cloud', () => {
    const models = (cloud: string): string[] => [
      ...new Set(catalog.offerings.filter((o) => o.cloud === cloud).map((o) => o.gpuModel)),
    ];
    expect(models('aws').sort()).toEqual([
      'A100',
      'A100-80GB',
      'A10G',
      'B200',
      'H100',
      'H200',
      'L4',
      'L40S',
      'T4',
      'V100',
    ]);
    expect(models('gcp').sort()).toEqual(['A100', 'A100-80GB', 'H100', 'L4', 'T4', 'V100']);
    expect(models('azure').sort()).toEqual([
      'A10',
      'A100',
      'A100-80GB',
      'H100',
      'T4',
      'V100',
      'V100-32GB',
    ]);
  });

  it('is consistent: canonical models, unique ids, listed and dated sources, spot below on-demand', () => {
    const ids = catalog.offerings.map(offeringId);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = new Set(catalog.sources.map((s) => s.name));
    for (const o of catalog.offerings) {
      expect(canonicalGpuModel(o.gpuModel), o.gpuModel).toBe(o.gpuModel);
      expect(sources.has(o.source)).toBe(true);
      expect(o.gpuMemoryMiB).toBeGreaterThan(0);
      if (o.spotPerHourMicros !== undefined)
        expect(o.spotPerHourMicros).toBeLessThan(o.onDemandPerHourMicros);
    }
    for (const s of catalog.sources) expect(isAsOfDate(s.asOf ?? '')).toBe(true);
  });

  describe.skipIf(!haveData())('checked against the public snapshots', () => {
    const snapshot = (id: string): Offering | undefined =>
      importPublicFiles().catalog.offerings.find((o) => offeringId(o) === id);
    /** Built-in figures that differ from the snapshots on purpose (see the data files). */
    const MEMORY_DIFFERS = new Set(['azure/eastus/Standard_ND96amsr_A100_v4']); // 1,900 GiB per Microsoft; SkyPilot says 1,800
    const NOT_IN_SNAPSHOTS = catalog.offerings
      .filter((o) => o.instanceType.startsWith('n1-'))
      .map(offeringId); // N1 with attached GPUs: the GCP file prices no attached GPUs

    it.each(catalog.offerings.map((o) => [offeringId(o), o] as const))('%s', (id, o) => {
      const listed = snapshot(id);
      if (NOT_IN_SNAPSHOTS.includes(id)) {
        expect(listed).toBeUndefined();
        return;
      }
      expect(listed, 'in the snapshot').toBeDefined();
      if (!listed) return;
      expect([o.gpuModel, o.gpuCount, o.cpuMilli]).toEqual([
        listed.gpuModel,
        listed.gpuCount,
        listed.cpuMilli,
      ]);
      if (!MEMORY_DIFFERS.has(id)) expect(o.memoryMiB).toBe(listed.memoryMiB);
      // list prices typed with up to four decimals
      expect(Math.abs(o.onDemandPerHourMicros / listed.onDemandPerHourMicros - 1)).toBeLessThan(
        0.001,
      );
      // spot estimates: within 10% of the snapshot's figure where both have one
      if (o.spotPerHourMicros !== undefined && listed.spotPerHourMicros !== undefined)
        expect(Math.abs(o.spotPerHourMicros / listed.spotPerHourMicros - 1)).toBeLessThan(0.1);
    });
  });
});
