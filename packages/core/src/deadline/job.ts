/**
 * A deadline job: `workMs` of compute on one instance that must finish within
 * `deadlineMs` of its start, where every launch costs `restartMs` of no progress. Time is
 * in integer milliseconds and money in micro-dollars, like the rest of Roam.
 */
export interface DeadlineJob {
  /** Compute the job needs, ms (the paper's C0; `--job-hours`). */
  readonly workMs: number;
  /** The job must be done this long after it starts, ms (R0; `--deadline-hours`). */
  readonly deadlineMs: number;
  /** No-progress time paid on every launch: start, restart after a reclaim, move, ms (d). */
  readonly restartMs: number;
  /** Length of one decision tick, ms: the trace's gap. */
  readonly tickMs: number;
  /** On-demand price, micro-dollars per instance-hour. */
  readonly onDemandPrice: number;
}

/**
 * Ticks the job may use: it meets its deadline when it is done by the end of tick
 * `deadlineTicks − 1`, i.e. by ⌊deadline / tick⌋ · tick.
 */
export function deadlineTicks(job: DeadlineJob): number {
  return Math.floor(job.deadlineMs / job.tickMs);
}

/** Whole ticks needed to do `workMs` of work after `overheadMs` of overhead on one instance. */
export function ticksFor(job: DeadlineJob, workMs: number, overheadMs: number): number {
  return Math.ceil((workMs + overheadMs) / job.tickMs);
}

/**
 * The reasons a job is malformed, empty when it is fine: every duration must be a
 * non-negative safe integer (work, deadline and tick positive) and the price finite and
 * non-negative.
 */
export function jobProblems(job: DeadlineJob): string[] {
  const problems: string[] = [];
  const check = (name: keyof DeadlineJob, positive: boolean): void => {
    const v = job[name];
    if (!Number.isSafeInteger(v) || v < 0 || (positive && v === 0))
      problems.push(
        `${name} must be a ${positive ? 'positive' : 'non-negative'} integer, got ${v}`,
      );
  };
  check('workMs', true);
  check('deadlineMs', true);
  check('restartMs', false);
  check('tickMs', true);
  if (!Number.isFinite(job.onDemandPrice) || job.onDemandPrice < 0)
    problems.push(`onDemandPrice must be a non-negative number, got ${job.onDemandPrice}`);
  return problems;
}
