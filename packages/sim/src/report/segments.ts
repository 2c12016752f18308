import type { Point } from './point.js';

/**
 * Splits a series into the runs of points to draw as connected lines: a point whose x or y
 * is not finite (NaN, ±Infinity) is skipped and breaks the line. With `step`, the series is
 * piecewise constant: each value holds until the next point's x, drawn as a horizontal then
 * a vertical move (a break also ends the last value at the break's x, when it has one).
 */
export function toSegments(points: readonly Point[], step: boolean): Point[][] {
  const segments: Point[][] = [];
  let current: Point[] = [];
  const flush = (): void => {
    if (current.length > 0) segments.push(current);
    current = [];
  };
  for (const [x, y] of points) {
    if (!Number.isFinite(x)) {
      flush();
      continue;
    }
    const last = current.at(-1);
    if (step && last !== undefined && last[1] !== y) current.push([x, last[1]]);
    if (!Number.isFinite(y)) {
      flush();
      continue;
    }
    current.push([x, y]);
  }
  flush();
  return segments;
}
