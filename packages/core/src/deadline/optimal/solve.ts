import { MS_PER_HOUR } from '../../units.js';
import { ticksFor, type DeadlineJob } from '../job.js';
import { NO_INSTANCE, ON_DEMAND, spotIn, type JobInstance } from '../instance.js';
import type { SpotWindow } from '../observation.js';
import { progressBand, progressGrid, type ProgressGrid } from './grid.js';
import { marketTable, type MarketTable } from './market.js';

/** The cheapest schedule that meets the deadline, knowing the whole window in advance. */
export interface OptimalPlan {
  /** Its cost, micro-dollars. */
  readonly costMicros: number;
  /** What to hold in each tick from the start until the job is done. */
  readonly actions: readonly JobInstance[];
}

const NONE = 0;
const ON_DEMAND_STATE = 1;
const FIRST_SPOT = 2;

/** How the cheapest finish was reached: the last move and the state it started from. */
interface Finish {
  cost: number;
  /** Tick in which the job is done. */
  tick: number;
  /** The instance state of the last move (on-demand or a spot zone). */
  state: number;
  /** The state the move started from, in the layer before it. */
  from: number;
  /** Progress before the move, units. */
  progress: number;
  /** Ticks the move spans: 1 for a further tick on a running instance, else a launch. */
  span: number;
}

/**
 * The offline optimum (the bound no online policy can beat): a forward dynamic program
 * over ticks whose state is (instance held, progress), exact under the tick model —
 * progress on the grid of `progressGrid`, a launch as one move over the ticks of its
 * overhead, a spot instance ended by the first tick of its zone without spot. JobInstance
 * states are nothing, on-demand and one per spot zone, so several zones (moves between
 * them cost a restart like any launch) cost only a few more states. Only progress values
 * that can still meet the deadline are kept, so the work per tick is proportional to the
 * slack. Returns null when not even on-demand from the first tick meets the deadline.
 */
export function optimalPlan(job: DeadlineJob, window: SpotWindow): OptimalPlan | null {
  const grid = progressGrid(job);
  if (ticksFor(job, job.workMs, job.restartMs) > grid.ticks) return null;
  const market = marketTable(window, grid.ticks);
  const program = new Program(grid, market, job.onDemandPrice);
  const finish = program.run();
  if (finish === undefined) return null;
  return {
    costMicros: (finish.cost * job.tickMs) / MS_PER_HOUR,
    actions: program.backtrack(finish),
  };
}

/** The dynamic program's tables and its forward pass. */
class Program {
  private readonly states: number;
  private readonly width: number;
  /** Cost tables of the last `launchTicks + 1` layers, indexed state · width + progress. */
  private readonly ring: Float64Array[];
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  /** Per layer, per state and progress in its band: how it was reached (see `backtrack`). */
  private readonly choice: Uint8Array | Uint16Array;
  private readonly choiceAt: Float64Array;
  /** Per progress, over the states of the last complete layer: best, its state, runner-up. */
  private readonly best: Float64Array;
  private readonly bestState: Int32Array;
  private readonly second: Float64Array;
  private readonly secondState: Int32Array;

  constructor(
    private readonly grid: ProgressGrid,
    private readonly market: MarketTable,
    private readonly onDemandPrice: number,
  ) {
    this.states = FIRST_SPOT + market.zones;
    this.width = grid.work;
    this.ring = Array.from(
      { length: grid.launchTicks + 1 },
      () => new Float64Array(this.states * this.width),
    );
    this.lo = new Int32Array(grid.ticks);
    this.hi = new Int32Array(grid.ticks);
    this.choiceAt = new Float64Array(grid.ticks + 1);
    let size = 0;
    for (let t = 0; t < grid.ticks; t++) {
      const band = progressBand(grid, t);
      this.lo[t] = band.lo;
      this.hi[t] = band.hi;
      this.choiceAt[t] = size;
      size += this.states * Math.max(0, band.hi - band.lo + 1);
    }
    this.choiceAt[grid.ticks] = size;
    this.choice = this.states < 255 ? new Uint8Array(size) : new Uint16Array(size);
    this.best = new Float64Array(this.width);
    this.bestState = new Int32Array(this.width);
    this.second = new Float64Array(this.width);
    this.secondState = new Int32Array(this.width);
  }

