import type { Clock } from './ports.js';

/** The system clock, for live operation; `speed` runs the world N× faster from `start`. */
export class SystemClock implements Clock {
  private readonly origin = Date.now();

  constructor(
    private readonly speed = 1,
    private readonly start = Date.now(),
  ) {}

  now(): number {
    return this.start + Math.floor((Date.now() - this.origin) * this.speed);
  }
}

/** A clock that moves only when told: the simulator's virtual time. */
export class ManualClock implements Clock {
  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  /** Moves time forward to `t` (never back). */
  advanceTo(t: number): void {
    if (t < this.time) throw new RangeError(`time cannot go back from ${this.time} to ${t}`);
    this.time = t;
  }
}
