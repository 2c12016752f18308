import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClusterState,
  defaultSchedulerConfig,
  quotaIn,
  schedule,
  SeededRng,
  type NodeInfo,
  type QueueInfo,
  type ScheduleResult,
  type WorkloadInfo,
} from '../src/index.js';
import { node, workload } from './builders.js';

const MODELS = ['A100', 'T4'] as const;

const nodeArb = fc.record({
  gpus: fc.constantFrom(1, 2, 4, 8),
  model: fc.constantFrom(...MODELS),
  cpu: fc.constantFrom(8, 32, 96),
  pool: fc.constantFrom('p1', 'p2'),
  cordoned: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});

const queueArb = fc.record({
  deserved: fc.integer({ min: 0, max: 6 }),
  extra: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
  weight: fc.integer({ min: 0, max: 3 }),
  parent: fc.boolean(),
});

const workloadArb = fc.record({
  queue: fc.integer({ min: 0, max: 3 }),
  gpu: fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 1, 2, 4, 8),
  replicas: fc.constantFrom(1, 1, 1, 2, 3),
  cpu: fc.constantFrom(1, 2, 4, 16),
  priority: fc.constantFrom(10, 50, 100),
  preemptible: fc.boolean(),
  model: fc.option(fc.constantFrom(...MODELS), { nil: undefined }),
  running: fc.integer({ min: 0, max: 9 }).map((x) => x < 7),
});

const scenarioArb = fc.record({
  nodes: fc.array(nodeArb, { minLength: 1, maxLength: 5 }),
  queues: fc.array(queueArb, { minLength: 1, maxLength: 4 }),
  workloads: fc.array(workloadArb, { minLength: 1, maxLength: 40 }),
  seed: fc.integer(),
});

