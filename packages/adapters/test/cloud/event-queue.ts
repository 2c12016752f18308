/**
 * A tiny event queue for tests: virtual time that moves only in `runUntil`, and a
 * `schedule` that runs callbacks at their times, in time order, ties in the order they
 * were scheduled. A time in the past means now.
 */
export class TestEventQueue {
  private time: number;
  private seq = 0;
  private readonly due: { at: number; seq: number; fn: () => void }[] = [];

  constructor(startMs = 0) {
    this.time = startMs;
  }

  /** The current virtual time, ms. */
  readonly now = (): number => this.time;

  /** Runs `fn` at `at` (or now, if `at` has passed). */
  readonly schedule = (at: number, fn: () => void): void => {
    const event = { at: Math.max(at, this.time), seq: this.seq++, fn };
    let i = this.due.length;
    while (i > 0 && (this.due[i - 1]?.at ?? 0) > event.at) i--;
    this.due.splice(i, 0, event);
  };

  /** Runs every event due until `t`, then sets the time to `t`. */
  runUntil(t: number): void {
    for (;;) {
      const next = this.due[0];
      if (next === undefined || next.at > t) break;
      this.due.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = Math.max(this.time, t);
  }
}
