import type { RunHazards } from './hazards.js';
import { AGE_BUCKETS, bucketWidth } from './run-ages.js';

/**
 * A semi-Markov model of spot availability as a Markov chain over (available or not,
 * age bucket of the current run): each step the run ends with its bucket's hazard (and
 * the other kind of run starts at age 1), or grows older, moving to the next bucket on
 * average after the bucket's width. State `available · AGE_BUCKETS + bucket`.
 */
export interface AvailabilityChain {
  /** Number of states: 2 · AGE_BUCKETS. */
  readonly states: number;
  /** Up to three successors per state: `next[3s + i]`, −1 where unused. */
  readonly next: Int32Array;
  /** Their probabilities, `chance[3s + i]`. */
  readonly chance: Float64Array;
  /** Expected steps until a run with spot in each age bucket ends. */
  readonly residualUp: Float64Array;
}

/** The chain state of a run: spot available or not, and its age in steps. */
export function chainState(available: boolean, bucket: number): number {
  return (available ? AGE_BUCKETS : 0) + bucket;
}

/** Whether chain state `s` has spot. */
export function chainHasSpot(s: number): boolean {
  return s >= AGE_BUCKETS;
}

/** The chain of `hazards`. */
export function availabilityChain(hazards: RunHazards): AvailabilityChain {
  const states = 2 * AGE_BUCKETS;
  const next = new Int32Array(3 * states).fill(-1);
  const chance = new Float64Array(3 * states);
  for (let s = 0; s < states; s++) {
    const up = chainHasSpot(s);
    const b = s % AGE_BUCKETS;
    const end = Math.min(1, (up ? hazards.up : hazards.down)[b] ?? 1);
    const width = bucketWidth(b);
    const older = Number.isFinite(width) ? (1 - end) / width : 0;
    const moves: [number, number][] = [
      [chainState(!up, 0), end],
      [s + 1, older],
      [s, 1 - end - older],
    ];
    let i = 0;
    for (const [to, p] of moves)
      if (p > 0) {
        next[3 * s + i] = to;
        chance[3 * s + i] = p;
        i++;
      }
  }
  return { states, next, chance, residualUp: residualLife(hazards.up) };
}

/** Expected steps left in a run with spot, per age bucket, under the chain's dynamics. */
function residualLife(up: readonly number[]): Float64Array {
  const life = new Float64Array(AGE_BUCKETS);
  for (let b = AGE_BUCKETS - 1; b >= 0; b--) {
    const end = Math.max(Math.min(1, up[b] ?? 1), 1e-6);
    const width = bucketWidth(b);
    const older = Number.isFinite(width) ? (1 - end) / width : 0;
    // m = 1 + older · m(b+1) + stay · m  ⇒  m = (1 + older · m(b+1)) / (end + older)
    life[b] = (1 + older * (b + 1 < AGE_BUCKETS ? (life[b + 1] as number) : 0)) / (end + older);
  }
  return life;
}
