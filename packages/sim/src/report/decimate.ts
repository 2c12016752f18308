import type { Point } from './point.js';

/** The first, lowest, highest and last points of a bucket, in their original order. */
function extremes(bucket: readonly Point[]): Point[] {
  let low = 0;
  let high = 0;
  let lowY = Infinity;
  let highY = -Infinity;
  bucket.forEach(([, y], i) => {
    if (y < lowY) [low, lowY] = [i, y];
    if (y > highY) [high, highY] = [i, y];
  });
  const last = bucket.length - 1;
  return bucket.filter((_, i) => i === 0 || i === low || i === high || i === last);
}

/**
 * Thins a line projected to pixels while keeping its drawn shape: each run of consecutive
 * points that fall in the same one-pixel column is replaced by its first, lowest, highest
 * and last points, in their original order (the M4 method). Spikes survive, and a line
 * across w pixels keeps at most 4·w points however many it had.
 */
export function decimate(pixels: readonly Point[]): Point[] {
  const kept: Point[] = [];
  let bucket: Point[] = [];
  for (const p of pixels) {
    const first = bucket[0];
    if (first !== undefined && Math.floor(first[0]) !== Math.floor(p[0])) {
      kept.push(...extremes(bucket));
      bucket = [];
    }
    bucket.push(p);
  }
  kept.push(...extremes(bucket));
  return kept;
}
