import {
  MICROS_PER_DOLLAR,
  MS_PER_HOUR,
  ONLINE_DEADLINE_POLICIES,
  jobProblems,
  optimalPolicy,
  runDeadlineJob,
  type DeadlineJob,
  type DeadlinePolicy,
  type DeadlineRun,
  type TimelineSegment,
} from '@roam/core';
import { jobMarket, type JobMarket, type ZoneMarket } from './market.js';

/** The policies `roam sim spot` runs: the online ones and the offline `optimal`. */
export const SPOT_POLICY_NAMES = [
  'on-demand',
  'greedy',
  'uniform-progress',
  'roam',
  'optimal',
] as const;

/** A policy `roam sim spot` runs. */
export type SpotPolicyName = (typeof SPOT_POLICY_NAMES)[number];

/** A deadline job in the units people use. */
export interface SpotJobSpec {
  /** Work, hours (`--job-hours`). */
  readonly jobHours: number;
  /** Deadline after the start, hours (`--deadline-hours`). */
  readonly deadlineHours: number;
  /** Restart overhead per launch, hours (`--restart-hours`). */
  readonly restartHours: number;
  /** On-demand price, USD per instance-hour (`--ondemand-price`). */
  readonly onDemandPriceUsd: number;
}

/** One stretch of a run's timeline, in hours from the job's start. */
export interface SpotSegment {
  readonly fromHour: number;
  readonly toHour: number;
  readonly instance: 'spot' | 'on-demand';
  /** The spot zone's name; null on on-demand. */
  readonly zone: string | null;
  readonly reason: string;
  /** Work done when it ended, hours. */
  readonly doneHours: number;
  readonly end: TimelineSegment['end'];
}

/** What `roam sim spot --json` prints for one run. */
export interface SpotResult {
  readonly policy: SpotPolicyName;
  /** Zones the job could use. */
  readonly zones: readonly string[];
  readonly startHour: number;
  readonly jobHours: number;
  readonly deadlineHours: number;
  readonly restartHours: number;
  readonly costUsd: number;
  /** What on-demand alone costs on the same window. */
  readonly onDemandCostUsd: number;
  /** Whether on-demand alone meets the deadline (if not, no policy can). */
  readonly onDemandMeetsDeadline: boolean;
  /** costUsd / onDemandCostUsd. */
  readonly normalizedCost: number;
  /** 100 · (1 − normalizedCost). */
  readonly savingsPct: number;
  readonly deadlineMet: boolean;
  /** Hours from the start until done; null if it never was. */
  readonly finishHours: number | null;
  /** Progress made on spot and on on-demand, hours (restart overhead excluded). */
  readonly spotHours: number;
  readonly onDemandHours: number;
  /** Instances launched, spot instances reclaimed, and moves to another zone's spot. */
  readonly launches: number;
  readonly reclaims: number;
  readonly moves: number;
  /** Time the run took (including solving `optimal`), ms. */
  readonly wallMs: number;
  readonly timeline: readonly SpotSegment[];
}

/** A job, its window on the markets, and the on-demand cost to normalise by. */
export interface PreparedSpotJob {
  readonly spec: SpotJobSpec;
  readonly startHour: number;
  readonly job: DeadlineJob;
  readonly market: JobMarket;
  readonly zoneNames: readonly string[];
  readonly onDemandCostMicros: number;
  readonly onDemandMeetsDeadline: boolean;
}

/**
 * Prepares a job starting `startHour` hours into the markets' trace (at the tick holding
 * that hour). Every market must have the same tick; durations are taken in whole seconds.
 * With `history` (the default) online policies see the availability before the start.
 * Throws a RangeError on a malformed job or a start past the trace's end.
 */
