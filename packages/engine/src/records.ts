import type { PendingCode, ReplicaPlacement, WorkloadInfo } from '@roam/core';

/** Where a workload is in its life. */
export type WorkloadPhase =
  'Pending' | 'Running' | 'Preempting' | 'Succeeded' | 'Failed' | 'Cancelled';

/** What the engine knows about one workload. */
export interface WorkloadRecord {
  readonly info: WorkloadInfo;
  phase: WorkloadPhase;
  /** The latest reason: why pending, where placed, why preempted. */
  reason: string;
  /** For pending workloads: the latest cause. */
  pendingCode?: PendingCode;
  /** When it last started, ms. */
  startedAt?: number;
  /** When it first started, ms. */
  firstStartedAt?: number;
  finishedAt?: number;
  placements?: readonly ReplicaPlacement[];
  /** Times it was evicted or lost its node. */
  preemptions: number;
  /**
   * Why Roam keeps it on on-demand capacity, when it does: it was moved off spot for its
   * deadline. This holds for the rest of its life, across edits of its spec and restarts.
   */
  onDemandOnly?: string;
}

/**
 * `w` asking for on-demand capacity only: its clouds and regions are kept, its price cap
 * is dropped (a workload moved for its deadline needs on-demand at its price).
 */
export function restrictedToOnDemand(w: WorkloadInfo): WorkloadInfo {
  return {
    ...w,
    capacity: {
      market: 'on-demand',
      clouds: w.capacity?.clouds ?? [],
      regions: w.capacity?.regions ?? [],
    },
  };
}

/** Whether a phase is final. */
export function isFinished(phase: WorkloadPhase): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Cancelled';
}
