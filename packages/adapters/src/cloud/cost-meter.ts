import { MS_PER_HOUR } from '@roam/core';

/** A price over time, micro-dollars per hour, piecewise constant. */
export interface PriceOverTime {
  priceAt(t: number): number;
  /** The first time > `t` the price may change; undefined when it never does. */
  nextChange(t: number): number | undefined;
}

/**
 * What an instance has cost: its price integrated over the time it has run, from `startMs`
 * until it is stopped. Time only moves forward: the meter keeps what it has summed.
 */
export class CostMeter {
  private summedUntil: number;
  private summedMicros = 0;
  private stoppedAt = Infinity;

  constructor(
    private readonly price: PriceOverTime,
    startMs: number,
  ) {
    this.summedUntil = startMs;
  }

  /** The cost up to `t` (or up to the stop, if earlier), whole micro-dollars. */
  costAt(t: number): number {
    const end = Math.min(t, this.stoppedAt);
    while (this.summedUntil < end) {
      const segmentEnd = Math.min(end, this.price.nextChange(this.summedUntil) ?? Infinity);
      this.summedMicros +=
        (this.price.priceAt(this.summedUntil) * (segmentEnd - this.summedUntil)) / MS_PER_HOUR;
      this.summedUntil = segmentEnd;
    }
    return Math.round(this.summedMicros);
  }

  /** Stops the meter at `t`: the instance costs nothing more after it. */
  stop(t: number): void {
    this.costAt(t);
    this.stoppedAt = Math.min(this.stoppedAt, t);
  }
}
