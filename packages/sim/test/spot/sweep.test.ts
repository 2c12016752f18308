import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadSpotTrace,
  runSpotSweep,
  selectZones,
  summariseSpotSweep,
  sweepZoneSets,
  type SpotSweepRow,
} from '../../src/index.js';

// A slice of the deadline experiment on a real Can't Be Late trace (skipped without the data).
const TRACE = new URL(
  '../../../../../shared/data/cant-be-late-spot-traces/availability_1-node_aws-02-15-2023.csv.gz',
  import.meta.url,
).pathname;

describe.skipIf(!existsSync(TRACE))(
  'the deadline experiment on availability_1-node_aws-02-15-2023',
  () => {
    it('keeps every deadline on-demand keeps, never beats optimal, and says the same twice', async () => {
      const trace = await loadSpotTrace(TRACE);
      expect(trace.format).toBe('cant-be-late');
      expect(trace.series).toHaveLength(9);
      const markets = selectZones(trace, { zone: 'all' }).filter((m) =>
        ['us-east-1f', 'us-west-2a'].includes(m.name),
      );
      const grid = {
        job: { jobHours: 48, restartHours: 0.2, onDemandPriceUsd: 3.06 },
        zoneSets: sweepZoneSets(markets),
        startHours: [300],
        deadlineHours: [52.8, 67.2],
        policies: ['on-demand', 'greedy', 'uniform-progress', 'roam', 'optimal'] as const,
      };
      const rows = runSpotSweep({ ...grid, policies: [...grid.policies] }, undefined, () => 0);
      expect(rows).toHaveLength(3 * 1 * 2 * 5);
      const summary = summariseSpotSweep(rows);
      for (const s of [...summary.singleZone, ...summary.multiZone])
        expect(s.avoidableMisses).toBe(0);
      const window = (r: SpotSweepRow): string =>
        `${r.zones.join('+')}|${r.startHour}|${r.deadlineHours}`;
      const optimal = new Map(
        rows.filter((r) => r.policy === 'optimal').map((r) => [window(r), r]),
      );
      for (const r of rows)
        expect(r.costUsd).toBeGreaterThanOrEqual((optimal.get(window(r))?.costUsd ?? 0) - 1e-9);
      const onDemand = summary.singleZone.find((s) => s.policy === 'on-demand');
      expect(onDemand?.meanNormalizedCost).toBe(1);
      const roam = summary.singleZone.find((s) => s.policy === 'roam');
      expect(roam?.meanNormalizedCost).toBeLessThan(1);
      // Deterministic: the same grid gives the same rows (wall time aside).
      expect(runSpotSweep({ ...grid, policies: [...grid.policies] }, undefined, () => 0)).toEqual(
        rows,
      );
    }, 30_000);
  },
);
