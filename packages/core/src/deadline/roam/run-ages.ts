/**
 * Age buckets of an availability run (a stretch of ticks with spot, or without), in
 * model steps: 1, 2, 3, 4, 5–6, 7–8, 9–12, 13–16, 17–24, 25–32, 33–48, 49–64, 65–96,
 * 97–128, 129 and more (each bucket half an octave). Spot runs are heavy tailed (most end
 * within minutes, a few last days), so how long a run has lasted is the best simple
 * predictor of how long it will go on. Half-octave buckets closed 2–10 points more of the
 * gap to the optimum than octaves on the AWS traces (docs/results/spot-comparison.md);
 * finer ones (exact ages to 16) did no better, at four times the planning cost.
 */
export const AGE_BUCKET_STARTS: readonly number[] = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
];

/** Number of age buckets. */
export const AGE_BUCKETS = AGE_BUCKET_STARTS.length;

/** The bucket of a run that has lasted `age` steps (age ≥ 1). */
export function ageBucket(age: number): number {
  let b = 0;
  while (b + 1 < AGE_BUCKETS && age >= (AGE_BUCKET_STARTS[b + 1] as number)) b++;
  return b;
}

/** Steps a bucket spans (infinite for the last). */
export function bucketWidth(b: number): number {
  const next = AGE_BUCKET_STARTS[b + 1];
  return next === undefined ? Number.POSITIVE_INFINITY : next - (AGE_BUCKET_STARTS[b] as number);
}

/** A 0/1 availability series followed run by run: the current run's state and age. */
export class RunTracker {
  /** 1 while spot is available, 0 while not, −1 before the first tick. */
  state = -1;
  /** Ticks the current run has lasted. */
  age = 0;

  /** Records one tick. */
  push(available: number): void {
    if (available === this.state) this.age++;
    else {
      this.state = available;
      this.age = 1;
    }
  }
}
