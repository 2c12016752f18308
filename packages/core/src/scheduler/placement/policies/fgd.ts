import type { NodeSlot } from '../../../model/node-slot.js';
import type { ReplicaRequest } from '../../../model/types.js';
import { MILLI_PER_GPU } from '../../../units.js';
import { FragmentationMemo } from '../fragmentation.js';
import { wholeGpus } from '../gpus.js';
import type { Choice, PlacementContext, PlacementPolicy } from '../policy.js';
import type { PolicyOptions } from './options.js';

/** Logistic function. */
function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** FGD's score for a fragmentation change: 100·sigmoid(decrease / 1000), truncated to an integer. */
export function fgdScore(before: number, after: number): number {
  return Math.trunc(100 * sigmoid((before - after) / 1000));
}

interface NodeEntry {
  version: number;
  memo: FragmentationMemo;
  readonly byShape: Map<string, Choice | null>;
}

/**
 * Fragmentation gradient descent (Weng et al., USENIX ATC '23), as in the authors'
 * simulator: score = 100·sigmoid((F_before − F_after)/1000) truncated to an integer, where F
 * is the node's expected fragmentation under the task mix; a fraction tries every GPU
 * that holds it and takes the first with the best score; whole GPUs are the lowest free
 * indices. Scores and fragmentation are cached per node version and request shape.
 */
export function fgdPolicy(options: PolicyOptions = {}): PlacementPolicy {
  let memo: FragmentationMemo | undefined;
  const cache = new WeakMap<NodeSlot, NodeEntry>();
  return {
    name: 'fgd',
    order: options.order ?? 'tightest',
    maxCandidates: options.maxCandidates ?? 64,
    evaluate(node: NodeSlot, req: ReplicaRequest, ctx: PlacementContext): Choice | undefined {
      if (!memo || memo.mix !== ctx.taskMix) memo = new FragmentationMemo(ctx.taskMix);
      let entry = cache.get(node);
      if (!entry || entry.version !== node.version || entry.memo !== memo) {
        entry = { version: node.version, memo, byShape: new Map() };
        cache.set(node, entry);
      }
      const shape = `${req.cpuMilli}|${req.gpuMilli}|${req.gpuModels.join('|')}`;
      const hit = entry.byShape.get(shape);
      if (hit !== undefined) return hit ?? undefined;
      const choice = evaluateFgd(node, req, memo);
      entry.byShape.set(shape, choice ?? null);
      return choice;
    },
  };
}

function evaluateFgd(
  node: NodeSlot,
  req: ReplicaRequest,
  memo: FragmentationMemo,
): Choice | undefined {
  const model = node.info.gpuModel;
  const before = memo.of({ gpuFree: node.gpuFree, cpuFree: node.cpuFree, model });
  const cpuFree = node.cpuFree - req.cpuMilli;
  const after = Int32Array.from(node.gpuFree);
  if (req.gpuMilli === 0 || req.gpuMilli >= MILLI_PER_GPU) {
    const gpus = req.gpuMilli === 0 ? [] : wholeGpus(node, req.gpuMilli / MILLI_PER_GPU);
    if (!gpus) return undefined;
    for (const g of gpus) after[g.index] = 0;
    return { score: fgdScore(before, memo.of({ gpuFree: after, cpuFree, model })), gpus };
  }
  let best: Choice | undefined;
  for (let i = 0; i < after.length; i++) {
    const free = after[i] as number;
    if (free < req.gpuMilli) continue;
    after[i] = free - req.gpuMilli;
    const score = fgdScore(before, memo.of({ gpuFree: after, cpuFree, model }));
    after[i] = free;
    if (!best || score > best.score) best = { score, gpus: [{ index: i, milli: req.gpuMilli }] };
  }
  return best;
}
