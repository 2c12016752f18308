import type { Engine } from '@roam/engine';
import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, SimulatedRuntime, type Timers } from '../../src/index.js';

/** Timers the test fires by hand; each records the delay it was set with. */
class HandTimers implements Timers {
  readonly set: { fn: () => void; ms: number; cleared: boolean }[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    const t = { fn, ms, cleared: false };
    this.set.push(t);
    return t;
  }
  clearTimeout(handle: unknown): void {
    (handle as { cleared: boolean }).cleared = true;
  }
  /** Fires the latest timer. */
  fire(): void {
    this.set.at(-1)?.fn();
  }
}

const HOUR = 3_600_000;

describe('SimulatedRuntime', () => {
  it('runs a workload longer than a Node.js timer can wait in several waits, and only then completes it', () => {
    const timers = new HandTimers();
    const finished: string[] = [];
    const runtime = new SimulatedRuntime({ now: () => 0 }, 1, () => 1000 * HOUR, timers);
    runtime.attach({ finished: (key: string) => finished.push(key) } as unknown as Engine);
    runtime.start('train', []);
    const waits: number[] = [];
    while (finished.length === 0 && waits.length < 10) {
      waits.push(timers.set.at(-1)?.ms ?? 0);
      timers.fire();
    }
    expect(waits.every((ms) => ms <= MAX_TIMER_MS)).toBe(true);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1000 * HOUR);
    expect(waits).toHaveLength(2);
    expect(finished).toEqual(['train']);
  });

  it('does not complete a workload stopped while it waits', () => {
    const timers = new HandTimers();
    const finished: string[] = [];
    const runtime = new SimulatedRuntime({ now: () => 0 }, 1, () => 1000 * HOUR, timers);
    runtime.attach({
      finished: (key: string) => finished.push(key),
      stopped: () => undefined,
    } as unknown as Engine);
    runtime.start('train', []);
    timers.fire();
    runtime.stop('train', { cause: 'cancel', checkpoint: false, reason: 'deleted' });
    expect(timers.set.at(-1)?.cleared).toBe(true);
    timers.fire();
    expect(finished).toEqual([]);
  });
});
