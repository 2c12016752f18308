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
  const add = (queue: string, pool: string, milli: number): void => {
    for (const q of state.lineage(queue)) {
      let byPool = demand.get(q);
      if (!byPool) demand.set(q, (byPool = new Map()));
      byPool.set(pool, (byPool.get(pool) ?? 0) + milli);
    }
  };
  for (const b of state.bookingsAll())
    for (const p of b.placements) {
      const pool = state.node(p.node)?.info.pool;
      if (pool !== undefined)
        add(
          b.workload.queue,
          pool,
          p.gpus.reduce((a, g) => a + g.milli, 0),
        );
    }
  for (const w of state.pending())
    for (const pool of eligiblePools(state, w, pools))
      add(w.queue, pool, w.request.gpuMilli * w.replicas);
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
