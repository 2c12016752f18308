import type { ReplicaRequest } from '../../model/types.js';

/** One kind of request in the mix, with its share of all requests. */
export interface TaskType {
  readonly request: ReplicaRequest;
  /** Probability of this type among all tasks (the weights sum to 1). */
  readonly weight: number;
}

/**
 * The mix of requests a cluster sees (the "target workload" of FGD): distinct request
 * shapes with their frequencies. Fragmentation-aware placement measures a node's idle GPU
 * capacity that this mix could not use.
 */
export class TaskMix {
  private constructor(readonly types: readonly TaskType[]) {}

  /** The empty mix: nothing counts as fragmentation. */
  static readonly EMPTY = new TaskMix([]);

  /** Builds the mix from requests, one count per occurrence (GPU-requesting ones only by default). */
  static fromRequests(requests: Iterable<ReplicaRequest>): TaskMix {
    const counts = new Map<string, { request: ReplicaRequest; count: number }>();
    let total = 0;
    for (const r of requests) {
      const key = `${r.gpuMilli}|${r.cpuMilli}|${r.memoryMiB}|${r.gpuModels.join(',')}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { request: r, count: 1 });
      total++;
    }
    if (total === 0) return TaskMix.EMPTY;
    const types = [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { request, count }]) => ({ request, weight: count / total }));
    return new TaskMix(types);
  }
}
