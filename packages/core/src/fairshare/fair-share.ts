import type { ClusterState } from '../model/cluster-state.js';
import type { QueueInfo, Usage, WorkloadInfo } from '../model/types.js';
import type { QuotaEntry } from '../resources/queue.js';
import { modelAllowed } from '../scheduler/placement/filters.js';
import { compareStrings } from '../util/heap.js';
import { waterfill } from './waterfill.js';

/** The quota a queue has in a pool it does not list: nothing guaranteed, weight 1, no limit. */
export const DEFAULT_QUOTA: Omit<QuotaEntry, 'nodePool'> = {
  deservedMilli: 0,
  overQuotaWeight: 1,
  limitMilli: null,
};

/** A queue's quota in a pool. */
export function quotaIn(queue: QueueInfo | undefined, pool: string): Omit<QuotaEntry, 'nodePool'> {
  return queue?.quota.find((q) => q.nodePool === pool) ?? DEFAULT_QUOTA;
}

/** Fair share per queue per pool, milli-GPU (fractional values are targets, not grants). */
export type FairShares = Map<string, Map<string, number>>;

/** Demand per queue per pool, milli-GPU: what it holds plus what its pending work asks. */
export type Demand = Map<string, Map<string, number>>;

/** Whether a pool has schedulable nodes of a GPU model the request allows (any node for CPU-only work). */
export function poolCanHost(state: ClusterState, pool: string, w: WorkloadInfo): boolean {
  for (const group of state.groupsOf(pool)) {
    if (w.request.gpuMilli === 0) return true;
    if (group.gpuModel !== null && modelAllowed(group.gpuModel, w.request)) return true;
  }
  return false;
}

/** The pools a workload may use: its own list (or every pool) with nodes that can host it. */
export function eligiblePools(
  state: ClusterState,
  w: WorkloadInfo,
  allPools: readonly string[],
): string[] {
  return (w.nodePools.length > 0 ? w.nodePools : allPools).filter((pool) =>
    poolCanHost(state, pool, w),
  );
}

/**
 * Demand of every queue (and, summed, every department) per pool. A pending workload that
 * may use several pools counts in each of them: demand caps a fair share, it is not a
 * booking.
 */
export function computeDemand(state: ClusterState, pools: readonly string[]): Demand {
  const demand: Demand = new Map();
  const byPoolOf = (q: string): Map<string, number> => {
    let byPool = demand.get(q);
    if (!byPool) demand.set(q, (byPool = new Map()));
    return byPool;
  };
  // What queues hold: their usage (which already includes their projects').
  for (const q of state.allQueues())
    for (const pool of pools) {
      const used = state.usageOf(q.name, pool).gpuMilli;
      if (used > 0) byPoolOf(q.name).set(pool, used);
    }
  // What pending work asks, in every pool it may use; eligibility is shared by equal shapes.
  const eligible = new Map<string, readonly string[]>();
  for (const w of state.pending()) {
    const key = `${w.nodePools.join(',')}|${w.request.gpuMilli > 0 ? w.request.gpuModels.join(',') : '-'}`;
    let where = eligible.get(key);
    if (!where) eligible.set(key, (where = eligiblePools(state, w, pools)));
    const milli = w.request.gpuMilli * w.replicas;
    for (const pool of where)
      for (const q of state.lineage(w.queue)) {
        const byPool = byPoolOf(q);
        byPool.set(pool, (byPool.get(pool) ?? 0) + milli);
      }
  }
  return demand;
}

/**
 * Hierarchical fair shares: each pool's GPU capacity is divided among top-level queues by
 * `waterfill` (deserved first, then idle capacity by over-quota weight, capped by limit and
 * demand), and each department's share among its children the same way.
 */
export function computeFairShares(
  state: ClusterState,
  capacity: ReadonlyMap<string, Usage>,
  demand: Demand,
): FairShares {
  const children = new Map<string | undefined, QueueInfo[]>();
  for (const q of state.allQueues()) {
    const parent = q.parent !== undefined && state.queue(q.parent) ? q.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(q);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => compareStrings(a.name, b.name));
  const shares: FairShares = new Map();
  const divide = (
    parent: string | undefined,
    pool: string,
    total: number,
    seen: Set<string>,
  ): void => {
    const kids = (children.get(parent) ?? []).filter((k) => !seen.has(k.name));
    const given = waterfill(
      total,
      kids.map((k) => {
        const quota = quotaIn(k, pool);
        const want = demand.get(k.name)?.get(pool) ?? 0;
        return {
          deserved: quota.deservedMilli,
          weight: quota.overQuotaWeight,
          cap: Math.min(want, quota.limitMilli ?? Infinity),
        };
      }),
    );
    kids.forEach((k, i) => {
      let byPool = shares.get(k.name);
      if (!byPool) shares.set(k.name, (byPool = new Map()));
      byPool.set(pool, given[i] as number);
      divide(k.name, pool, given[i] as number, new Set([...seen, k.name]));
    });
  };
  for (const [pool, cap] of capacity) divide(undefined, pool, cap.gpuMilli, new Set());
  return shares;
}
