import type { NodeInfo, PlacementPolicy } from '@roam/core';
import { discretize, type FillPoint } from './discretize.js';
import type { FillPod } from './inflate.js';
import { runFill } from './run.js';

/** A fill experiment: one policy, several seeds, on one cluster and pod list. */
export interface FillExperimentInput {
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly FillPod[];
  readonly policyName: string;
  readonly policy: () => PlacementPolicy;
  readonly seeds: readonly number[];
  readonly inflate: number;
  /** Called as pods are placed: done and total over all seeds. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The result, as `roam sim fill --json` prints it. */
export interface FillReport {
  readonly policy: string;
  readonly seeds: readonly number[];
  readonly inflate: number;
  readonly nodes: number;
  readonly gpus: number;
  readonly pods: number;
  /** Mean over seeds at each arrived-% point 0…⌊100·inflate⌋. */
  readonly points: FillPoint[];
  /** 100 − allocation % at 100% arrived, mean over seeds: FGD paper's "unallocated GPU (%)". */
  readonly unallocatedAt100Pct: number;
  /** The same per seed. */
  readonly unallocatedAt100PctBySeed: number[];
  /** Pods placed and failed, summed over seeds. */
  readonly placed: number;
  readonly failed: number;
  readonly wallMs: number;
}

/** Runs every seed and averages the discretised curves. */
export function fillExperiment(input: FillExperimentInput, clock: () => number): FillReport {
  const start = clock();
  const maxPct = Math.floor(100 * input.inflate);
  const curves: (FillPoint | undefined)[][] = [];
  let placed = 0;
  let failed = 0;
  let done = 0;
  const perSeedTotal = estimateTotal(input);
  input.seeds.forEach((seed) => {
    const run = runFill({
      nodes: input.nodes,
      pods: input.pods,
      policy: input.policy,
      seed,
      inflate: input.inflate,
      onProgress: (d) => input.onProgress?.(done + d, perSeedTotal * input.seeds.length),
    });
    done += run.events.length;
    placed += run.placed;
    failed += run.failed;
    curves.push(discretize(run.events, run.clusterMilli, maxPct));
  });
  const points: FillPoint[] = [];
  for (let x = 0; x <= maxPct; x++) {
    const at = curves.map((c) => c[x]).filter((p): p is FillPoint => p !== undefined);
    if (at.length === 0) continue;
    const mean = (f: (p: FillPoint) => number): number =>
      round2(at.reduce((a, p) => a + f(p), 0) / at.length);
    points.push({
      arrivedPct: x,
      allocPct: mean((p) => p.allocPct),
      fragPct: mean((p) => p.fragPct),
      fragRatioPct: mean((p) => p.fragRatioPct),
    });
  }
  const bySeed = curves.map((c) => round2(100 - (c[100]?.allocPct ?? Number.NaN)));
  return {
    policy: input.policyName,
    seeds: input.seeds,
    inflate: input.inflate,
    nodes: input.nodes.length,
    gpus: input.nodes.reduce((a, n) => a + n.gpus, 0),
    pods: input.pods.length,
    points,
    unallocatedAt100Pct: round2(bySeed.reduce((a, b) => a + b, 0) / bySeed.length),
    unallocatedAt100PctBySeed: bySeed,
    placed,
    failed,
    wallMs: Math.round(clock() - start),
  };
}

/** Pods per seed, roughly, for the progress bar (the exact count depends on the seed). */
function estimateTotal(input: FillExperimentInput): number {
  const gpu = input.pods.reduce((a, p) => a + p.numGpu * p.gpuMilli, 0);
  const cluster = input.nodes.reduce((a, n) => a + n.gpus * 1000, 0);
  return Math.max(
    input.pods.length,
    Math.round((input.pods.length * cluster * input.inflate) / Math.max(1, gpu)),
  );
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
