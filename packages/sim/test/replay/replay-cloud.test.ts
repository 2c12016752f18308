import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalog, StochasticMarket } from '@roam/adapters';
import { defaultSchedulerConfig, parseResources, type MoverConfig } from '@roam/core';
import {
  CLOUD_POOL,
  clusterFromResources,
  readRoamJsonl,
  replay,
  withCheckpoints,
  withElasticPool,
  type ReplayReport,
} from '../../src/index.js';

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const onPrem = clusterFromResources(
  parseResources(readFileSync(fixture('cluster.yaml'), 'utf8'), 'cluster.yaml').resources,
  'cluster.yaml',
);
const trace = withCheckpoints(
  readRoamJsonl(readFileSync(fixture('trace.jsonl'), 'utf8'), 'trace.jsonl'),
  10 * 60_000,
);

interface Run {
  readonly cloudOnly?: boolean;
  readonly meanAvailableHours?: number;
  readonly conservative?: boolean;
  readonly mover?: Partial<MoverConfig>;
  readonly seed?: number;
}

function run(r: Run = {}): ReplayReport {
  const seed = r.seed ?? 3;
  const market = new StochasticMarket({
    seed,
    ...(r.meanAvailableHours !== undefined
      ? { parameters: { meanAvailableMs: r.meanAvailableHours * 3_600_000 } }
      : {}),
  });
  return replay(
    {
      trace,
      cluster: withElasticPool(onPrem, r.cloudOnly ?? true, 20),
      config: defaultSchedulerConfig(),
      policyName: 'roam',
      seed,
      checkpointMs: 30_000,
      cloud: {
        catalog: builtinCatalog(),
        market,
        ...(r.conservative ? { conservative: true } : {}),
        ...(r.mover ? { mover: r.mover } : {}),
      },
    },
    () => 0,
  );
}

describe('replay with a cloud', () => {
  it('gives the elastic pool the clouds and regions it may buy in', () => {
    const cluster = withElasticPool(onPrem, true, 20, 'spot', {
      clouds: ['aws'],
      regions: ['us-west-2'],
    });
    const elastic = cluster.pools.find((p) => p.name === CLOUD_POOL)?.elastic;
    expect(elastic).toMatchObject({ clouds: ['aws'], regions: ['us-west-2'], market: 'spot' });
  });

  it('runs a trace on cloud capacity alone: launches, finishes every job, tears the fleet down', () => {
    const report = run();
    expect(report.completed).toBe(report.jobs);
    const fleet = report.fleet;
    expect(fleet?.launches).toBeGreaterThan(0);
    expect(fleet?.costUsd).toBeGreaterThan(0);
    // Spot is cheaper than on-demand for the same instance-hours.
    expect(fleet?.costUsd).toBeLessThan(fleet?.onDemandCostUsd ?? 0);
    expect(fleet?.savingsPct).toBeGreaterThan(0);
    expect((fleet?.gpuHours.spot ?? 0) + (fleet?.gpuHours.onDemand ?? 0)).toBeGreaterThan(0);
  });

  it('uses the cluster’s own nodes first and launches only for the overflow', () => {
    const hybrid = run({ cloudOnly: false });
    const cloudOnly = run();
    expect(hybrid.completed).toBe(hybrid.jobs);
    expect(hybrid.fleet?.launches ?? 0).toBeLessThan(cloudOnly.fleet?.launches ?? 0);
    expect(hybrid.fleet?.costUsd ?? 0).toBeLessThan(cloudOnly.fleet?.costUsd ?? 0);
  });

  it('survives a market that reclaims every few minutes: work moves, nothing is lost', () => {
    const report = run({ meanAvailableHours: 0.2 });
    expect(report.completed).toBe(report.jobs);
    expect(report.fleet?.reclaims).toBeGreaterThan(0);
    expect(report.fleet?.migrations).toBeGreaterThan(0);
    // Checkpoints every 10 minutes bound what a reclaim can take: ≤ 10 min of a job's GPUs (≤ 4).
    const reclaims = report.fleet?.reclaims ?? 0;
    expect(report.gpuHoursLostToReclaims).toBeLessThanOrEqual((reclaims * 4 * 10) / 60);
  });

  it('is deterministic: same trace, same seed, same decisions and bill', () => {
    const a = run({ seed: 11, meanAvailableHours: 0.5 });
    const b = run({ seed: 11, meanAvailableHours: 0.5 });
    expect(b.decisionLogSha256).toBe(a.decisionLogSha256);
    expect(b.fleet).toEqual(a.fleet);
  });
});
