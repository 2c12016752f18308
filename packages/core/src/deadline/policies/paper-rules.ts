import { ticksFor, type DeadlineJob } from '../job.js';
import { NO_INSTANCE, ON_DEMAND, spotIn } from '../instance.js';
import type { SpotObservation } from '../observation.js';
import type { DeadlineDecision } from '../policy.js';
import { ticksLeft } from '../slack.js';
import { remainingWorkMs, type JobState } from '../state.js';

/** What the single-zone rules of "Can't Be Late" ask for in one tick. */
export type PaperRequest = 'none' | 'spot' | 'on-demand';

/** A request and the rule that made it. */
export interface PaperChoice {
  readonly request: PaperRequest;
  readonly reason: string;
}

/** The single-zone rule of a policy, asked with whether spot is available now. */
export type PaperRule = (state: JobState, hasSpot: boolean) => PaperChoice;

const SAFETY_NET: PaperChoice = {
  request: 'on-demand',
  reason: 'safety net: no more ticks left than the work plus two restarts; on-demand to the end',
};
const RIDE_SPOT: PaperChoice = {
  request: 'spot',
  reason: 'last chance: riding a running spot instance until it is reclaimed',
};
const LAST_CHANCE: PaperChoice = {
  request: 'on-demand',
  reason: 'last chance: no more ticks left than the work plus one restart; on-demand',
};

/**
 * The paper's safety nets, applied after a policy's own rule (the mature `strawman` and
 * `rc_cr_threshold`): with no more ticks left than ⌈(work + 2d) / tick⌉, an idle or
 * on-demand job goes (or stays) on-demand; with no more than ⌈(work + d) / tick⌉, it rides
 * a spot instance that has paid its overhead, and otherwise takes on-demand (with no
 * overhead at all, spot when there is some).
 */
export function withSafetyNets(
  job: DeadlineJob,
  state: JobState,
  hasSpot: boolean,
  choice: PaperChoice,
): PaperChoice {
  const left = ticksLeft(job, state);
  const work = remainingWorkMs(job, state);
  const held = state.instance.kind;
  let out = choice;
  if (ticksFor(job, work, 2 * job.restartMs) >= left && held !== 'spot') out = SAFETY_NET;
  if (ticksFor(job, work, job.restartMs) >= left) {
    out = held === 'spot' && state.overheadMs === 0 ? RIDE_SPOT : LAST_CHANCE;
    if (job.restartMs === 0 && hasSpot) out = RIDE_SPOT;
  }
  return out;
}

/**
 * Turns a single-zone rule into a decision over several zones, as the authors'
 * multi-region wrapper does (with one zone it is the rule itself): ask the rule as if
 * spot were available; if it wants spot, keep the running spot instance or launch in the
 * first zone (in zone order) that has spot; if no zone has any, ask again without spot.
 */
export function decideAcrossZones(
  rule: PaperRule,
  state: JobState,
  observation: SpotObservation,
): DeadlineDecision {
  const hopeful = rule(state, true);
  if (hopeful.request !== 'spot') return decisionFor(hopeful);
  const zone =
    state.instance.kind === 'spot' ? state.instance.zone : observation.available.indexOf(true);
  if (zone >= 0) return { action: spotIn(zone), reason: hopeful.reason };
  return decisionFor(rule(state, false));
}

/** The decision for a request that is not spot (spot without a zone holds nothing). */
function decisionFor(choice: PaperChoice): DeadlineDecision {
  return {
    action: choice.request === 'on-demand' ? ON_DEMAND : NO_INSTANCE,
    reason: choice.reason,
  };
}
