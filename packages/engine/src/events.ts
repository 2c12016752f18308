import type { PendingCode, ReplicaPlacement } from '@roam/core';

/** What happened, in the engine's words. */
export type EngineEventKind =
  | 'submitted'
  | 'pending'
  | 'started'
  | 'preempting'
  | 'preempted'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'checkpointed'
  | 'node-added'
  | 'node-removed';

/** One event: every workload transition and node change, with a reason a person can read. */
export interface EngineEvent {
  /** When, ms. */
  readonly at: number;
  readonly kind: EngineEventKind;
  readonly workload?: string;
  readonly node?: string;
  readonly reason: string;
  /** For `pending`: the machine-readable cause. */
  readonly code?: PendingCode;
  /** For `started`: where. */
  readonly placements?: readonly ReplicaPlacement[];
  /** For `preempted`: GPU·ms of work lost (milli-GPU × ms). */
  readonly lostGpuMilliMs?: number;
}
