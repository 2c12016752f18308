import type { DeadlineJob } from './job.js';
import type { JobInstance } from './instance.js';
import type { SpotObservation } from './observation.js';
import type { JobState } from './state.js';

/** A policy's choice for one tick and the rule that made it, in words. */
export interface DeadlineDecision {
  /** The instance to hold during the tick. */
  readonly action: JobInstance;
  /** Why, as a short sentence (a constant per rule, so cheap to produce every tick). */
  readonly reason: string;
}

/**
 * An online deadline policy: each tick it chooses what to hold from the job's state and
 * what it observes now. It never sees the future: `decide` is called once per tick, in
 * order, with that tick's observation only, so a policy may learn from what it has been
 * shown so far (and from the history its factory was given).
 */
export interface DeadlinePolicy {
  /** The policy's name, as on the command line (`greedy`, `uniform-progress`, …). */
  readonly name: string;
  /** The decision for the tick of `state` (after any reclaim at its start). */
  decide(state: JobState, observation: SpotObservation): DeadlineDecision;
}

/** What a policy is given when a job starts: the job and the market's past, not its future. */
export interface PolicyContext {
  readonly job: DeadlineJob;
  /** Zones the job may use; observations list them in this order. */
  readonly zones: number;
  /**
   * Per zone, spot availability (1 or 0) in the ticks before the job started, oldest
   * first: what a controller probing the market would already have seen. May be empty.
   */
  readonly pastAvailability: readonly ArrayLike<number>[];
}

/** Builds a fresh policy for one job (policies may keep state while the job runs). */
export type DeadlinePolicyFactory = (context: PolicyContext) => DeadlinePolicy;

/** A decision to hold `action` because of `reason`. */
export function deadlineDecision(action: JobInstance, reason: string): DeadlineDecision {
  return { action, reason };
}