  /** Runs the forward pass; the cheapest way to finish, if any. */
  run(): Finish | undefined {
    const { grid } = this;
    const start = this.layer(-1);
    start.fill(Number.POSITIVE_INFINITY, 0, this.states * this.width);
    start[NONE * this.width] = 0;
    this.summarise(start, 0, 0);
    for (let t = 0; t < grid.launchTicks - 1 && t < grid.ticks; t++) this.clear(t);
    let finish: Finish | undefined;
    const keep = (candidate: Finish): void => {
      if (finish === undefined || candidate.cost < finish.cost) finish = candidate;
    };
    for (let t = 0; t < grid.ticks; t++) {
      if (t + grid.launchTicks - 1 < grid.ticks) this.clear(t + grid.launchTicks - 1);
      const prevLo = t === 0 ? 0 : (this.lo[t - 1] as number);
      const prevHi = t === 0 ? 0 : (this.hi[t - 1] as number);
      this.idle(t, prevLo, prevHi);
      this.keepRunning(t, prevLo, prevHi, keep);
      if (t + grid.launchTicks - 1 < grid.ticks) this.launch(t, prevLo, prevHi, keep);
      this.summarise(this.layer(t), this.lo[t] as number, this.hi[t] as number);
    }
    return finish;
  }

  /** The cost table of layer `t` (the state after tick `t`; −1 is the start). */
  private layer(t: number): Float64Array {
    return this.ring[(t + 1) % this.ring.length] as Float64Array;
  }

  /** Sets layer `t`'s band to unreached. */
  private clear(t: number): void {
    const table = this.layer(t);
    const lo = this.lo[t] as number;
    const hi = this.hi[t] as number;
    for (let s = 0; s < this.states; s++)
      table.fill(Number.POSITIVE_INFINITY, s * this.width + lo, s * this.width + hi + 1);
  }

  private choiceIndex(t: number, state: number, progress: number): number {
    const lo = this.lo[t] as number;
    const band = (this.hi[t] as number) - lo + 1;
    return (this.choiceAt[t] as number) + state * band + progress - lo;
  }

  /** Holding nothing in tick `t` (by choice or after a reclaim): from the best state. */
  private idle(t: number, prevLo: number, prevHi: number): void {
    const table = this.layer(t);
    const from = Math.max(prevLo, this.lo[t] as number);
    const to = Math.min(prevHi, this.hi[t] as number);
    for (let p = from; p <= to; p++) {
      const cost = this.best[p] as number;
      if (cost === Number.POSITIVE_INFINITY) continue;
      table[NONE * this.width + p] = cost;
      this.choice[this.choiceIndex(t, NONE, p)] = this.bestState[p] as number;
    }
  }

  /** Another full tick on a running on-demand or spot instance (spot only if it is still there). */
  private keepRunning(t: number, prevLo: number, prevHi: number, keep: (f: Finish) => void): void {
    const { grid } = this;
    const prev = this.layer(t - 1);
    const table = this.layer(t);
    const lo = this.lo[t] as number;
    const hi = this.hi[t] as number;
    for (let s = ON_DEMAND_STATE; s < this.states; s++) {
      const price = this.tickPrice(s, t);
      if (price === undefined) continue;
      const row = s * this.width;
      for (let p = prevLo; p <= prevHi; p++) {
        const base = prev[row + p] as number;
        if (base === Number.POSITIVE_INFINITY) continue;
        const cost = base + price;
        const q = p + grid.tickWork;
        if (q >= grid.work) {
          keep({ cost, tick: t, state: s, from: s, progress: p, span: 1 });
        } else if (q >= lo && q <= hi && cost <= (table[row + q] as number)) {
          table[row + q] = cost;
          this.choice[this.choiceIndex(t, s, q)] = 0;
        }
      }
    }
  }

