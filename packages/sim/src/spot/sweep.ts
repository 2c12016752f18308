import type { ZoneMarket } from './market.js';
import {
  prepareSpotJob,
  runSpotPolicy,
  type SpotJobSpec,
  type SpotPolicyName,
  type SpotResult,
} from './experiment.js';

/** A grid of deadline experiments: zone sets × start hours × deadlines × policies. */
export interface SpotSweepGrid {
  /** The job, less its deadline (which the grid varies). */
  readonly job: Omit<SpotJobSpec, 'deadlineHours'>;
  /**
   * Each entry is the zones of one set of runs: one zone for single-zone runs, several
   * for multi-zone runs (`--zone all`). All must have the same tick length.
   */
  readonly zoneSets: readonly (readonly ZoneMarket[])[];
  readonly startHours: readonly number[];
  readonly deadlineHours: readonly number[];
  readonly policies: readonly SpotPolicyName[];
  /** Whether online policies see the availability before each start (default true). */
  readonly history?: boolean;
}

/** One run of a sweep: its result without the timeline. */
export type SpotSweepRow = Omit<SpotResult, 'timeline'>;

/** Called after each run with how many are done out of how many. */
export type SweepProgress = (done: number, total: number) => void;

/**
 * Runs every cell of the grid: for each zone set, start hour and deadline it prepares
 * the window once, then runs each policy on it. Rows come in grid order (zone set, start,
 * deadline, policy). `clock` (ms) times the runs.
 */
export function runSpotSweep(
  grid: SpotSweepGrid,
  onProgress?: SweepProgress,
  clock: () => number = () => performance.now(),
): SpotSweepRow[] {
  const total =
    grid.zoneSets.length *
    grid.startHours.length *
    grid.deadlineHours.length *
    grid.policies.length;
  const rows: SpotSweepRow[] = [];
  for (const zones of grid.zoneSets)
    for (const startHour of grid.startHours)
      for (const deadlineHours of grid.deadlineHours) {
        const prepared = prepareSpotJob(
          { ...grid.job, deadlineHours },
          zones,
          startHour,
          grid.history,
        );
        for (const policy of grid.policies) {
          const { timeline: _timeline, ...row } = runSpotPolicy(prepared, policy, clock);
          rows.push(row);
          onProgress?.(rows.length, total);
        }
      }
  return rows;
}

/**
 * Start hours spread evenly over the part of a trace where a job with the longest
 * deadline fits: `count` hours from 0 to the last start that leaves `maxDeadlineHours`
 * (rounded down to tenths of an hour).
 */
export function evenStartHours(
  traceHours: number,
  maxDeadlineHours: number,
  count: number,
): number[] {
  const last = Math.max(0, traceHours - maxDeadlineHours - 1);
  if (count <= 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.floor((10 * last * i) / (count - 1)) / 10);
}

/** Deadlines for a job of `jobHours` with the given slacks (fractions of the job: 0.1 = 10%). */
export function deadlinesForSlack(jobHours: number, slacks: readonly number[]): number[] {
  return slacks.map((s) => Math.round(jobHours * (1 + s) * 1000) / 1000);
}
