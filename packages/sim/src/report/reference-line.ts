import type { ReferenceLine } from './chart-spec.js';
import type { Frame } from './frame.js';
import { element, textElement } from './svg.js';
import { FONT_SIZE, INK } from './typography.js';

/** Grey, for a reference line given no colour. */
const DEFAULT_COLOUR = '#777777';

/** The dashed line of a reference across the plot; drawn under the data. */
export function renderReferenceLine(f: Frame, ref: ReferenceLine): string {
  const y = f.py(ref.y);
  return element('line', {
    x1: f.box.left,
    y1: y,
    x2: f.box.left + f.box.width,
    y2: y,
    stroke: ref.colour ?? DEFAULT_COLOUR,
    'stroke-width': 1.5,
    'stroke-dasharray': '2 4',
  });
}

/**
 * The label of a reference, right-aligned at the plot's right edge just above its line
 * (below it when the line is at the top), with a white halo so it stays legible over grid
 * lines and data; drawn over the data.
 */
export function renderReferenceLabel(f: Frame, ref: ReferenceLine): string {
  const y = f.py(ref.y);
  const above = y - f.box.top > FONT_SIZE.legend + 6;
  return textElement(
    {
      x: f.box.left + f.box.width - 4,
      y: above ? y - 5 : y + FONT_SIZE.legend + 3,
      fill: ref.colour ?? DEFAULT_COLOUR,
      stroke: INK.background,
      'stroke-width': 4,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
      'font-size': FONT_SIZE.legend,
      'text-anchor': 'end',
    },
    ref.label,
  );
}
