/** Real time the speed estimate waits for before trusting itself, ms. */
const MIN_SPAN_MS = 1000;
/** A sample this far (share of the span) off the prediction means the world clock changed. */
const TOLERANCE = 0.2;

interface Sample {
  readonly real: number;
  readonly world: number;
}

/**
 * The server's world time, which runs `roam up --speed` times faster than real time,
 * estimated from the `x-roam-time` of replies: the latest reading advanced by the speed
 * measured between the first and the latest. A restart with another speed resets it.
 */
export class WorldClockEstimate {
  private first: Sample | undefined;
  private last: Sample | undefined;
  private measured: number | undefined;

  /** World time `world` was read at real time `real` (both ms). */
  observe(world: number, real: number): void {
    if (this.first && this.last && this.measured !== undefined) {
      const predicted = this.now(real);
      const span = Math.max(MIN_SPAN_MS, (real - this.first.real) * this.measured);
      if (Math.abs(predicted - world) > TOLERANCE * span) {
        this.first = { real, world };
        this.measured = undefined;
      }
    }
    this.first ??= { real, world };
    this.last = { real, world };
    const dt = real - this.first.real;
    if (dt >= MIN_SPAN_MS) this.measured = Math.max(0, (world - this.first.world) / dt);
  }

  /** How many times faster than real time the world runs (1 until measured). */
  get speed(): number {
    return this.measured ?? 1;
  }

  /** The estimated world time at real time `real` (that real time itself before any reading). */
  now(real: number): number {
    if (!this.last) return real;
    return this.last.world + (real - this.last.real) * this.speed;
  }
}
