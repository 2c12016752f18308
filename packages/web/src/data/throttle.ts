/** Timers, injectable for tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's timers. */
export const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs an async task when asked, at most once per `gap()` ms after the previous run
 * ended, and never twice at once: requests while it waits or runs fold into one more run.
 */
export class Throttle {
  private timer: unknown;
  private running = false;
  private again = false;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly gap: () => number,
    private readonly now: () => number,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** Asks for a run. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastEnd + this.gap() - this.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  /** Cancels a waiting run; later requests are ignored. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      await this.task();
    } finally {
      this.running = false;
      this.lastEnd = this.now();
      if (this.again) {
        this.again = false;
        this.request();
      }
    }
  }
}
