import { MS_PER_HOUR } from '../../units.js';
import { deadlineTicks, type DeadlineJob } from '../job.js';
import { NO_INSTANCE, ON_DEMAND, spotIn, type JobInstance } from '../instance.js';
import type { SpotObservation } from '../observation.js';
import {
  deadlineDecision,
  type DeadlineDecision,
  type DeadlinePolicy,
  type DeadlinePolicyFactory,
  type PolicyContext,
} from '../policy.js';
import { availabilityChain, chainState } from '../roam/chain.js';
import { estimateHazards } from '../roam/hazards.js';
import { hopHazard } from '../roam/hops.js';
import { MarketMemory } from '../roam/memory.js';
import { HOLD_NONE, HOLD_ON_DEMAND, HOLD_SPOT, RoamPlan, type PlanHolding } from '../roam/plan.js';
import { ageBucket } from '../roam/run-ages.js';
import { keepsDeadline, ticksLeft } from '../slack.js';
import { remainingWorkMs, type JobState } from '../state.js';

/** Length of a model step, aimed at (whole ticks, at least one). */
const STEP_MS = 400_000;
/** With little history the model is re-learnt, at most this often, as data doubles. */
const RELEARN_MS = 6 * MS_PER_HOUR;

const SPOT = 'spot: cheapest in expectation, given how long spot runs last here';
const WAIT = 'no spot: waiting, the slack covers the outage the model expects';
const SKIP_SPOT = 'spot too young to repay a restart: waiting';
const ON_DEMAND_NOW = 'on-demand: with this slack, waiting for spot is expected to cost more';
const KEEP_ON_DEMAND = 'staying on on-demand: spot here is not expected to last long enough';
const SAFETY = 'safety: on-demand, or the deadline could be missed';

/**
 * `roam`: Roam's deadline policy. It learns a model of spot availability online — per
 * age of the current run (with spot, or without), the chance it ends in the next step,
 * from the history seen before the job and during it, never the future — and plans
 * against it: the holding (nothing, on-demand, spot) that minimises the expected cost to
 * finish, for every slack and availability state, by backward induction (`RoamPlan`).
 * So it waits through outages the slack can absorb, leaves on-demand for spot only when
 * the run is expected to repay the restart, and turns to on-demand as late as is worth
 * it. On top, a hard rule independent of any estimate (`keepsDeadline`): an action is
 * taken only if on-demand could still finish in time after it, even if spot is reclaimed
 * at the next tick; so `roam` never misses a deadline on-demand alone could meet. With
 * several zones it plans on "spot somewhere" (a move to another zone costs a restart,
 * counted in the model as a hop), and launches in the zone with the lowest expected price
 * per unit of work: the spot price, plus the restart amortised over the run's expected
 * remaining life.
 */
export const roamDeadlinePolicy: DeadlinePolicyFactory = (context) => new RoamPolicy(context);

class RoamPolicy implements DeadlinePolicy {
  readonly name = 'roam';
  private readonly job: DeadlineJob;
  private readonly memory: MarketMemory;
  private readonly stepTicks: number;
  private plan: RoamPlan | undefined;
  private learntAt = 0;
  /** The last spot price seen where spot was, micro-dollars per instance-hour. */
  private lastSpotPrice: number | undefined;
  /** Per zone, expected remaining life of a spot run per age bucket, in steps. */
  private zoneLife: Float64Array[] = [];

  constructor(context: PolicyContext) {
    this.job = context.job;
    this.stepTicks = Math.max(1, Math.round(STEP_MS / context.job.tickMs));
    this.memory = new MarketMemory(
      context.pastAvailability,
      context.zones,
      2 * deadlineTicks(context.job),
    );
  }

  decide(state: JobState, observation: SpotObservation): DeadlineDecision {
    this.memory.push(observation.available);
    this.observePrice(observation);
    if (this.shouldLearn()) this.learn(state.tick);
    const holding = this.planned(state);
    const action = this.actionFor(holding, state, observation);
    if (!keepsDeadline(this.job, state, action)) return deadlineDecision(ON_DEMAND, SAFETY);
    return deadlineDecision(action, reasonFor(holding, state, observation));
  }

