import { deadlineTicks, ticksFor, type DeadlineJob } from './job.js';
import type { JobInstance } from './instance.js';
import { remainingWorkMs, workDuringTick, type JobState } from './state.js';

/** Whole ticks left before the deadline at the start of the tick of `state` (may be ≤ 0). */
export function ticksLeft(job: DeadlineJob, state: JobState): number {
  return deadlineTicks(job) - state.tick;
}

/**
 * Ticks needed to finish on on-demand from now: the work left plus the overhead still
 * owed on the current on-demand instance, or a full restart overhead when not on one.
 */
function onDemandTicksNeeded(job: DeadlineJob, state: JobState): number {
  const overhead = state.instance.kind === 'on-demand' ? state.overheadMs : job.restartMs;
  return ticksFor(job, remainingWorkMs(job, state), overhead);
}

/**
 * Spare ticks: how many more ticks the job could idle (or lose) and still finish by its
 * deadline on on-demand. Negative when on-demand alone can no longer make it.
 */
export function slackTicks(job: DeadlineJob, state: JobState): number {
  return ticksLeft(job, state) - onDemandTicksNeeded(job, state);
}

/**
 * Whether holding `action` during this tick keeps the deadline within on-demand's reach
 * whatever spot does: after the tick, even if a spot instance is reclaimed at the next
 * boundary (or nothing was held), launching on-demand then still finishes in time.
 * Holding on-demand always qualifies when the slack is not negative now, and so does
 * riding a spot instance that has paid its overhead; this is the rule that makes a policy
 * never miss a deadline on-demand alone could meet.
 */
export function keepsDeadline(job: DeadlineJob, state: JobState, action: JobInstance): boolean {
  if (action.kind === 'on-demand') return slackTicks(job, state) >= 0;
  const after = remainingWorkMs(job, state) - workDuringTick(job, state, action);
  if (after <= 0) return true;
  return ticksFor(job, after, job.restartMs) <= ticksLeft(job, state) - 1;
}
