/** What follows a timeline's segment: how long the segment holds, and the next value. */
export interface TimelineStep<T> {
  /** ms; rounded to whole ms, at least 1. */
  readonly holdMs: number;
  readonly value: T;
}

/**
 * A piecewise-constant value over time, generated lazily from `startMs` on: each segment's
 * length and the value after it come from `step(value)`, called in time order only, so the
 * timeline is the same however far and in whatever order it is asked. Generated segments
 * are kept; times before `startMs` read the first value.
 */
export class LazyTimeline<T> {
  /** Segment `i` holds `values[i]` from `starts[i]` until `starts[i + 1]`. */
  private readonly starts: number[];
  private readonly values: T[];

  constructor(
    startMs: number,
    first: T,
    private readonly step: (value: T) => TimelineStep<T>,
  ) {
    this.starts = [startMs];
    this.values = [first];
  }

  /** The value at `t`. */
  at(t: number): T {
    return this.values[this.indexAt(t)] as T;
  }

  /** The end of the segment holding `t`: the first time > `t` the value is drawn again. */
  nextChange(t: number): number {
    return this.starts[this.indexAt(t) + 1] as number;
  }

  /**
   * The first time ≥ `t` and < `before` at which the value satisfies `holds`; undefined
   * when none does. Without `before` it searches until one does, so `holds` must be met
   * eventually.
   */
  find(t: number, holds: (value: T) => boolean, before = Infinity): number | undefined {
    if (t >= before) return undefined;
    let i = this.indexAt(t);
    if (holds(this.values[i] as T)) return t;
    for (;;) {
      i++;
      this.generateSegment(i);
      const start = this.starts[i] as number;
      if (start >= before) return undefined;
      if (holds(this.values[i] as T)) return start;
    }
  }

  /** The index of the segment holding `t`, generating segments past `t` first. */
  private indexAt(t: number): number {
    while (this.starts.length < 2 || (this.starts[this.starts.length - 1] as number) <= t)
      this.generateSegment(this.starts.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Makes sure segment `i` exists (segments are generated in order). */
  private generateSegment(i: number): void {
    while (this.starts.length <= i) {
      const last = this.starts.length - 1;
      const next = this.step(this.values[last] as T);
      this.starts.push((this.starts[last] as number) + Math.max(1, Math.round(next.holdMs)));
      this.values.push(next.value);
    }
  }
}