export function prepareSpotJob(
  spec: SpotJobSpec,
  markets: readonly ZoneMarket[],
  startHour: number,
  history = true,
): PreparedSpotJob {
  const first = markets[0];
  if (first === undefined) throw new RangeError('no zones to run in');
  const other = markets.find((m) => m.tickMs !== first.tickMs);
  if (other !== undefined)
    throw new RangeError(
      `zones ${first.name} (tick ${first.tickMs / 1000} s) and ${other.name} (tick ${other.tickMs / 1000} s) cannot run together: one tick length per run`,
    );
  const job: DeadlineJob = {
    workMs: wholeMs('job hours', spec.jobHours, 1000),
    deadlineMs: wholeMs('deadline hours', spec.deadlineHours, 1000),
    // Whole seconds: the optimum's grid is the common unit of the restart and the tick.
    restartMs: wholeMs('restart hours', spec.restartHours, 0),
    tickMs: first.tickMs,
    onDemandPrice: Math.round(spec.onDemandPriceUsd * MICROS_PER_DOLLAR),
  };
  const problems = jobProblems(job);
  if (problems.length > 0) throw new RangeError(`bad job: ${problems.join('; ')}`);
  const startTick = Math.floor((startHour * MS_PER_HOUR) / first.tickMs + 1e-9);
  if (startHour < 0 || startTick >= first.available.length)
    throw new RangeError(
      `start hour ${startHour} is outside the trace (0 to ${(first.available.length * first.tickMs) / MS_PER_HOUR} h)`,
    );
  const market = jobMarket(markets, startTick);
  const onDemand = ONLINE_DEADLINE_POLICIES['on-demand']({ job, zones: 1, pastAvailability: [] });
  const onDemandRun = runDeadlineJob(job, market.window, onDemand);
  return {
    spec,
    startHour,
    job,
    market: history
      ? market
      : { ...market, pastAvailability: markets.map(() => new Uint8Array(0)) },
    zoneNames: markets.map((m) => m.name),
    onDemandCostMicros: onDemandRun.costMicros,
    onDemandMeetsDeadline: onDemandRun.deadlineMet,
  };
}

/** `hours` in ms, rounded to whole seconds; a RangeError naming `what` below `minMs`. */
function wholeMs(what: string, hours: number, minMs: number): number {
  const ms = Math.round((hours * MS_PER_HOUR) / 1000) * 1000;
  if (!Number.isFinite(ms) || ms < minMs)
    throw new RangeError(
      `${what} must be ${minMs > 0 ? 'at least a second' : 'at least 0'}, got ${hours}`,
    );
  return ms;
}

/** Runs one policy on a prepared job; `clock` (ms) times it. */
export function runSpotPolicy(
  prepared: PreparedSpotJob,
  policy: SpotPolicyName,
  clock: () => number = () => performance.now(),
): SpotResult {
  const started = clock();
  const { job, market } = prepared;
  const chosen: DeadlinePolicy =
    policy === 'optimal'
      ? optimalPolicy(job, market.window)
      : ONLINE_DEADLINE_POLICIES[policy]({
          job,
          zones: market.window.zones.length,
          pastAvailability: market.pastAvailability,
        });
  const run = runDeadlineJob(job, market.window, chosen);
  return spotResult(prepared, policy, run, clock() - started);
}

function spotResult(
  prepared: PreparedSpotJob,
  policy: SpotPolicyName,
  run: DeadlineRun,
  wallMs: number,
): SpotResult {
  const { job, spec } = prepared;
  const hoursOf = (ticks: number): number => (ticks * job.tickMs) / MS_PER_HOUR;
  const costUsd = run.costMicros / MICROS_PER_DOLLAR;
  const onDemandCostUsd = prepared.onDemandCostMicros / MICROS_PER_DOLLAR;
  const normalizedCost = onDemandCostUsd > 0 ? costUsd / onDemandCostUsd : 0;
  return {
    policy,
    zones: prepared.zoneNames,
    startHour: prepared.startHour,
    jobHours: spec.jobHours,
    deadlineHours: spec.deadlineHours,
    restartHours: spec.restartHours,
    costUsd,
    onDemandCostUsd,
    onDemandMeetsDeadline: prepared.onDemandMeetsDeadline,
    normalizedCost,
    savingsPct: 100 * (1 - normalizedCost),
    deadlineMet: run.deadlineMet,
    finishHours: run.finishTick === null ? null : hoursOf(run.finishTick),
    spotHours: run.spotWorkMs / MS_PER_HOUR,
    onDemandHours: run.onDemandWorkMs / MS_PER_HOUR,
    launches: run.launches,
    reclaims: run.reclaims,
    moves: run.moves,
    wallMs,
    timeline: run.timeline.flatMap((s): SpotSegment[] =>
      s.instance.kind === 'none'
        ? []
        : [
            {
              fromHour: hoursOf(s.fromTick),
              toHour: hoursOf(s.toTick),
              instance: s.instance.kind,
              zone:
                s.instance.kind === 'spot' ? (prepared.zoneNames[s.instance.zone] ?? null) : null,
              reason: s.reason,
              doneHours: s.doneMs / MS_PER_HOUR,
              end: s.end,
            },
          ],
    ),
  };
}
