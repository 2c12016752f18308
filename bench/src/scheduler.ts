/**
 * Scheduler benchmark: N nodes of 8 GPUs in two pools (A100, H100), 50 queues in five
 * departments with quotas, and a mix of fractional, whole-GPU and gang workloads whose GPU
 * requests add up to 105% of the cluster. Workloads arrive in batches; each batch is one
 * scheduling cycle whose binds are applied before the next. Prints one JSON object.
 *
 *   npm run -s bench:scheduler -- --nodes 5000 --json
 */
import {
  ClusterState,
  defaultSchedulerConfig,
  schedule,
  SeededRng,
  PLACEMENT_STRATEGIES,
  type Decision,
  type PlacementStrategy,
  type NodeInfo,
  type QueueInfo,
  type WorkloadInfo,
} from '@roam/core';
import { performance } from 'node:perf_hooks';
import { flags, intFlag, percentile } from './args.js';

const GPUS_PER_NODE = 8;
const DEPARTMENTS = 5;
const PROJECTS_PER_DEPARTMENT = 9; // + 5 departments = 50 queues
const POOLS = [
  { name: 'a100', model: 'A100' },
  { name: 'h100', model: 'H100' },
] as const;

function buildCluster(nodeCount: number): {
  nodes: NodeInfo[];
  queues: QueueInfo[];
  leaves: string[];
} {
  const nodes: NodeInfo[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const pool = POOLS[i % POOLS.length] as (typeof POOLS)[number];
    nodes.push({
      name: `node-${i}`,
      pool: pool.name,
      gpuModel: pool.model,
      gpus: GPUS_PER_NODE,
      cpuMilli: 128_000,
      memoryMiB: 1024 * 1024,
      labels: { zone: `z${i % 3}` },
      schedulable: true,
    });
  }
  const poolGpus = (nodeCount / POOLS.length) * GPUS_PER_NODE;
  const queues: QueueInfo[] = [];
  const leaves: string[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const dept = `dept-${d}`;
    queues.push({
      name: dept,
      quota: POOLS.map((p) => ({
        nodePool: p.name,
        deservedMilli: Math.floor(poolGpus / DEPARTMENTS) * 900,
        overQuotaWeight: 1,
        limitMilli: null,
      })),
    });
    for (let p = 0; p < PROJECTS_PER_DEPARTMENT; p++) {
      const name = `team-${d}-${p}`;
      leaves.push(name);
      const deserved = Math.floor((poolGpus / DEPARTMENTS / PROJECTS_PER_DEPARTMENT) * 0.9) * 1000;
      queues.push({
        name,
        parent: dept,
        quota: POOLS.map((pool) => ({
          nodePool: pool.name,
          deservedMilli: deserved,
          overQuotaWeight: 1 + (p % 3),
          limitMilli: deserved * 4,
        })),
      });
    }
  }
  return { nodes, queues, leaves };
}

function buildWorkloads(
  totalGpuMilli: number,
  leaves: readonly string[],
  rng: SeededRng,
): WorkloadInfo[] {
  const out: WorkloadInfo[] = [];
  let requested = 0;
  const fractions = [100, 250, 300, 500, 750];
  while (requested < totalGpuMilli * 1.05) {
    const roll = rng.next();
    let gpuMilli: number;
    let replicas = 1;
    if (roll < 0.4) gpuMilli = fractions[rng.int(fractions.length)] as number;
    else if (roll < 0.85) gpuMilli = ([1, 1, 2, 4, 8][rng.int(5)] as number) * 1000;
    else {
      gpuMilli = rng.next() < 0.5 ? 8000 : 4000;
      replicas = 2 + rng.int(7);
    }
    const cls = roll < 0.1 ? 'inference' : roll < 0.2 ? 'interactive' : 'training';
    const pool = POOLS[rng.int(POOLS.length)] as (typeof POOLS)[number];
    out.push({
      key: `w-${out.length}`,
      queue: leaves[rng.int(leaves.length)] as string,
      class: cls,
      priority: cls === 'training' ? 50 : 100,
      preemptible: cls === 'training',
      replicas,
      request: {
        gpuMilli,
        gpuModels: rng.next() < 0.5 ? [pool.model] : [],
        cpuMilli: 2000 * Math.max(1, gpuMilli / 1000),
        memoryMiB: 16_384 * Math.max(1, gpuMilli / 1000),
      },
      nodePools: [],
      nodeSelector: {},
      submittedAt: out.length,
    });
    requested += gpuMilli * replicas;
  }
  return out;
}

