import { deadlineTicks, type DeadlineJob } from '../job.js';

/**
 * The exact discretisation of a deadline job for the offline dynamic program. Progress is
 * counted in units of gcd(tick, restart) ms, the largest unit every tick's work is a
 * multiple of, so no rounding happens. A launch is taken as one move spanning the
 * `launchTicks` ticks it takes to pay the restart overhead (aborting a launch before then
 * only wastes money, so an optimal schedule never does): it makes `launchWork` units of
 * progress in all, after which each further tick on the instance makes `tickWork` units.
 */
export interface ProgressGrid {
  /** Milliseconds per progress unit. */
  readonly unitMs: number;
  /** Progress units per full tick. */
  readonly tickWork: number;
  /** Units of work to do (rounded up: the job is done on reaching it). */
  readonly work: number;
  /** Ticks a launch spans until its overhead is paid (at least 1). */
  readonly launchTicks: number;
  /** Progress units made during those ticks. */
  readonly launchWork: number;
  /** Restart overhead in units. */
  readonly restart: number;
  /** Ticks the job may use: it must be done by the end of tick `ticks − 1`. */
  readonly ticks: number;
}

/** Progress units the optimum tracks at most per tick (its tables are this wide). */
const MAX_UNITS = 2_000_000;

/**
 * The grid of `job`. Throws a RangeError when the restart and the tick have so small a
 * common unit that the tables would not fit (a restart of whole minutes, or whole
 * seconds, always fits).
 */
export function progressGrid(job: DeadlineJob): ProgressGrid {
  const unitMs = job.restartMs === 0 ? job.tickMs : gcd(job.tickMs, job.restartMs);
  if (job.workMs / unitMs > MAX_UNITS)
    throw new RangeError(
      `restart ${job.restartMs} ms and tick ${job.tickMs} ms have a common unit of ${unitMs} ms: too fine for the optimum; round the restart to whole seconds`,
    );
  const launchTicks = Math.max(1, Math.ceil(job.restartMs / job.tickMs));
  return {
    unitMs,
    tickWork: job.tickMs / unitMs,
    work: Math.ceil(job.workMs / unitMs),
    launchTicks,
    launchWork: (launchTicks * job.tickMs - job.restartMs) / unitMs,
    restart: job.restartMs / unitMs,
    ticks: deadlineTicks(job),
  };
}

/**
 * The progress values (units, below `work`) worth tracking after tick `tick`: at most
 * what `tick + 1` ticks can make after one launch, at least what still lets the remaining
 * ticks finish the job at full speed. Empty (`lo > hi`) when none is.
 */
export function progressBand(grid: ProgressGrid, tick: number): { lo: number; hi: number } {
  const hi = Math.min(grid.work - 1, Math.max(0, (tick + 1) * grid.tickWork - grid.restart));
  const lo = Math.max(0, grid.work - (grid.ticks - 1 - tick) * grid.tickWork);
  return { lo, hi };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
