import type { NodeSlot } from '../../../model/node-slot.js';
import type { GpuSlice, ReplicaRequest } from '../../../model/types.js';
import { MILLI_PER_GPU } from '../../../units.js';
import { modelAllowed } from '../filters.js';
import { wholeGpus } from '../gpus.js';
import type { Choice, PlacementContext, PlacementPolicy } from '../policy.js';
import type { TaskMix } from '../task-mix.js';

/**
 * Idle GPU capacity (milli-GPU) of a node that a task of type `t` could not use, given the
 * node's free GPUs and CPU (FGD, Weng et al., ATC '23): all of it when the task does not
 * fit the node at all, otherwise the GPUs with less free than the task needs per GPU.
 */
export function taskFragmentation(
  gpuFree: ArrayLike<number>,
  cpuFree: number,
  memFree: number,
  model: string | null,
  t: ReplicaRequest,
): number {
  let idle = 0;
  let full = 0;
  let maxFree = 0;
  for (let i = 0; i < gpuFree.length; i++) {
    const f = gpuFree[i] as number;
    idle += f;
    if (f === MILLI_PER_GPU) full++;
    if (f > maxFree) maxFree = f;
  }
  if (idle === 0) return 0;
  if (t.gpuMilli === 0) return 0;
  const fits =
    t.cpuMilli <= cpuFree &&
    t.memoryMiB <= memFree &&
    modelAllowed(model, t) &&
    (t.gpuMilli >= MILLI_PER_GPU ? full >= t.gpuMilli / MILLI_PER_GPU : maxFree >= t.gpuMilli);
  if (!fits) return idle;
  const perGpu = Math.min(t.gpuMilli, MILLI_PER_GPU);
  let frag = 0;
  for (let i = 0; i < gpuFree.length; i++) {
    const f = gpuFree[i] as number;
    if (f < perGpu) frag += f;
  }
  return frag;
}

/** Expected fragmentation of a node state under a task mix, milli-GPU. */
export function nodeFragmentation(
  gpuFree: ArrayLike<number>,
  cpuFree: number,
  memFree: number,
  model: string | null,
  mix: TaskMix,
): number {
  let sum = 0;
  for (const t of mix.types)
    sum += t.weight * taskFragmentation(gpuFree, cpuFree, memFree, model, t.request);
  return sum;
}

/** The expected fragmentation of a node as it is now, cached by node version. */
function currentFragmentation(
  node: NodeSlot,
  mix: TaskMix,
  cache: WeakMap<NodeSlot, { version: number; mix: TaskMix; frag: number }>,
): number {
  const hit = cache.get(node);
  if (hit && hit.version === node.version && hit.mix === mix) return hit.frag;
  const frag = nodeFragmentation(node.gpuFree, node.cpuFree, node.memFree, node.info.gpuModel, mix);
  cache.set(node, { version: node.version, mix, frag });
  return frag;
}

/**
 * Fragmentation gradient descent: place where the node's expected fragmentation grows
 * least; for a fraction, try each GPU that holds it and keep the best.
 */
export function fgdPolicy(maxCandidates = 64): PlacementPolicy {
  const cache = new WeakMap<NodeSlot, { version: number; mix: TaskMix; frag: number }>();
  return {
    name: 'fgd',
    order: 'tightest',
    maxCandidates,
    evaluate(node: NodeSlot, req: ReplicaRequest, ctx: PlacementContext): Choice | undefined {
      const before = currentFragmentation(node, ctx.taskMix, cache);
      const after = Int32Array.from(node.gpuFree);
      const cpu = node.cpuFree - req.cpuMilli;
      const mem = node.memFree - req.memoryMiB;
      const model = node.info.gpuModel;
      if (req.gpuMilli >= MILLI_PER_GPU || req.gpuMilli === 0) {
        const gpus = req.gpuMilli === 0 ? [] : wholeGpus(node, req.gpuMilli / MILLI_PER_GPU);
        if (!gpus) return undefined;
        for (const g of gpus) after[g.index] = 0;
        return { score: before - nodeFragmentation(after, cpu, mem, model, ctx.taskMix), gpus };
      }
      let best: Choice | undefined;
      for (let i = 0; i < after.length; i++) {
        const free = after[i] as number;
        if (free < req.gpuMilli) continue;
        after[i] = free - req.gpuMilli;
        const score = before - nodeFragmentation(after, cpu, mem, model, ctx.taskMix);
        after[i] = free;
        if (!best || score > best.score)
          best = { score, gpus: [{ index: i, milli: req.gpuMilli } as GpuSlice] };
      }
      return best;
    },
  };
}
