import { deadlineTicks, type DeadlineJob } from '../job.js';
import { chainHasSpot, type AvailabilityChain } from './chain.js';

/** What the plan holds: nothing, on-demand, or spot. */
export type PlanHolding = 0 | 1 | 2;
/** Holding nothing. */
export const HOLD_NONE = 0;
/** Holding on-demand. */
export const HOLD_ON_DEMAND = 1;
/** Holding spot. */
export const HOLD_SPOT = 2;

/** What the plan is solved for. */
export interface RoamPlanInput {
  readonly job: DeadlineJob;
  readonly chain: AvailabilityChain;
  /**
   * Chance per step that a spot instance is lost while spot stays available (a move to
   * another zone, paying a restart); 0 with one zone.
   */
  readonly hopHazard: number;
  /** Spot price assumed for the rest of the job, micro-dollars per instance-hour. */
  readonly spotPrice: number;
  /** Ticks per model step. */
  readonly stepTicks: number;
  /** The tick the plan starts from. */
  readonly fromTick: number;
}

/**
 * Roam's plan: the expected-cost-optimal holding for every (steps left, slack, holding,
 * availability state) under a Markov model of availability, by backward induction. Time
 * is in model steps of a few ticks; slack is the steps to spare (steps left minus steps
 * of work left), which idling and restarts spend. A launch spends the restart overhead
 * of slack at once (in whole steps, the fraction as a chance). A state whose slack would
 * go negative costs infinity, so the plan never takes a risk of missing the deadline
 * under its model; the policy adds the exact, model-free slack rule on top.
 */
export class RoamPlan {
  readonly stepMs: number;
  /** Steps from `fromTick` to the deadline. */
  readonly steps: number;
  /** Slack values tracked: 0 … slackSteps − 1 (the job's slack at the start, in steps). */
  readonly slackSteps: number;
  private readonly states: number;
  private readonly table: Uint8Array;

  constructor(input: RoamPlanInput) {
    const { job, chain } = input;
    this.stepMs = input.stepTicks * job.tickMs;
    this.steps = Math.floor((deadlineTicks(job) - input.fromTick) / input.stepTicks);
    const startSteps = Math.floor(deadlineTicks(job) / input.stepTicks);
    this.slackSteps = Math.max(0, startSteps - Math.ceil(job.workMs / this.stepMs)) + 1;
    this.states = chain.states;
    this.table = new Uint8Array((this.steps + 1) * this.layerSize);
    solve(this, input);
  }

  /** Entries per step: slack × holding × availability state. */
  get layerSize(): number {
    return this.slackSteps * 3 * this.states;
  }

  /** Index of a state within a step's layer. */
  index(slack: number, holding: number, state: number): number {
    return (slack * 3 + holding) * this.states + state;
  }

  /** Records the best holding of a state. */
  set(step: number, at: number, holding: PlanHolding): void {
    this.table[step * this.layerSize + at] = holding;
  }

  /**
   * The best holding with `stepsLeft` steps and `slack` steps of slack (both clamped to
   * the table), holding `holding`, availability in chain state `state`. On-demand when
   * there is no slack or time left.
   */
  holdingAt(stepsLeft: number, slack: number, holding: PlanHolding, state: number): PlanHolding {
    if (stepsLeft <= 0 || slack < 0) return HOLD_ON_DEMAND;
    const step = Math.min(stepsLeft, this.steps);
    const s = Math.min(slack, this.slackSteps - 1);
    return this.table[step * this.layerSize + this.index(s, holding, state)] as PlanHolding;
  }
}

/** The backward induction that fills `plan`'s table. */
function solve(plan: RoamPlan, input: RoamPlanInput): void {
  const { job, chain, hopHazard } = input;
  const A = chain.states;
  const SG = plan.slackSteps;
  const size = plan.layerSize;
  const onDemand = job.onDemandPrice * input.stepTicks;
  const spot = input.spotPrice * input.stepTicks;
  const overhead = job.restartMs / plan.stepMs;
  const whole = Math.floor(overhead);
  const fraction = overhead - whole;
  let prev = new Float64Array(size);
  let cur = new Float64Array(size);
  const expectNone = new Float64Array(SG * A);
  const expectOnDemand = new Float64Array(SG * A);
  const expectSpot = new Float64Array(SG * A);
  /** Expected value after a launch that spends the overhead: `expect` at slack − overhead. */
  const launched = (expect: Float64Array, slack: number, a: number): number => {
    let v = 0;
    if (fraction > 0) v += fraction * at(expect, slack - whole - 1, a);
    if (fraction < 1) v += (1 - fraction) * at(expect, slack - whole, a);
    return v;
  };
  const at = (expect: Float64Array, slack: number, a: number): number =>
    slack < 0 ? Number.POSITIVE_INFINITY : (expect[slack * A + a] as number);
  for (let n = 1; n <= plan.steps; n++) {
    expectations(prev, plan, chain, hopHazard, expectNone, expectOnDemand, expectSpot);
    for (let sg = 0; sg < SG; sg++) {
      const done = n - sg <= 0;
      for (let holding = 0; holding < 3; holding++)
        for (let a = 0; a < A; a++) {
          const k = plan.index(sg, holding, a);
          if (done) {
            cur[k] = 0;
            continue;
          }
          let best = Number.POSITIVE_INFINITY;
          let choice: PlanHolding = HOLD_NONE;
          if (chainHasSpot(a)) {
            best =
              spot + (holding === HOLD_SPOT ? at(expectSpot, sg, a) : launched(expectSpot, sg, a));
            choice = HOLD_SPOT;
          }
          const idle = at(expectNone, sg - 1, a);
          if (idle < best * (1 - 1e-9)) {
            best = idle;
            choice = HOLD_NONE;
          }
          const od =
            onDemand +
            (holding === HOLD_ON_DEMAND
              ? at(expectOnDemand, sg, a)
              : launched(expectOnDemand, sg, a));
          if (od < best * (1 - 1e-9)) {
            best = od;
            choice = HOLD_ON_DEMAND;
          }
          cur[k] = best;
          plan.set(n, k, choice);
        }
    }
    [prev, cur] = [cur, prev];
  }
}

/**
 * Expected next-step values of each slack and availability state when the job will hold
 * nothing, on-demand or spot (spot is lost when its run ends, or to a hop).
 */
function expectations(
  values: Float64Array,
  plan: RoamPlan,
  chain: AvailabilityChain,
  hopHazard: number,
  none: Float64Array,
  onDemand: Float64Array,
  spot: Float64Array,
): void {
  const A = chain.states;
  for (let sg = 0; sg < plan.slackSteps; sg++)
    for (let a = 0; a < A; a++) {
      let en = 0;
      let eo = 0;
      let es = 0;
      for (let i = 0; i < 3; i++) {
        const to = chain.next[3 * a + i] as number;
        if (to < 0) break;
        const p = chain.chance[3 * a + i] as number;
        const vNone = values[plan.index(sg, HOLD_NONE, to)] as number;
        en += p * vNone;
        eo += p * (values[plan.index(sg, HOLD_ON_DEMAND, to)] as number);
        if (!chainHasSpot(to)) es += p * vNone;
        else {
          const vSpot = values[plan.index(sg, HOLD_SPOT, to)] as number;
          es += p * (hopHazard > 0 ? (1 - hopHazard) * vSpot + hopHazard * vNone : vSpot);
        }
      }
      none[sg * A + a] = en;
      onDemand[sg * A + a] = eo;
      spot[sg * A + a] = es;
    }
}
