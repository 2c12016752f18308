import type { FairShares } from '../fairshare/fair-share.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Usage } from '../model/types.js';

/**
 * How far a queue is through its fair share: its dominant share (the largest of its GPU,
 * CPU and memory use as fractions of the cluster, as in dominant-resource fairness)
 * divided by its entitled fraction of the cluster's GPUs. Below 1 the queue is under its
 * fair share. Queues with the lowest value are served first.
 */
export function fairnessRatio(
  state: ClusterState,
  queue: string,
  pools: readonly string[],
  totals: Usage,
  fairShares: FairShares,
): number {
  let gpu = 0;
  let cpu = 0;
  let mem = 0;
  let share = 0;
  const shares = fairShares.get(queue);
  for (const pool of pools) {
    const u = state.usageOf(queue, pool);
    gpu += u.gpuMilli;
    cpu += u.cpuMilli;
    mem += u.memoryMiB;
    share += shares?.get(pool) ?? 0;
  }
  const dominant = Math.max(
    totals.gpuMilli > 0 ? gpu / totals.gpuMilli : 0,
    totals.cpuMilli > 0 ? cpu / totals.cpuMilli : 0,
    totals.memoryMiB > 0 ? mem / totals.memoryMiB : 0,
  );
  const entitled = totals.gpuMilli > 0 ? share / totals.gpuMilli : 0;
  if (entitled > 0) return dominant / entitled;
  // No fair share: served after every queue that has one, least used first.
  return 1e6 + dominant;
}
