import type { FairShares } from '../fairshare/fair-share.js';
import type { ReplicaPlacement } from '../model/types.js';

/** Start a workload: every replica on its node and GPUs. */
export interface Bind {
  readonly type: 'bind';
  readonly workload: string;
  readonly pool: string;
  readonly placements: readonly ReplicaPlacement[];
  /** Why here, for a person: policy and node. */
  readonly reason: string;
}

/** Stop a running workload (it checkpoints first and is requeued). */
export interface Eviction {
  readonly type: 'evict';
  readonly workload: string;
  /** `preempt`: by higher priority in its own queue; `reclaim`: by a queue below its deserved share. */
  readonly cause: 'preempt' | 'reclaim';
  /** The workload the room is made for. */
  readonly for: string;
  /** GPU-milliseconds of work lost since the victim's last checkpoint (milli-GPU × ms). */
  readonly lostGpuMilliMs: number;
  readonly reason: string;
}

/** Why a workload was left pending this cycle. */
export interface PendingReason {
  readonly type: 'pending';
  readonly workload: string;
  /** A stable code for programs: `queue-limit`, `deserved-only`, `no-capacity`, `gang`, `preempting`, `unknown-queue`, `no-pool`. */
  readonly code: PendingCode;
  readonly reason: string;
  /**
   * For a gang of which only part fits (`gang`): the pool where the most replicas fit on
   * the nodes there now, and how many, so that capacity is launched for the rest only.
   */
  readonly partial?: GangPartial;
}

/** Replicas of a gang that fit on a pool's nodes now. */
export interface GangPartial {
  readonly pool: string;
  readonly replicas: number;
}

/** Machine-readable pending causes. */
export type PendingCode =
  | 'queue-limit'
  | 'deserved-only'
  | 'no-capacity'
  | 'gang'
  | 'preempting'
  | 'unknown-queue'
  | 'no-pool';

/** Any decision of a cycle. */
export type Decision = Bind | Eviction | PendingReason;

/** Everything one scheduling cycle decided. */
export interface ScheduleResult {
  readonly binds: Bind[];
  readonly evictions: Eviction[];
  readonly pending: PendingReason[];
  /** The fair shares the cycle used, milli-GPU per queue per pool. */
  readonly fairShares: FairShares;
}