/** A full cluster of small preemptible jobs, then requests within deserved shares: reclaim territory. */
const contendedArb = fc.record({
  nodes: fc.array(
    nodeArb.map((n) => ({ ...n, gpus: 8, model: 'A100' as const, cpu: 96 })),
    { minLength: 1, maxLength: 3 },
  ),
  queues: fc.array(
    queueArb.map((q) => ({ ...q, deserved: q.deserved % 5, weight: q.weight + 1 })),
    { minLength: 2, maxLength: 4 },
  ),
  workloads: fc
    .tuple(
      fc.array(
        workloadArb.map((w) => ({
          ...w,
          gpu: 1,
          replicas: 1,
          preemptible: true,
          running: true,
          model: undefined,
        })),
        { minLength: 8, maxLength: 30 },
      ),
      fc.array(
        workloadArb.map((w) => ({
          ...w,
          gpu: w.gpu >= 1 ? Math.min(w.gpu, 2) : w.gpu,
          replicas: 1,
          running: false,
        })),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([running, pending]) => [...running, ...pending]),
  seed: fc.integer(),
});

interface Scenario {
  nodes: { gpus: number; model: string; cpu: number; pool: string; cordoned: boolean }[];
  queues: { deserved: number; extra: number | undefined; weight: number; parent: boolean }[];
  workloads: {
    queue: number;
    gpu: number;
    replicas: number;
    cpu: number;
    priority: number;
    preemptible: boolean;
    model: string | undefined;
    running: boolean;
  }[];
  seed: number;
}
const anyScenarioArb: fc.Arbitrary<Scenario> = fc.oneof(
  scenarioArb as fc.Arbitrary<Scenario>,
  contendedArb,
);

function build(s: Scenario): { state: ClusterState; pending: WorkloadInfo[] } {
  const nodeInfos: NodeInfo[] = s.nodes.map((n, i) =>
    node(`n${i}`, {
      gpus: n.gpus,
      gpuModel: n.model,
      cpuMilli: n.cpu * 1000,
      pool: n.pool,
      schedulable: !n.cordoned,
    }),
  );
  const queues: QueueInfo[] = [{ name: 'dept', quota: [] }];
  s.queues.forEach((q, i) => {
    const quota = ['p1', 'p2'].map((pool) => ({
      nodePool: pool,
      deservedMilli: q.deserved * 1000,
      overQuotaWeight: q.weight,
      limitMilli: q.extra === undefined ? null : (q.deserved + q.extra) * 1000,
    }));
    queues.push(q.parent ? { name: `q${i}`, parent: 'dept', quota } : { name: `q${i}`, quota });
  });
  const state = new ClusterState({ nodes: nodeInfos, queues });
  const config = defaultSchedulerConfig({ preemption: false, reclaim: false });
  const pending: WorkloadInfo[] = [];
  s.workloads.forEach((w, i) => {
    const info = workload(`w${i}`, `q${w.queue % s.queues.length}`, w.gpu, {
      replicas: w.replicas,
      cpu: w.cpu,
      priority: w.priority,
      preemptible: w.preemptible,
      submittedAt: i,
      ...(w.model ? { models: [w.model] } : {}),
    });
    if (!w.running) return pending.push(info);
    // Start it if it fits now: the running set is whatever an earlier cycle placed.
    state.submit(info);
    const bind = schedule(state, config, i, new SeededRng(s.seed)).binds[0];
    if (bind) state.bind(info, bind.placements, i);
    else state.withdraw(info.key);
  });
  for (const w of pending) state.submit(w);
  return { state, pending };
}

function apply(state: ClusterState, result: ScheduleResult): void {
  for (const e of result.evictions) state.release(e.workload, true);
  for (const b of result.binds) {
    const w = [...state.pending()].find((p) => p.key === b.workload) as WorkloadInfo;
    state.bind(w, b.placements, 0);
  }
}

const runs = { numRuns: 150 };

describe('scheduler invariants (property-based)', () => {
  it('never over-commits a GPU, CPU or memory, and never splits a gang', () => {
    fc.assert(
      fc.property(anyScenarioArb, (s) => {
        const { state } = build(s);
        const result = schedule(state, defaultSchedulerConfig(), 1000, new SeededRng(s.seed));
        for (const b of result.binds) {
          const w = [...state.pending()].find((p) => p.key === b.workload) as WorkloadInfo;
          expect(b.placements).toHaveLength(w.replicas);
          for (const p of b.placements) {
            const total = p.gpus.reduce((a, g) => a + g.milli, 0);
            expect(total).toBe(w.request.gpuMilli);
            if (w.request.gpuMilli < 1000 && w.request.gpuMilli > 0) expect(p.gpus).toHaveLength(1);
            else expect(p.gpus.every((g) => g.milli === 1000)).toBe(true);
          }
        }
        apply(state, result); // throws if anything does not fit
        for (const n of state.nodes()) {
          for (const f of n.gpuFree) expect(f).toBeGreaterThanOrEqual(0);
          expect(n.cpuFree).toBeGreaterThanOrEqual(0);
          expect(n.memFree).toBeGreaterThanOrEqual(0);
        }
      }),
      runs,
    );
  });

  it('keeps every queue within its limit', () => {
    fc.assert(
      fc.property(anyScenarioArb, (s) => {
        const { state } = build(s);
        apply(state, schedule(state, defaultSchedulerConfig(), 1000, new SeededRng(s.seed)));
        for (const q of state.allQueues())
          for (const pool of ['p1', 'p2']) {
            const limit = quotaIn(q, pool).limitMilli;
            if (limit !== null)
              expect(state.usageOf(q.name, pool).gpuMilli).toBeLessThanOrEqual(limit);
          }
      }),
      runs,
    );
  });

  it('never reclaims from a queue within its deserved share, nor takes it below', () => {
    fc.assert(
      fc.property(anyScenarioArb, (s) => {
        const { state } = build(s);
        const result = schedule(state, defaultSchedulerConfig(), 1000, new SeededRng(s.seed));
        const touched = new Map<string, Set<string>>(); // victim queue → pools
        const preemptors = new Set<string>();
        for (const e of result.evictions.filter((x) => x.cause === 'reclaim')) {
          const b = state.booking(e.workload);
          if (!b) throw new Error(`evicted ${e.workload} is not running`);
          const preemptor = [...state.pending()].find((p) => p.key === e.for) as WorkloadInfo;
          for (const q of state.lineage(preemptor.queue)) preemptors.add(q);
          for (const p of b.placements) {
            const pool = state.node(p.node)?.info.pool as string;
            for (const q of state.lineage(b.workload.queue))
              touched.set(q, (touched.get(q) ?? new Set()).add(pool));
          }
        }
        // Same-queue preemption swaps work inside a queue; only reclaim takes from others.
        for (const e of result.evictions)
          if (e.cause === 'reclaim') state.release(e.workload, true);
        for (const [q, pools] of touched)
          for (const pool of pools)
            if (!preemptors.has(q))
              expect(state.usageOf(q, pool).gpuMilli).toBeGreaterThanOrEqual(
                quotaIn(state.queue(q), pool).deservedMilli,
              );
      }),
      runs,
    );
  });

  it('gives every pending workload a placement or a reason, exactly once', () => {
    fc.assert(
      fc.property(anyScenarioArb, (s) => {
        const { state, pending } = build(s);
        const result = schedule(state, defaultSchedulerConfig(), 1000, new SeededRng(s.seed));
        const decided = [
          ...result.binds.map((b) => b.workload),
          ...result.pending.map((p) => p.workload),
        ].sort();
        expect(decided).toEqual(pending.map((w) => w.key).sort());
        for (const p of result.pending) expect(p.reason.length).toBeGreaterThan(10);
      }),
      runs,
    );
  });

  it('decides identically for the same input and seed', () => {
    fc.assert(
      fc.property(anyScenarioArb, (s) => {
        const a = build(s);
        const b = build(s);
        const config = defaultSchedulerConfig();
        expect(JSON.stringify(schedule(b.state, config, 1000, new SeededRng(s.seed)))).toEqual(
          JSON.stringify(schedule(a.state, config, 1000, new SeededRng(s.seed))),
        );
      }),
      runs,
    );
  });
});
