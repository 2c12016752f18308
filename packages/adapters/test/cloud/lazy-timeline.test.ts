import { describe, expect, it } from 'vitest';
import { LazyTimeline } from '../../src/cloud/lazy-timeline.js';

/** 0 from t = 100, then 1, 2, 3, …, value v holding 10·(v + 1) ms; counts the steps drawn. */
function counting() {
  const drawn: number[] = [];
  const timeline = new LazyTimeline(100, 0, (v) => {
    drawn.push(v);
    return { holdMs: 10 * (v + 1), value: v + 1 };
  });
  return { timeline, drawn };
}

describe('LazyTimeline', () => {
  // Segments: 0 on [100, 110), 1 on [110, 130), 2 on [130, 160), 3 on [160, 200), …
  it.each([
    [0, 0, 110],
    [100, 0, 110],
    [109, 0, 110],
    [110, 1, 130],
    [159, 2, 160],
    [200, 4, 250],
  ])('at %i holds %i until %i', (t, value, next) => {
    const { timeline } = counting();
    expect(timeline.at(t)).toBe(value);
    expect(timeline.nextChange(t)).toBe(next);
  });

  it.each([
    [100, (v: number) => v >= 2, Infinity, 130],
    [135, (v: number) => v >= 2, Infinity, 135],
    [100, (v: number) => v >= 3, 160, undefined],
    [100, (v: number) => v >= 3, 161, 160],
    [170, (v: number) => v === 0, 170, undefined],
  ])('from %i finds the first match (before %s)', (t, holds, before, found) => {
    expect(counting().timeline.find(t, holds, before)).toBe(found);
  });

  it('draws steps in time order only, once, whatever is asked in whatever order', () => {
    const { timeline, drawn } = counting();
    expect(timeline.at(200)).toBe(4);
    expect(timeline.at(105)).toBe(0);
    expect(timeline.find(100, (v) => v === 5)).toBe(250);
    expect(drawn).toEqual([0, 1, 2, 3, 4]);
  });
});
