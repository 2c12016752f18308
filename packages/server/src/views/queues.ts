import { quotaIn, workloadGpuMilli, type ClusterState, type ScheduleResult } from '@roam/core';

/** One queue's standing, in GPUs and dollars: what `roam top queues` and the dashboard show. */
export interface QueueView {
  readonly name: string;
  readonly parent?: string;
  readonly deservedGpus: number;
  readonly limitGpus: number | null;
  readonly fairShareGpus: number;
  readonly allocatedGpus: number;
  readonly pendingGpus: number;
  readonly runningWorkloads: number;
  readonly pendingWorkloads: number;
  /** What its running work costs per hour (its share of each node's price). */
  readonly costPerHour: number;
}

/** Every queue's standing, summed over pools. O(queues × pools + workloads). */
export function queueViews(state: ClusterState, result: ScheduleResult | undefined): QueueView[] {
  const pools = state.poolNames();
  const pending = new Map<string, { gpus: number; count: number }>();
  for (const w of state.pending()) {
    const p = pending.get(w.queue) ?? { gpus: 0, count: 0 };
    p.gpus += workloadGpuMilli(w);
    p.count++;
    pending.set(w.queue, p);
  }
  const cost = new Map<string, number>();
  for (const b of state.bookingsAll())
    for (const placement of b.placements) {
      const node = state.node(placement.node)?.info;
      if (!node?.pricePerHourMicros || node.gpus === 0) continue;
      const share = placement.gpus.reduce((a, g) => a + g.milli, 0) / (node.gpus * 1000);
      cost.set(
        b.workload.queue,
        (cost.get(b.workload.queue) ?? 0) + share * node.pricePerHourMicros,
      );
    }
  const views: QueueView[] = [];
  for (const q of state.allQueues()) {
    let deserved = 0;
    let limit: number | null = 0;
    let allocated = 0;
    let fair = 0;
    for (const pool of pools) {
      const quota = quotaIn(q, pool);
      deserved += quota.deservedMilli;
      limit = limit === null || quota.limitMilli === null ? null : limit + quota.limitMilli;
      allocated += state.usageOf(q.name, pool).gpuMilli;
      fair += result?.fairShares.get(q.name)?.get(pool) ?? 0;
    }
    const view: QueueView = {
      name: q.name,
      deservedGpus: deserved / 1000,
      limitGpus: limit === null ? null : limit / 1000,
      fairShareGpus: Math.round(fair) / 1000,
      allocatedGpus: allocated / 1000,
      pendingGpus: (pending.get(q.name)?.gpus ?? 0) / 1000,
      runningWorkloads: state.runningIn(q.name).size,
      pendingWorkloads: pending.get(q.name)?.count ?? 0,
      costPerHour: Math.round(cost.get(q.name) ?? 0) / 1e6,
    };
    views.push(q.parent !== undefined ? { ...view, parent: q.parent } : view);
  }
  return views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
