import { describe, expect, it } from 'vitest';
import { niceScale, niceStep } from '../../src/report/nice-scale.js';
import type { ScaleInput } from '../../src/report/nice-scale.js';

/** `count` ticks from `from` by `step`, rounded like the scale rounds them. */
function range(from: number, step: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10)));
}

describe('nice scales', () => {
  it.each([
    [26, 20],
    [0.194, 0.2],
    [0.7, 0.5],
    [7.5, 10],
    [1, 1],
    [140, 100],
    [0.00064, 0.0005],
  ])('the nice step near %f is %f', (raw, step) => {
    expect(niceStep(raw)).toBeCloseTo(step, 12);
  });

  const cases: [string, ScaleInput, number, number, number[]][] = [
    ['data 0–130', { dataMin: 0, dataMax: 130 }, 0, 140, range(0, 20, 8)],
    ['data 0–0.97', { dataMin: 0, dataMax: 0.97 }, 0, 1, range(0, 0.2, 6)],
    ['fixed 0–130', { dataMin: 3, dataMax: 90, min: 0, max: 130 }, 0, 130, range(0, 20, 7)],
    ['data −3.2–7.9', { dataMin: -3.2, dataMax: 7.9 }, -4, 8, range(-4, 2, 7)],
    ['data 5–42 with zero', { dataMin: 5, dataMax: 42, includeZero: true }, 0, 50, range(0, 10, 6)],
    [
      'data 0.001–0.0042',
      { dataMin: 0.001, dataMax: 0.0042 },
      0.001,
      0.0045,
      range(0.001, 0.0005, 8),
    ],
    ['data 0–1,234,567', { dataMin: 0, dataMax: 1_234_567 }, 0, 1_400_000, range(0, 200_000, 8)],
    ['one value 1,000', { dataMin: 1000, dataMax: 1000 }, 900, 1100, range(900, 50, 5)],
    ['one value 0', { dataMin: 0, dataMax: 0 }, 0, 1, range(0, 0.2, 6)],
    ['no data', { dataMin: undefined, dataMax: undefined }, 0, 1, range(0, 0.2, 6)],
    [
      'no data, fixed min 10',
      { dataMin: undefined, dataMax: undefined, min: 10 },
      10,
      11,
      range(10, 0.2, 6),
    ],
    ['data below a fixed min', { dataMin: 1, dataMax: 2, min: 5 }, 5, 5.5, range(5, 0.1, 6)],
    ['fixed max 100', { dataMin: 0, dataMax: 130, max: 100 }, 0, 100, range(0, 20, 6)],
  ];
  it.each(cases)('%s → %f–%f', (_, input, min, max, ticks) => {
    const scale = niceScale(input);
    expect(scale.min).toBeCloseTo(min, 12);
    expect(scale.max).toBeCloseTo(max, 12);
    expect(scale.ticks).toEqual(ticks);
  });

  it.each([
    [5, 5],
    [5, 1],
  ])('refuses fixed ends %f–%f', (min, max) => {
    expect(() => niceScale({ dataMin: 0, dataMax: 1, min, max })).toThrow(RangeError);
  });
});
