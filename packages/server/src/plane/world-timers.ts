import { MAX_TIMER_MS, type Timers } from '@roam/adapters';
import type { WorldClock } from './world-clock.js';

/**
 * Runs callbacks at world times on real timers (world time runs `speed`× faster). What a
 * simulated cloud schedules (boots, reclaim notices, reclaims) goes through it; `cancelAll`
 * drops whatever is still waiting when the control plane closes.
 */
export class WorldTimers {
  private readonly waiting = new Set<unknown>();

  constructor(
    private readonly clock: WorldClock,
    private readonly timers: Timers,
  ) {}

  /** World time now, ms. */
  now(): number {
    return this.clock.now();
  }

  /** Calls `fn` once world time reaches `t`. */
  at(t: number, fn: () => void): void {
    const delay = this.clock.realDelay(t);
    const handle = this.timers.setTimeout(
      () => {
        this.waiting.delete(handle);
        if (delay > MAX_TIMER_MS) this.at(t, fn);
        else fn();
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    this.waiting.add(handle);
  }

  /** Cancels every callback still waiting. */
  cancelAll(): void {
    for (const handle of this.waiting) this.timers.clearTimeout(handle);
    this.waiting.clear();
  }
}
