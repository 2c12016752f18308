import type { DeadlineJob } from './job.js';
import { NO_INSTANCE, sameInstance, type JobInstance } from './instance.js';
import type { SpotObservation } from './observation.js';

/**
 * A deadline job at the start of a tick, after any spot reclaim at the tick boundary has
 * been applied. This is the tick model of "Can't Be Late" (Wu et al., NSDI '24): one
 * decision per tick, reclaims only at tick boundaries, and every launch costs the restart
 * overhead, paid before any progress.
 */
export interface JobState {
  /** Ticks since the job started: this tick's index. */
  readonly tick: number;
  /** Work done so far, ms. */
  readonly doneMs: number;
  /** Restart overhead still to pay on the current instance before it makes progress, ms. */
  readonly overheadMs: number;
  /** The instance held now (none after a reclaim). */
  readonly instance: JobInstance;
}

/** A job that has not started: tick 0, nothing done, no instance. */
export const JOB_START: JobState = Object.freeze({
  tick: 0,
  doneMs: 0,
  overheadMs: 0,
  instance: NO_INSTANCE,
});

/** Work still to do, ms. */
export function remainingWorkMs(job: DeadlineJob, state: JobState): number {
  return job.workMs - state.doneMs;
}

/** Whether the job is done. */
export function jobDone(job: DeadlineJob, state: JobState): boolean {
  return state.doneMs >= job.workMs;
}

/**
 * Applies a reclaim at the start of a tick: a spot instance whose zone has no spot now is
 * gone (the job holds nothing and keeps its progress). Returns `state` itself otherwise.
 */
export function applyReclaim(state: JobState, observation: SpotObservation): JobState {
  const held = state.instance;
  if (held.kind !== 'spot' || observation.available[held.zone] === true) return state;
  return { ...state, overheadMs: 0, instance: NO_INSTANCE };
}

/** What holding an instance for one tick did. */
export interface TickOutcome {
  /** The state at the start of the next tick (before its reclaim check). */
  readonly next: JobState;
  /** Progress made during the tick, ms. */
  readonly workMs: number;
  /** Whether the action launched a new instance (and so paid the restart overhead). */
  readonly launched: boolean;
}

/**
 * Holds `action` during the tick of `state`. Holding anything other than the current
 * instance is a launch: the restart overhead starts over (it does not stack). An instance
 * pays its remaining overhead first and then makes progress, up to the work left. Asking
 * for spot in a zone that has none now is a programming error and throws.
 */
export function holdInstance(
  job: DeadlineJob,
  state: JobState,
  action: JobInstance,
  observation: SpotObservation,
): TickOutcome {
  if (action.kind === 'spot' && observation.available[action.zone] !== true)
    throw new Error(`tick ${state.tick}: spot requested in zone ${action.zone}, which has none`);
  const tick = state.tick + 1;
  if (action.kind === 'none')
    return {
      next: { tick, doneMs: state.doneMs, overheadMs: 0, instance: NO_INSTANCE },
      workMs: 0,
      launched: false,
    };
  const launched = !sameInstance(action, state.instance);
  const overhead = launched ? job.restartMs : state.overheadMs;
  const workMs = workDuringTick(job, state, action);
  return {
    next: {
      tick,
      doneMs: state.doneMs + workMs,
      overheadMs: Math.max(overhead - job.tickMs, 0),
      instance: action,
    },
    workMs,
    launched,
  };
}

/**
 * Progress that holding `action` during the tick of `state` makes, ms: the tick minus the
 * overhead still to pay (all of it after a launch), at most the work left; 0 for none.
 */
export function workDuringTick(job: DeadlineJob, state: JobState, action: JobInstance): number {
  if (action.kind === 'none') return 0;
  const overhead = sameInstance(action, state.instance) ? state.overheadMs : job.restartMs;
  return Math.min(Math.max(job.tickMs - overhead, 0), job.workMs - state.doneMs);
}
