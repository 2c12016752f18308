import { shuffleInPlace, type Rng } from '@roam/core';

/** A pod of a fill experiment: what it asks for, with its GPU shape as in the openb traces. */
export interface FillPod {
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  /** Number of GPUs (0 for CPU-only). */
  readonly numGpu: number;
  /** Milli-GPU per GPU (1000 for multi-GPU pods). */
  readonly gpuMilli: number;
  readonly gpuModels: readonly string[];
}

/** Total milli-GPU a pod asks for. */
export function podGpuMilli(p: FillPod): number {
  return p.numGpu * p.gpuMilli;
}

/**
 * The arrival order of a fill run, as in the FGD artifact (`SortClusterPods`,
 * `TunePodsByNodeTotalResource`): the original pods sorted by name and shuffled; then, if
 * their GPU request is below `target` milli-GPU, copies drawn uniformly with replacement
 * from the name-sorted originals are appended until the first draw whose per-GPU request
 * would pass the target (that draw stops the loop); if above, random pods are removed
 * until it is not.
 */
export function inflatePods(originals: readonly FillPod[], target: number, rng: Rng): FillPod[] {
  const byName = [...originals].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const order = shuffleInPlace([...byName], rng);
  let total = order.reduce((sum, p) => sum + podGpuMilli(p), 0);
  if (total < target) {
    for (;;) {
      const copy = byName[rng.int(byName.length)] as FillPod;
      if (total + copy.gpuMilli * (copy.numGpu > 0 ? 1 : 0) > target) break;
      order.push(copy);
      total += podGpuMilli(copy);
    }
  } else {
    while (total > target && order.length > 0) {
      const [removed] = order.splice(rng.int(order.length), 1);
      total -= podGpuMilli(removed as FillPod);
    }
  }
  return order;
}
