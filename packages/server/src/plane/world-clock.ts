import type { Clock } from '@roam/engine';

/**
 * The control plane's clock: world time runs `speed`× faster than real time, continuing
 * from `worldStart` (restored from the store after a restart, so world time never goes
 * back even when it ran ahead of real time).
 */
export class WorldClock implements Clock {
  private readonly realStart: number;

  constructor(
    readonly speed: number,
    private readonly worldStart: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.realStart = realNow();
  }

  now(): number {
    return this.worldStart + Math.floor((this.realNow() - this.realStart) * this.speed);
  }

  /** Real milliseconds until world time `t`. */
  realDelay(t: number): number {
    return Math.max(0, (t - this.now()) / this.speed);
  }
}
