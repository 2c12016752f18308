import type { ClusterState } from '../../../model/cluster-state.js';
import type { NodeSlot } from '../../../model/node-slot.js';
import type { GpuSlice, ReplicaRequest } from '../../../model/types.js';
import { MILLI_PER_GPU } from '../../../units.js';
import { FragmentationMemo, nodeFragmentation, type FreeState } from '../fragmentation.js';
import { wholeGpus } from '../gpus.js';
import { idleByModel, modelPressure } from '../model-pressure.js';
import type { Choice, PlacementContext, PlacementPolicy } from '../policy.js';
import type { TaskMix } from '../task-mix.js';
import { fgdScore } from './fgd.js';
import type { PolicyOptions } from './options.js';

/** Tuning of Roam's placement policy. */
export interface RoamPolicyOptions extends PolicyOptions {
  /** Weight of GPU stranded by lack of CPU, relative to FGD's fragmentation (default 0.25). */
  readonly cpuStrandingWeight?: number;
  /** Weight of using a contended GPU model for work that could use another (default 0.3). */
  readonly scarcityWeight?: number;
}

/** Average CPU the mix's GPU requests ask per milli-GPU (milli-CPU per milli-GPU). */
export function cpuPerGpuMilli(mix: TaskMix): number {
  let cpu = 0;
  let gpu = 0;
  for (const t of mix.types) {
    if (t.gpuPerDevice === 0) continue;
    cpu += t.weight * t.cpuMilli;
    gpu += t.weight * t.gpuPerDevice * t.gpuCount;
  }
  return gpu > 0 ? cpu / gpu : 0;
}

/** Idle GPU a node's free CPU cannot feed at `cpuPerGpu`: max(0, idle − free CPU / ratio), milli-GPU. */
export function strandedGpu(s: FreeState, cpuPerGpu: number): number {
  if (cpuPerGpu <= 0) return 0;
  let idle = 0;
  for (let i = 0; i < s.gpuFree.length; i++) idle += s.gpuFree[i] as number;
  return Math.max(0, idle - s.cpuFree / cpuPerGpu);
}

interface Delta {
  /** Change in the node's cost (fragmentation + weighted stranding), milli-GPU. */
  readonly cost: number;
  readonly gpus: readonly GpuSlice[];
}

interface NodeEntry {
  readonly version: number;
  readonly memo: FragmentationMemo;
  readonly byShape: Map<string, Delta | null>;
}

/**
 * Roam's placement policy: FGD extended with two costs FGD does not see.
 *
 * - **CPU stranding.** A node whose free CPU cannot feed its idle GPUs at the mix's CPU
 *   per GPU strands them; that GPU counts as waste (weighted) on top of FGD's
 *   fragmentation.
 * - **Model scarcity.** Taking a GPU of a model that model-constrained requests need more
 *   than its idle supply suggests costs `weight × request × pressure`, so flexible work
 *   goes to the models nobody else is waiting for.
 *
 * Score = 100·sigmoid(−cost/1000) truncated, where cost is the change in fragmentation plus
 * stranding plus the scarcity cost; ties go to the lowest slot (a fixed node order, which
 * consolidates work like first-fit). A fraction tries each GPU that holds it and takes
 * the cheapest (then the fullest). Cached per node version and request shape.
 */
export function roamPolicy(options: RoamPolicyOptions = {}): PlacementPolicy {
  const beta = options.cpuStrandingWeight ?? 0.25;
  const gamma = options.scarcityWeight ?? 0.3;
  let memo: FragmentationMemo | undefined;
  const cache = new WeakMap<NodeSlot, NodeEntry>();
  const pressures = new PressureCache();
  return {
    name: 'roam',
    order: options.order ?? 'tightest',
    maxCandidates: options.maxCandidates ?? 16,
    evaluate(node: NodeSlot, req: ReplicaRequest, ctx: PlacementContext): Choice | undefined {
      if (!memo || memo.mix !== ctx.taskMix) {
        const rho = cpuPerGpuMilli(ctx.taskMix);
        memo = new FragmentationMemo(
          ctx.taskMix,
          (s, mix) => nodeFragmentation(s, mix) + beta * strandedGpu(s, rho),
        );
      }
      let entry = cache.get(node);
      if (!entry || entry.version !== node.version || entry.memo !== memo) {
        entry = { version: node.version, memo, byShape: new Map() };
        cache.set(node, entry);
      }
      const shape = `${req.cpuMilli}|${req.gpuMilli}`;
      let delta = entry.byShape.get(shape);
      if (delta === undefined) {
        delta = cheapestDelta(node, req, memo) ?? null;
        entry.byShape.set(shape, delta);
      }
      if (delta === null) return undefined;
      const model = node.info.gpuModel;
      const pressure =
        gamma > 0 && model !== null && req.gpuMilli > 0
          ? (pressures.of(ctx.state, node.info.pool, ctx.taskMix).get(model) ?? 0)
          : 0;
      return { score: fgdScore(0, delta.cost + gamma * req.gpuMilli * pressure), gpus: delta.gpus };
    },
  };
}

/** Model pressure per pool, recomputed only when the cluster changed. */
class PressureCache {
  private version = -1;
  private mix: TaskMix | undefined;
  private readonly byPool = new Map<string, Map<string, number>>();

  of(state: ClusterState, pool: string, mix: TaskMix): Map<string, number> {
    if (state.version !== this.version || mix !== this.mix) {
      this.byPool.clear();
      this.version = state.version;
      this.mix = mix;
    }
    let p = this.byPool.get(pool);
    if (!p) this.byPool.set(pool, (p = modelPressure(idleByModel(state, pool), mix)));
    return p;
  }
}

/** The cheapest way to put `req` on the node: its cost change and GPUs. */
function cheapestDelta(
  node: NodeSlot,
  req: ReplicaRequest,
  memo: FragmentationMemo,
): Delta | undefined {
  const model = node.info.gpuModel;
  const before = memo.of({ gpuFree: node.gpuFree, cpuFree: node.cpuFree, model });
  const cpuFree = node.cpuFree - req.cpuMilli;
  const after = Int32Array.from(node.gpuFree);
  if (req.gpuMilli === 0 || req.gpuMilli >= MILLI_PER_GPU) {
    const gpus = req.gpuMilli === 0 ? [] : wholeGpus(node, req.gpuMilli / MILLI_PER_GPU);
    if (!gpus) return undefined;
    for (const g of gpus) after[g.index] = 0;
    return { cost: memo.of({ gpuFree: after, cpuFree, model }) - before, gpus };
  }
  let best: Delta | undefined;
  let bestFree = Infinity;
  for (let i = 0; i < after.length; i++) {
    const free = after[i] as number;
    if (free < req.gpuMilli) continue;
    after[i] = free - req.gpuMilli;
    const cost = memo.of({ gpuFree: after, cpuFree, model }) - before;
    after[i] = free;
    if (
      !best ||
      cost < best.cost - 1e-9 ||
      (Math.abs(cost - best.cost) <= 1e-9 && free < bestFree)
    ) {
      best = { cost, gpus: [{ index: i, milli: req.gpuMilli }] };
      bestFree = free;
    }
  }
  return best;
}