  /** Launches in tick `t`, landing (overhead paid) in layer `t + launchTicks − 1`. */
  private launch(t: number, prevLo: number, prevHi: number, keep: (f: Finish) => void): void {
    const { grid } = this;
    const last = t + grid.launchTicks - 1;
    const table = this.layer(last);
    const lo = this.lo[last] as number;
    const hi = this.hi[last] as number;
    for (let s = ON_DEMAND_STATE; s < this.states; s++) {
      const price = this.launchPrice(s, t);
      if (price === undefined) continue;
      const row = s * this.width;
      for (let p = prevLo; p <= prevHi; p++) {
        const other = this.bestState[p] !== s;
        const base = (other ? this.best[p] : this.second[p]) as number;
        if (base === Number.POSITIVE_INFINITY) continue;
        const from = (other ? this.bestState[p] : this.secondState[p]) as number;
        const cost = base + price;
        const q = p + grid.launchWork;
        if (q >= grid.work) {
          keep({ cost, tick: last, state: s, from, progress: p, span: grid.launchTicks });
        } else if (q >= lo && q <= hi && cost < (table[row + q] as number)) {
          table[row + q] = cost;
          this.choice[this.choiceIndex(last, s, q)] = 1 + from;
        }
      }
    }
  }

  /** Price of one tick on state `s` in tick `t`, or undefined if its spot zone has none. */
  private tickPrice(s: number, t: number): number | undefined {
    if (s === ON_DEMAND_STATE) return this.onDemandPrice;
    const z = s - FIRST_SPOT;
    if ((this.market.runFrom[z] as Int32Array)[t] === 0) return undefined;
    const sum = this.market.priceSum[z] as Float64Array;
    return (sum[t + 1] as number) - (sum[t] as number);
  }

  /** Price of a launch of state `s` in tick `t`, or undefined if its spot does not last. */
  private launchPrice(s: number, t: number): number | undefined {
    const span = this.grid.launchTicks;
    if (s === ON_DEMAND_STATE) return span * this.onDemandPrice;
    const z = s - FIRST_SPOT;
    if (((this.market.runFrom[z] as Int32Array)[t] as number) < span) return undefined;
    const sum = this.market.priceSum[z] as Float64Array;
    return (sum[t + span] as number) - (sum[t] as number);
  }

  /** Best and runner-up state per progress value of a complete layer, for the next tick. */
  private summarise(table: Float64Array, lo: number, hi: number): void {
    this.best.fill(Number.POSITIVE_INFINITY);
    this.second.fill(Number.POSITIVE_INFINITY);
    for (let s = 0; s < this.states; s++) {
      const row = s * this.width;
      for (let p = lo; p <= hi; p++) {
        const cost = table[row + p] as number;
        if (cost < (this.best[p] as number)) {
          this.second[p] = this.best[p] as number;
          this.secondState[p] = this.bestState[p] as number;
          this.best[p] = cost;
          this.bestState[p] = s;
        } else if (cost < (this.second[p] as number)) {
          this.second[p] = cost;
          this.secondState[p] = s;
        }
      }
    }
  }

  /** The actions of the schedule that ends with `finish`, from tick 0. */
  backtrack(finish: Finish): JobInstance[] {
    const { grid } = this;
    const actions: JobInstance[] = new Array<JobInstance>(finish.tick + 1).fill(NO_INSTANCE);
    const hold = (state: number, from: number, to: number): void => {
      for (let t = from; t <= to; t++) actions[t] = instanceOf(state);
    };
    hold(finish.state, finish.tick - finish.span + 1, finish.tick);
    let t = finish.tick - finish.span;
    let state = finish.from;
    let progress = finish.progress;
    while (t >= 0) {
      const code = this.choice[this.choiceIndex(t, state, progress)] as number;
      if (state === NONE) {
        state = code;
        t--;
      } else if (code === 0) {
        hold(state, t, t);
        progress -= grid.tickWork;
        t--;
      } else {
        hold(state, t - grid.launchTicks + 1, t);
        state = code - 1;
        progress -= grid.launchWork;
        t -= grid.launchTicks;
      }
    }
    return actions;
  }
}

function instanceOf(state: number): JobInstance {
  if (state === NONE) return NO_INSTANCE;
  return state === ON_DEMAND_STATE ? ON_DEMAND : spotIn(state - FIRST_SPOT);
}
