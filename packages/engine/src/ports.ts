import type { ReplicaPlacement } from '@roam/core';
import type { EngineEvent } from './events.js';

/** The clock port: the engine reads time only here (ms). */
export interface Clock {
  now(): number;
}

/** Why the engine stops a running workload. */
export interface StopRequest {
  /** `preempt` / `reclaim`: evicted by the scheduler; `cancel`: deleted by a user. */
  readonly cause: 'preempt' | 'reclaim' | 'cancel';
  /** Checkpoint before stopping (evictions do; cancellations do not). */
  readonly checkpoint: boolean;
  readonly reason: string;
}

/**
 * The runtime port: what runs workloads (simulated world, local processes, Kubernetes).
 * The engine tells it what to start and stop; it reports back through the engine's
 * `finished`, `stopped` and `checkpointed` methods.
 */
export interface Runtime {
  /** Starts every replica of a workload on its placement. */
  start(key: string, placements: readonly ReplicaPlacement[]): void;
  /** Stops a workload (checkpointing first when asked); report with `Engine.stopped`. */
  stop(key: string, request: StopRequest): void;
}

/** The event port: where the engine's events go (logs, stores, streams, metrics). */
export interface EventSink {
  record(event: EngineEvent): void;
}
