import { describe, expect, it } from 'vitest';
import { WorldClockEstimate } from '../src/data/world-clock.js';

describe('WorldClockEstimate', () => {
  it('is real time before any reading and the reading itself right after one', () => {
    const c = new WorldClockEstimate();
    expect(c.now(1000)).toBe(1000);
    c.observe(50_000, 1000);
    expect(c.now(1000)).toBe(50_000);
    expect(c.speed).toBe(1);
  });

  it('measures the speed of a world that runs 60× faster and extrapolates with it', () => {
    const c = new WorldClockEstimate();
    c.observe(1_000_000, 0);
    c.observe(1_000_000 + 60 * 2000, 2000);
    expect(c.speed).toBeCloseTo(60);
    expect(c.now(3000)).toBeCloseTo(1_000_000 + 60 * 3000);
  });

  it('starts measuring again when the world clock jumps (a restart with another speed)', () => {
    const c = new WorldClockEstimate();
    c.observe(0, 0);
    c.observe(60 * 2000, 2000);
    c.observe(60 * 2000 + 1000, 3000); // now at 1×
    expect(c.speed).toBe(1);
    c.observe(60 * 2000 + 1000 + 2000, 5000);
    expect(c.speed).toBeCloseTo(1);
  });
});
