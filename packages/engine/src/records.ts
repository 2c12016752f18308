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
}

/** Whether a phase is final. */
export function isFinished(phase: WorkloadPhase): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Cancelled';
}
