import { describe, expect, it } from 'vitest';
import {
  fitLifetime,
  HazardEstimate,
  MS_PER_HOUR,
  pseudoStretches,
  survival,
  TRACE_LIFETIME,
  type Lifetime,
} from '../../src/index.js';

const H = MS_PER_HOUR;

/** Feeds `lengths` (ms) to `h` as stretches of spot, each followed by a 10-minute outage. */
function replayStretches(h: HazardEstimate, lengths: readonly number[]): number {
  let t = 0;
  for (const length of lengths) {
    h.observeAvailability(t, true);
    h.observeAvailability((t += length), false);
    t += 10 * 60_000;
  }
  return t;
}

describe('Lomax lifetime', () => {
  it.each([
    // age, horizon, survival under the trace fit (k 1.143, σ 0.762 h)
    [0, 1, Math.pow(0.762 / 1.762, 1.143)],
    [4, 1, Math.pow(4.762 / 5.762, 1.143)],
    [12, 24, Math.pow(12.762 / 36.762, 1.143)],
    [3, 0, 1],
  ])('capacity %d h old lasts another %d h with chance %f', (age, horizon, expected) => {
    expect(survival(TRACE_LIFETIME, age * H, horizon * H)).toBeCloseTo(expected, 12);
  });

  it.each<[string, Lifetime]>([
    ['heavy-tailed', { shape: 0.9, scaleMs: 0.5 * H }],
    ['the traces', TRACE_LIFETIME],
    ['near exponential', { shape: 20, scaleMs: 40 * H }],
  ])('fits back a %s lifetime from its own quantiles', (_name, truth) => {
    const fit = fitLifetime(pseudoStretches(truth, 2000, 2000), TRACE_LIFETIME);
    // The mean survival over the next hour at a few ages is what decisions use.
    for (const age of [0, 1, 6])
      expect(survival(fit, age * H, H)).toBeCloseTo(survival(truth, age * H, H), 2);
  });

  it('counts stretches still going as censored: they make capacity look longer-lived', () => {
    const ended = [0.2, 0.5, 1, 2, 4].map((h) => ({ lengthMs: h * H, ended: true, weight: 1 }));
    const going = { lengthMs: 48 * H, ended: false, weight: 1 };
    const without = fitLifetime(ended, TRACE_LIFETIME);
    const withIt = fitLifetime([...ended, going], TRACE_LIFETIME);
    expect(survival(withIt, 2 * H, H)).toBeGreaterThan(survival(without, 2 * H, H));
  });

  it('returns the fallback when nothing ended', () => {
    const fallback = { shape: 2, scaleMs: H };
    expect(fitLifetime([], fallback)).toBe(fallback);
    expect(fitLifetime([{ lengthMs: H, ended: false, weight: 1 }], fallback)).toBe(fallback);
  });
});

describe('hazard estimate', () => {
  it('starts from the traces’ lifetime, and is lower the longer spot has lasted', () => {
    const h = new HazardEstimate();
    // Without spot, a launch would meet fresh capacity. (The prior is 64 pseudo-stretches
    // at quantiles of the traces' lifetime: their fit is close to it, not equal.)
    const fresh = 1 - survival(TRACE_LIFETIME, 0, H);
    expect(Math.abs(h.reclaimProbability(0, H) - fresh)).toBeLessThan(0.03);
    h.observeAvailability(0, true);
    const old = h.rate(8 * H);
    expect(old).toBeLessThan(h.rate(0) / 4);
    expect(h.reclaimProbability(8 * H, H)).toBeCloseTo(1 - survival(h.lifetime(), 8 * H, H), 9);
  });

  it('learns a place whose spot never lasts: the chance of a reclaim within the hour rises', () => {
    const h = new HazardEstimate();
    const before = h.reclaimProbability(0, H);
    const end = replayStretches(h, Array<number>(40).fill(5 * 60_000));
    h.observeAvailability(end, true);
    expect(h.reclaimProbability(end, H)).toBeGreaterThan(Math.max(before, 0.95));
    expect(h.evidence()).toEqual({ reclaims: 40, exposureMs: 40 * 5 * 60_000 });
  });

  it('learns a place whose spot lasts for days: fresh capacity there is safe too', () => {
    const h = new HazardEstimate();
    const end = replayStretches(h, Array<number>(20).fill(72 * H));
    h.observeAvailability(end, true);
    expect(h.reclaimProbability(end, H)).toBeLessThan(0.05);
  });

  it('remembers the newest 512 stretches: the market it learnt from can change', () => {
    const h = new HazardEstimate();
    const afterLong = replayStretches(h, Array<number>(512).fill(72 * H));
    h.observeAvailability(afterLong, true);
    const safe = h.reclaimProbability(afterLong, H);
    const h2 = new HazardEstimate();
    const end = replayStretches(h2, [
      ...Array<number>(512).fill(72 * H),
      ...Array<number>(512).fill(5 * 60_000),
    ]);
    h2.observeAvailability(end, true);
    expect(h2.reclaimProbability(end, H)).toBeGreaterThan(0.95);
    expect(safe).toBeLessThan(0.05);
  });

  it('raises the hazard as the price nears the bid', () => {
    const h = new HazardEstimate();
    const calm = h.rate(0);
    h.observePrice(95, 100);
    expect(h.rate(0)).toBeCloseTo(calm * 5.5, 12);
  });
});