  private shouldLearn(): boolean {
    if (this.plan === undefined) return true;
    const ticks = this.memory.ticks;
    return ticks >= 2 * this.learntAt && (ticks - this.learntAt) * this.job.tickMs >= RELEARN_MS;
  }

  /** Learns the model from everything seen so far and solves the plan from `tick`. */
  private learn(tick: number): void {
    const stride = this.stepTicks;
    const zones = Array.from({ length: this.memory.zones }, (_, z) => this.memory.zone(z));
    this.zoneLife =
      zones.length > 1
        ? zones.map((z) => availabilityChain(estimateHazards(z, stride)).residualUp)
        : [];
    this.plan = new RoamPlan({
      job: this.job,
      chain: availabilityChain(estimateHazards(this.memory.union(), stride)),
      hopHazard: hopHazard(zones, stride),
      spotPrice: this.lastSpotPrice ?? this.job.onDemandPrice / 3,
      stepTicks: stride,
      fromTick: tick,
    });
    this.learntAt = this.memory.ticks;
  }

  /**
   * Keeps the spot price to plan with: the cheapest zone that has spot now, else the last
   * one seen where spot was (before any, plans take a third of on-demand, the typical
   * discount). Prices of zones without spot say nothing.
   */
  private observePrice(observation: SpotObservation): void {
    let best = Number.POSITIVE_INFINITY;
    observation.available.forEach((available, z) => {
      const price = observation.spotPrice[z] ?? Number.NaN;
      if (available && Number.isFinite(price) && price < best) best = price;
    });
    if (Number.isFinite(best)) this.lastSpotPrice = best;
  }

  /** The plan's holding for the job's state now. */
  private planned(state: JobState): PlanHolding {
    const plan = this.plan as RoamPlan;
    const stepsLeft = Math.floor(ticksLeft(this.job, state) / this.stepTicks);
    const owed = state.instance.kind === 'none' ? 0 : state.overheadMs;
    const workSteps = Math.ceil((remainingWorkMs(this.job, state) + owed) / plan.stepMs);
    const held =
      state.instance.kind === 'spot'
        ? HOLD_SPOT
        : state.instance.kind === 'on-demand'
          ? HOLD_ON_DEMAND
          : HOLD_NONE;
    const run = this.memory.unionRun;
    const at = chainState(run.state === 1, ageBucket(Math.ceil(run.age / this.stepTicks)));
    return plan.holdingAt(stepsLeft, stepsLeft - workSteps, held, at);
  }

  private actionFor(
    holding: PlanHolding,
    state: JobState,
    observation: SpotObservation,
  ): JobInstance {
    if (holding === HOLD_ON_DEMAND) return ON_DEMAND;
    if (holding === HOLD_NONE) return NO_INSTANCE;
    if (state.instance.kind === 'spot') return state.instance;
    return spotIn(this.cheapestZone(observation));
  }

  /**
   * The zone with spot whose expected price per unit of work is lowest: its spot price
   * times (1 + restart / expected remaining life of its current run).
   */
  private cheapestZone(observation: SpotObservation): number {
    const restartSteps = this.job.restartMs / (this.stepTicks * this.job.tickMs);
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    observation.available.forEach((available, z) => {
      if (!available) return;
      const run = this.memory.runs[z];
      const life = this.zoneLife[z]?.[ageBucket(Math.ceil((run?.age ?? 1) / this.stepTicks))];
      const price = observation.spotPrice[z] ?? 0;
      const score = life === undefined ? price : price * (1 + restartSteps / Math.max(life, 1e-9));
      if (score < bestScore) {
        best = z;
        bestScore = score;
      }
    });
    return best;
  }
}

function reasonFor(holding: PlanHolding, state: JobState, observation: SpotObservation): string {
  const spotNow = observation.available.includes(true);
  if (holding === HOLD_SPOT) return SPOT;
  if (holding === HOLD_NONE) return spotNow ? SKIP_SPOT : WAIT;
  return state.instance.kind === 'on-demand' && spotNow ? KEEP_ON_DEMAND : ON_DEMAND_NOW;
}
