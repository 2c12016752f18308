import type { Frame } from './frame.js';
import { coord, element, textElement } from './svg.js';
import { FONT_SIZE, INK } from './typography.js';

/** Axis labels and tick formatters for {@link renderAxes}. */
export interface AxisText {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
  /** Pixel x of the centre line of the rotated y-axis label. */
  readonly yLabelX: number;
}

const TICK_LENGTH = 4;
const TICK_LABEL_GAP = 4;

/** Grid lines at every tick, behind the data. */
export function renderGrid(f: Frame): string {
  const { left, top, width, height } = f.box;
  const vertical = f.xScale.ticks.map((t) =>
    element('line', { x1: f.px(t), y1: top, x2: f.px(t), y2: top + height }),
  );
  const horizontal = f.yScale.ticks.map((t) =>
    element('line', { x1: left, y1: f.py(t), x2: left + width, y2: f.py(t) }),
  );
  return element(
    'g',
    { stroke: INK.grid, 'stroke-width': 1 },
    [...vertical, ...horizontal].join(''),
  );
}

/** The bottom and left axis lines with their ticks, tick labels and axis labels. */
export function renderAxes(f: Frame, text: AxisText): string {
  const { left, top, width, height } = f.box;
  const bottom = top + height;
  const lines = [
    element('line', { x1: left, y1: bottom, x2: left + width, y2: bottom }),
    element('line', { x1: left, y1: top, x2: left, y2: bottom }),
    ...f.xScale.ticks.map((t) =>
      element('line', { x1: f.px(t), y1: bottom, x2: f.px(t), y2: bottom + TICK_LENGTH }),
    ),
    ...f.yScale.ticks.map((t) =>
      element('line', { x1: left - TICK_LENGTH, y1: f.py(t), x2: left, y2: f.py(t) }),
    ),
  ];
  const xTickY = bottom + TICK_LENGTH + TICK_LABEL_GAP + FONT_SIZE.tick * 0.8;
  const xTicks = f.xScale.ticks.map((t) => textElement({ x: f.px(t), y: xTickY }, text.formatX(t)));
  const yTicks = f.yScale.ticks.map((t) =>
    textElement(
      { x: left - TICK_LENGTH - TICK_LABEL_GAP, y: f.py(t) + FONT_SIZE.tick * 0.35 },
      text.formatY(t),
    ),
  );
  const xLabel = textElement(
    { x: left + width / 2, y: xTickY + 10 + FONT_SIZE.axisLabel },
    text.xLabel,
  );
  const yLabel = textElement(
    { transform: `translate(${coord(text.yLabelX)} ${coord(top + height / 2)}) rotate(-90)` },
    text.yLabel,
  );
  return [
    element('g', { stroke: INK.axis, 'stroke-width': 1 }, lines.join('')),
    element(
      'g',
      { 'font-size': FONT_SIZE.tick, fill: INK.text, 'text-anchor': 'middle' },
      xTicks.join(''),
    ),
    element(
      'g',
      { 'font-size': FONT_SIZE.tick, fill: INK.text, 'text-anchor': 'end' },
      yTicks.join(''),
    ),
    element(
      'g',
      { 'font-size': FONT_SIZE.axisLabel, fill: INK.title, 'text-anchor': 'middle' },
      xLabel + yLabel,
    ),
  ].join('');
}

/** The height below the plot that {@link renderAxes} uses for tick labels and the x label. */
export const X_AXIS_HEIGHT =
  TICK_LENGTH + TICK_LABEL_GAP + FONT_SIZE.tick * 0.8 + 10 + FONT_SIZE.axisLabel + 4;

/** The width left of the plot that y ticks use, with labels `labelWidth` wide. */
export function yTicksWidth(labelWidth: number): number {
  return TICK_LENGTH + TICK_LABEL_GAP + labelWidth;
}
