import { element, textElement } from './svg.js';
import { FONT_SIZE, INK, textWidth } from './typography.js';

/** One legend entry: a line sample in the series' style and its name. */
export interface LegendItem {
  readonly name: string;
  readonly colour: string;
  /** SVG stroke-dasharray, undefined for a solid line. */
  readonly dash: string | undefined;
}

/** A laid-out legend: its size, and its markup once placed with its top-left corner at x, y. */
export interface LegendBox {
  readonly width: number;
  readonly height: number;
  render(x: number, y: number): string;
}

const ROW_HEIGHT = 20;
const SAMPLE_WIDTH = 26;
const SAMPLE_GAP = 7;
const ITEM_GAP = 22;

function itemWidth(item: LegendItem): number {
  return SAMPLE_WIDTH + SAMPLE_GAP + textWidth(item.name, FONT_SIZE.legend);
}

/** One item with its row's vertical centre at `y`. */
function renderItem(item: LegendItem, x: number, y: number): string {
  const sample = element('line', {
    x1: x,
    y1: y,
    x2: x + SAMPLE_WIDTH,
    y2: y,
    stroke: item.colour,
    'stroke-width': 2.5,
    'stroke-dasharray': item.dash,
  });
  const label = textElement(
    { x: x + SAMPLE_WIDTH + SAMPLE_GAP, y: y + FONT_SIZE.legend * 0.36, fill: INK.text },
    item.name,
  );
  return sample + label;
}

/** A legend listing the items one under another, for the right of the plot. */
export function columnLegend(items: readonly LegendItem[]): LegendBox {
  return {
    width: Math.max(0, ...items.map(itemWidth)),
    height: items.length * ROW_HEIGHT,
    render: (x, y) =>
      items.map((item, i) => renderItem(item, x, y + (i + 0.5) * ROW_HEIGHT)).join(''),
  };
}

/** A legend flowing the items left to right in rows no wider than `maxWidth`, for below. */
export function rowLegend(items: readonly LegendItem[], maxWidth: number): LegendBox {
  const placed: { item: LegendItem; dx: number; row: number }[] = [];
  let dx = 0;
  let row = 0;
  let width = 0;
  for (const item of items) {
    const w = itemWidth(item);
    if (dx > 0 && dx + w > maxWidth) [dx, row] = [0, row + 1];
    placed.push({ item, dx, row });
    width = Math.max(width, dx + w);
    dx += w + ITEM_GAP;
  }
  return {
    width,
    height: items.length === 0 ? 0 : (row + 1) * ROW_HEIGHT,
    render: (x, y) =>
      placed.map((p) => renderItem(p.item, x + p.dx, y + (p.row + 0.5) * ROW_HEIGHT)).join(''),
  };
}
