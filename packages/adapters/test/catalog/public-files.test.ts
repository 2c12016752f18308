import { canonicalGpuModel, findOffers, offeringId, type CatalogOffering } from '@roam/core';
import { describe, expect, it } from 'vitest';
import { haveData, importPublicFiles } from './data.js';

describe.skipIf(!haveData())('importing the public catalog files', () => {
  const result = importPublicFiles; // read on first use: a skipped describe's body still runs
  const get = (id: string): CatalogOffering | undefined =>
    result().catalog.offerings.find((o) => offeringId(o) === id);

  it('reads every row without an error', () => {
    expect(result().errors).toEqual([]);
  });

  it('reports offerings and the rows left out per file', () => {
    expect(
      result().reports.map((r) => [r.format, r.offerings, r.asOf, r.zonesFilled, r.skipped]),
    ).toEqual([
      ['aws-vantage', 1062, '2025-11-30', undefined, [{ reason: 'a fraction of a GPU', rows: 65 }]],
      [
        'gcp-pricing',
        924,
        '2026-07-30',
        undefined,
        [
          { reason: 'no GPU', rows: 204 },
          { reason: 'a fraction of a GPU', rows: 60 },
        ],
      ],
      ['gcp-zones', 0, undefined, 120, []],
      [
        'azure-skypilot',
        172,
        undefined,
        undefined,
        [
          { reason: 'no accelerator named', rows: 21 },
          { reason: 'promotional _Promo size', rows: 11 },
          { reason: 'no on-demand price', rows: 4 },
        ],
      ],
    ]);
    expect(result().catalog.offerings).toHaveLength(1062 + 924 + 172);
  });

  it('names every model canonically', () => {
    const models = new Set(result().catalog.offerings.map((o) => o.gpuModel));
    for (const m of models) expect(canonicalGpuModel(m), m).toBe(m);
  });

  it.each<[string, Partial<CatalogOffering>]>([
    [
      'aws/us-east-1/p5.48xlarge',
      {
        gpuModel: 'H100',
        gpuCount: 8,
        onDemandPerHourMicros: 55_040_000,
        spotInterruptionBand: '5-10%',
      },
    ],
    ['aws/us-east-1/p4de.24xlarge', { gpuModel: 'A100-80GB', gpuMemoryMiB: 80 * 1024 }],
    ['aws/us-east-1/p3dn.24xlarge', { gpuModel: 'V100-32GB' }],
    ['aws/us-east-1/trn1.32xlarge', { gpuModel: 'Trainium', gpuCount: 16 }],
    ['aws/us-east-1/inf2.48xlarge', { gpuModel: 'Inferentia2', gpuCount: 12 }],
    [
      'gcp/us-central1/a3-highgpu-8g',
      { gpuModel: 'H100', gpuCount: 8, onDemandPerHourMicros: 88_490_000, zones: [] },
    ],
    [
      'gcp/us-central1/a2-highgpu-1g',
      {
        gpuModel: 'A100',
        zones: ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
      },
    ],
    ['azure/eastus/Standard_ND96isr_H100_v5', { gpuCount: 8, onDemandPerHourMicros: 98_320_000 }],
    [
      'azure/eastus/Standard_NC24ads_A100_v4',
      { gpuModel: 'A100-80GB', spotPerHourMicros: 444_433 },
    ],
  ])('%s', (id, expected) => {
    expect(get(id)).toMatchObject(expected);
  });

  it('keeps no Azure spot price that equals the on-demand price', () => {
    const h100 = result().catalog.offerings.filter(
      (o) => o.cloud === 'azure' && o.gpuModel === 'H100',
    );
    expect(h100.length).toBeGreaterThan(0);
    expect(h100.filter((o) => o.spotPerHourMicros !== undefined)).toEqual([]);
  });

  it('finds the cheapest 8 × H100 spot offer of the snapshots', () => {
    const [cheapest] = findOffers(result().catalog, {
      gpuModels: ['H100'],
      minGpus: 8,
      maxGpus: 8,
      market: 'spot',
    });
    expect(cheapest && [offeringId(cheapest.offering), cheapest.pricePerHourMicros]).toEqual([
      'aws/eu-north-1/p5.48xlarge',
      7_326_200,
    ]);
  });
});
