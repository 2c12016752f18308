import { AGE_BUCKETS, AGE_BUCKET_STARTS } from './run-ages.js';

/**
 * Per age bucket, the chance that an availability run ends in the next step: for runs
 * with spot (`up`) and without (`down`). Estimated as events over exposure from the
 * completed runs of a history (the run still going counts as exposure only), with a few
 * half-weight pseudo-runs as a prior so that a short history gives sensible numbers.
 */
export interface RunHazards {
  readonly up: readonly number[];
  readonly down: readonly number[];
}

/** Pseudo-runs (in steps) of the prior: spot runs and outages of a typical zone. */
const PRIOR_UP = [1, 3, 10, 30];
const PRIOR_DOWN = [1, 3, 10];
const PRIOR_WEIGHT = 0.5;
/** Hazard of a bucket no run ever reached. */
const UNSEEN_HAZARD = 0.05;

/** Accumulates events and exposure per age bucket. */
class Exposure {
  private readonly events = new Float64Array(AGE_BUCKETS);
  private readonly exposure = new Float64Array(AGE_BUCKETS);

  /** A run of `length` steps that ended (`ended`) or is still going, with a weight. */
  add(length: number, ended: boolean, weight = 1): void {
    for (let b = 0; b < AGE_BUCKETS; b++) {
      const lo = AGE_BUCKET_STARTS[b] as number;
      if (length < lo) break;
      const hi = (AGE_BUCKET_STARTS[b + 1] ?? Number.POSITIVE_INFINITY) - 1;
      this.exposure[b] = (this.exposure[b] ?? 0) + (Math.min(length, hi) - lo + 1) * weight;
      if (ended && length <= hi) this.events[b] = (this.events[b] ?? 0) + weight;
    }
  }

  hazards(): number[] {
    return Array.from({ length: AGE_BUCKETS }, (_, b) => {
      const exposure = this.exposure[b] as number;
      return exposure > 0 ? Math.min(1, (this.events[b] as number) / exposure) : UNSEEN_HAZARD;
    });
  }
}

/**
 * The hazards of a 0/1 series read every `stride` ticks (the model's step), from the
 * last tick backwards so that the newest tick is always read.
 */
export function estimateHazards(series: ArrayLike<number>, stride: number): RunHazards {
  const up = new Exposure();
  const down = new Exposure();
  for (const length of PRIOR_UP) up.add(length, true, PRIOR_WEIGHT);
  for (const length of PRIOR_DOWN) down.add(length, true, PRIOR_WEIGHT);
  let state = -1;
  let length = 0;
  const first = (series.length - 1) % stride;
  for (let t = first; t < series.length; t += stride) {
    const value = series[t] === 1 ? 1 : 0;
    if (value === state) length++;
    else {
      if (state !== -1) (state === 1 ? up : down).add(length, true);
      state = value;
      length = 1;
    }
  }
  if (state !== -1) (state === 1 ? up : down).add(length, false);
  return { up: up.hazards(), down: down.hazards() };
}
