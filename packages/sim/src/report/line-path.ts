import { decimate } from './decimate.js';
import type { Frame } from './frame.js';
import type { Point } from './point.js';
import { coord, element } from './svg.js';

/** A series with more points than this is decimated to pixel resolution before drawing. */
export const DECIMATE_ABOVE = 2000;

/** How one line is stroked. */
export interface LineStyle {
  readonly colour: string;
  /** SVG stroke-dasharray, undefined for a solid line. */
  readonly dash: string | undefined;
}

const STROKE_WIDTH = 2;
const DOT_RADIUS = 2.5;

/**
 * A series' segments as one SVG path (a move to the start of each segment), plus a dot for
 * each single-point segment, which a path would not show. When the series has more than
 * {@link DECIMATE_ABOVE} points, each segment is decimated in pixel space first.
 */
export function renderLine(f: Frame, segments: readonly Point[][], style: LineStyle): string {
  const total = segments.reduce((sum, s) => sum + s.length, 0);
  const projected = segments.map((s) => {
    const pixels = s.map(([x, y]): Point => [f.px(x), f.py(y)]);
    return total > DECIMATE_ABOVE ? decimate(pixels) : pixels;
  });
  const lines = projected.filter((s) => s.length > 1);
  const dots = projected.filter((s) => s.length === 1).flat();
  const d = lines
    .map((s) => s.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${coord(x)} ${coord(y)}`).join(''))
    .join('');
  const path =
    d === ''
      ? ''
      : element('path', {
          d,
          fill: 'none',
          stroke: style.colour,
          'stroke-width': STROKE_WIDTH,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
          'stroke-dasharray': style.dash,
        });
  const circles = dots.map(([cx, cy]) =>
    element('circle', { cx, cy, r: DOT_RADIUS, fill: style.colour }),
  );
  return path + circles.join('');
}