function main(): void {
  const f = flags(process.argv.slice(2));
  const nodeCount = intFlag(f, 'nodes', 5000);
  const batch = intFlag(f, 'batch', 1000);
  const seed = intFlag(f, 'seed', 42);
  const placement = f.get('placement') ?? 'roam';
  if (
    typeof placement !== 'string' ||
    !(PLACEMENT_STRATEGIES as readonly string[]).includes(placement)
  )
    throw new Error(`--placement must be one of ${PLACEMENT_STRATEGIES.join(', ')}`);
  // One unmeasured pass first, so the numbers are for JIT-compiled code (steady state).
  run(nodeCount, batch, seed, placement as PlacementStrategy);
  const report = run(nodeCount, batch, seed, placement as PlacementStrategy);
  if (f.has('json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

function run(
  nodeCount: number,
  batch: number,
  seed: number,
  placement: PlacementStrategy,
): Record<string, unknown> {
  const rng = new SeededRng(seed);
  const { nodes, queues, leaves } = buildCluster(nodeCount);
  const state = new ClusterState({
    nodes,
    queues,
    pools: POOLS.map((p) => ({ name: p.name, placement })),
  });
  const workloads = buildWorkloads(nodeCount * GPUS_PER_NODE * 1000, leaves, rng);
  const byKey = new Map(workloads.map((w) => [w.key, w]));

  const latencies: number[] = [];
  let last = 0;
  const onDecision = (_d: Decision): void => {
    const t = performance.now();
    latencies.push(t - last);
    last = t;
  };
  const config = defaultSchedulerConfig({ onDecision });
  let placedWorkloads = 0;
  let replicaPlacements = 0;
  let evictions = 0;
  let cycles = 0;
  let scheduleMs = 0;
  let applyMs = 0;
  for (let start = 0; start < workloads.length; start += batch) {
    for (const w of workloads.slice(start, start + batch)) state.submit(w);
    last = performance.now();
    const t0 = last;
    const result = schedule(state, config, start, rng.fork());
    const t1 = performance.now();
    scheduleMs += t1 - t0;
    for (const e of result.evictions) state.release(e.workload, true);
    for (const b of result.binds) {
      state.bind(byKey.get(b.workload) as WorkloadInfo, b.placements, start);
      replicaPlacements += b.placements.length;
    }
    applyMs += performance.now() - t1;
    placedWorkloads += result.binds.length;
    evictions += result.evictions.length;
    cycles++;
  }
  latencies.sort((a, b) => a - b);
  let allocated = 0;
  for (const n of state.nodes()) allocated += n.info.gpus * 1000 - n.freeGpuMilli();
  return {
    benchmark: 'scheduler',
    placement,
    nodes: nodeCount,
    gpus: nodeCount * GPUS_PER_NODE,
    queues: queues.length,
    workloads: workloads.length,
    placed: placedWorkloads,
    replicaPlacements,
    evictions,
    cycles,
    batch,
    gpuAllocatedPct: Math.round((allocated / (nodeCount * GPUS_PER_NODE * 1000)) * 10000) / 100,
    scheduleMs: Math.round(scheduleMs),
    applyMs: Math.round(applyMs),
    placementsPerSec: Math.round(replicaPlacements / (scheduleMs / 1000)),
    workloadsPerSec: Math.round(placedWorkloads / (scheduleMs / 1000)),
    decisionsPerSec: Math.round(latencies.length / (scheduleMs / 1000)),
    p50DecisionMs: round3(percentile(latencies, 50)),
    p99DecisionMs: round3(percentile(latencies, 99)),
    maxDecisionMs: round3(latencies[latencies.length - 1] ?? 0),
    node: process.version,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
