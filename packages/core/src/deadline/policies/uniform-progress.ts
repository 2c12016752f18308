import type { DeadlineJob } from '../job.js';
import { compareProducts } from '../exact.js';
import type { DeadlinePolicy, DeadlinePolicyFactory } from '../policy.js';
import type { JobState } from '../state.js';
import { decideAcrossZones, withSafetyNets, type PaperChoice } from './paper-rules.js';

const SPOT: PaperChoice = { request: 'spot', reason: 'spot is available' };
const WAIT: PaperChoice = {
  request: 'none',
  reason: 'no spot, ahead of uniform progress: waiting',
};
const CATCH_UP: PaperChoice = {
  request: 'on-demand',
  reason: 'no spot, behind uniform progress: on-demand to catch up',
};
const HYSTERESIS: PaperChoice = {
  request: 'on-demand',
  reason: 'staying on on-demand until ahead of uniform progress by two restarts',
};

/**
 * `uniform-progress`, the policy of "Can't Be Late" (its `rc_cr_threshold`): spot whenever
 * it is available; without spot, on-demand when progress is behind the uniform line
 * t·C0/R0; once on on-demand, stay there while spot is unavailable or until progress is
 * ahead of the line at t + 2d (hysteresis); then the paper's safety nets.
 */
export const uniformProgressPolicy: DeadlinePolicyFactory = ({ job }): DeadlinePolicy => ({
  name: 'uniform-progress',
  decide: (state, observation) =>
    decideAcrossZones((s, hasSpot) => uniformProgressRule(job, s, hasSpot), state, observation),
});

/** The single-zone rule, with the safety nets applied. */
function uniformProgressRule(job: DeadlineJob, state: JobState, hasSpot: boolean): PaperChoice {
  const elapsed = state.tick * job.tickMs;
  let choice = hasSpot ? SPOT : WAIT;
  if (behindLine(job, state.doneMs, elapsed)) choice = hasSpot ? SPOT : CATCH_UP;
  if (
    state.instance.kind === 'on-demand' &&
    (!hasSpot || behindLine(job, state.doneMs, elapsed + 2 * job.restartMs, true))
  )
    choice = HYSTERESIS;
  return withSafetyNets(job, state, hasSpot, choice);
}

/**
 * Whether `doneMs` is behind the uniform-progress line at `atMs`, i.e. done < at·C0/R0
 * (exactly, in integers). With `orLevel`, being on the line counts as behind: the
 * hysteresis lets go of on-demand only when strictly ahead.
 */
function behindLine(job: DeadlineJob, doneMs: number, atMs: number, orLevel = false): boolean {
  const order = compareProducts(doneMs, job.deadlineMs, atMs, job.workMs);
  return order < 0 || (orLevel && order === 0);
}
