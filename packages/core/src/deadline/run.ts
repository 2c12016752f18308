import { MS_PER_HOUR } from '../units.js';
import { deadlineTicks, ticksFor, type DeadlineJob } from './job.js';
import type { JobInstance } from './instance.js';
import { observeTick, type SpotWindow } from './observation.js';
import type { DeadlinePolicy } from './policy.js';
import { applyReclaim, holdInstance, jobDone, JOB_START } from './state.js';

/** A stretch of ticks holding one instance (stretches holding nothing are not listed). */
export interface TimelineSegment {
  /** First tick of the stretch. */
  readonly fromTick: number;
  /** The tick after the last one. */
  readonly toTick: number;
  readonly instance: JobInstance;
  /** The policy's reason at the first tick. */
  readonly reason: string;
  /** Work done when the stretch ended, ms. */
  readonly doneMs: number;
  /** Why it ended: the policy chose otherwise, spot was reclaimed, or the job was done. */
  readonly end: 'decision' | 'reclaim' | 'done';
}

/** What running a policy over a window did. */
export interface DeadlineRun {
  readonly policy: string;
  /** Whether the job finished at all (a policy that never runs it does not). */
  readonly finished: boolean;
  /** Ticks from the start until the job was done; null if it never was. */
  readonly finishTick: number | null;
  /** Whether it was done by the deadline (by the end of tick ⌊deadline / tick⌋ − 1). */
  readonly deadlineMet: boolean;
  /** Money spent, micro-dollars: every held tick billed in full at its price. */
  readonly costMicros: number;
  /** Progress made on spot and on on-demand, ms (overhead excluded). */
  readonly spotWorkMs: number;
  readonly onDemandWorkMs: number;
  /** Ticks held (and billed) on spot and on on-demand, overhead included. */
  readonly spotTicks: number;
  readonly onDemandTicks: number;
  /** Instances launched (each paid the restart overhead). */
  readonly launches: number;
  /** Spot instances reclaimed under the job. */
  readonly reclaims: number;
  /** Spot launches in another zone than the job's previous spot instance. */
  readonly moves: number;
  readonly timeline: readonly TimelineSegment[];
}

/**
 * Runs `policy` tick by tick over `window` until the job is done: observe the tick,
 * apply a reclaim at its boundary, ask the policy, hold its choice for the
 * tick. Past the deadline the run goes on (a late finish is a missed deadline) until the
 * job is done or on-demand started at the deadline would have finished it; a policy still
 * not done then has not finished. Pure and deterministic.
 */
export function runDeadlineJob(
  job: DeadlineJob,
  window: SpotWindow,
  policy: DeadlinePolicy,
): DeadlineRun {
  const tickLimit = deadlineTicks(job) + ticksFor(job, job.workMs, job.restartMs) + 1;
  const timeline: TimelineSegment[] = [];
  let open: { fromTick: number; instance: JobInstance; reason: string } | undefined;
  const close = (tick: number, doneMs: number, end: TimelineSegment['end']): void => {
    if (open !== undefined) timeline.push({ ...open, toTick: tick, doneMs, end });
    open = undefined;
  };
  let state = JOB_START;
  let priceTicks = 0;
  let spotWorkMs = 0;
  let onDemandWorkMs = 0;
  let spotTicks = 0;
  let onDemandTicks = 0;
  let launches = 0;
  let reclaims = 0;
  let moves = 0;
  let lastSpotZone = -1;
  while (state.tick < tickLimit && !jobDone(job, state)) {
    const observation = observeTick(window, state.tick);
    const before = state;
    state = applyReclaim(state, observation);
    if (state !== before) {
      reclaims++;
      close(state.tick, state.doneMs, 'reclaim');
    }
    const { action, reason } = policy.decide(state, observation);
    const outcome = holdInstance(job, state, action, observation);
    if (outcome.launched || action.kind !== open?.instance.kind) {
      close(state.tick, state.doneMs, 'decision');
      if (action.kind !== 'none') open = { fromTick: state.tick, instance: action, reason };
    }
    if (outcome.launched) launches++;
    if (action.kind === 'spot') {
      if (outcome.launched && lastSpotZone >= 0 && action.zone !== lastSpotZone) moves++;
      lastSpotZone = action.zone;
      priceTicks += observation.spotPrice[action.zone] ?? 0;
      spotTicks++;
      spotWorkMs += outcome.workMs;
    } else if (action.kind === 'on-demand') {
      priceTicks += job.onDemandPrice;
      onDemandTicks++;
      onDemandWorkMs += outcome.workMs;
    }
    state = outcome.next;
  }
  const finished = jobDone(job, state);
  close(state.tick, state.doneMs, finished ? 'done' : 'decision');
  return {
    policy: policy.name,
    finished,
    finishTick: finished ? state.tick : null,
    deadlineMet: finished && state.tick <= deadlineTicks(job),
    costMicros: (priceTicks * job.tickMs) / MS_PER_HOUR,
    spotWorkMs,
    onDemandWorkMs,
    spotTicks,
    onDemandTicks,
    launches,
    reclaims,
    moves,
    timeline,
  };
}
