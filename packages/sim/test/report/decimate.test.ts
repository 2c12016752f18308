import { describe, expect, it } from 'vitest';
import { decimate } from '../../src/report/decimate.js';
import type { Point } from '../../src/report/point.js';

/** `n` points spread over `width` pixels, y a deterministic zig-zag with one spike each way. */
function noisy(n: number, width: number): Point[] {
  return Array.from({ length: n }, (_, i): Point => {
    const y =
      i === Math.floor(n / 3)
        ? -500
        : i === Math.floor((2 * n) / 3)
          ? 900
          : ((i * 7919) % 101) - 50;
    return [(i / n) * width, y];
  });
}

describe('decimation', () => {
  it.each([
    [100_000, 700],
    [5_000, 300],
    [2_001, 1],
  ])('%i points over %i px keep min, max, ends and at most 4 a pixel', (n, width) => {
    const points = noisy(n, width);
    const kept = decimate(points);
    const ys = kept.map((p) => p[1]);
    expect(Math.min(...ys)).toBe(-500);
    expect(Math.max(...ys)).toBe(900);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    expect(kept.length).toBeLessThanOrEqual(4 * width);
  });

  it('keeps points in their original order', () => {
    const points = noisy(10_000, 200);
    const kept = decimate(points);
    const indices = kept.map((p) => points.indexOf(p));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  it.each([
    [[]],
    [[[1.5, 2]]],
    [
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
  ] as Point[][][])('leaves sparse points alone: %j', (points) => {
    expect(decimate(points)).toEqual(points);
  });
});
