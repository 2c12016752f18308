import { describe, expect, it } from 'vitest';
import { Throttle, type Timers } from '../src/data/throttle.js';

/** Timers driven by hand. */
function manual(): Timers & { now: number; advance(ms: number): Promise<void> } {
  const pending: { at: number; fn: () => void; id: number }[] = [];
  let id = 0;
  const t = {
    now: 0,
    setTimeout(fn: () => void, ms: number) {
      pending.push({ at: t.now + ms, fn, id: ++id });
      return id;
    },
    clearTimeout(h: unknown) {
      const i = pending.findIndex((p) => p.id === h);
      if (i >= 0) pending.splice(i, 1);
    },
    async advance(ms: number) {
      t.now += ms;
      for (let p = pending.find((x) => x.at <= t.now); p; p = pending.find((x) => x.at <= t.now)) {
        pending.splice(pending.indexOf(p), 1);
        p.fn();
        await Promise.resolve();
        await Promise.resolve();
      }
    },
  };
  return t;
}

describe('Throttle', () => {
  it('folds a burst of requests into one run, then waits the gap before the next', async () => {
    const timers = manual();
    let runs = 0;
    const th = new Throttle(
      async () => void runs++,
      () => 1000,
      () => timers.now,
      timers,
    );
    th.request();
    th.request();
    th.request();
    await timers.advance(0);
    expect(runs).toBe(1);
    th.request();
    await timers.advance(500);
    expect(runs).toBe(1);
    await timers.advance(500);
    expect(runs).toBe(2);
  });

  it('runs once more after a run that was asked for again while it ran', async () => {
    const timers = manual();
    let runs = 0;
    let release: () => void = () => undefined;
    const th = new Throttle(
      () => new Promise<void>((ok) => ((release = ok), runs++)),
      () => 100,
      () => timers.now,
      timers,
    );
    th.request();
    await timers.advance(0);
    th.request();
    th.request();
    expect(runs).toBe(1);
    release();
    await timers.advance(0); // the run ends
    expect(runs).toBe(1);
    await timers.advance(100);
    expect(runs).toBe(2);
    th.stop();
    th.request();
    await timers.advance(1000);
    expect(runs).toBe(2);
  });
});
