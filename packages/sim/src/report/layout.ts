import { X_AXIS_HEIGHT, yTicksWidth } from './axes.js';
import type { PlotBox } from './frame.js';
import { columnLegend, rowLegend } from './legend.js';
import type { LegendBox, LegendItem } from './legend.js';
import { FONT_SIZE, textWidth } from './typography.js';

/** What the layout depends on: the chart's size and the text around the plot. */
export interface LayoutInput {
  readonly width: number;
  readonly height: number;
  readonly hasSubtitle: boolean;
  /** Every y tick label, for the room left of the plot. */
  readonly yTickLabels: readonly string[];
  /** The last x tick label, which overhangs the plot's right edge by half its width. */
  readonly lastXTickLabel: string | undefined;
  readonly legendItems: readonly LegendItem[];
  /** Where the caller wants the legend; decided here when undefined. */
  readonly legend: 'right' | 'bottom' | undefined;
}

/** Where everything goes, in pixels from the top-left corner. */
export interface ChartLayout {
  readonly box: PlotBox;
  /** Baselines of the title and subtitle, both starting at x = {@link PAD}. */
  readonly titleY: number;
  readonly subtitleY: number;
  /** Centre line of the rotated y-axis label. */
  readonly yLabelX: number;
  /** The legend and its top-left corner; undefined when there are no series. */
  readonly legend: { readonly box: LegendBox; readonly x: number; readonly y: number } | undefined;
}

/** Space between the chart's edge and its content. */
export const PAD = 16;
/** A right-hand legend wider than this share of the chart moves below the plot. */
const RIGHT_LEGEND_MAX_SHARE = 0.3;
/** Space between the plot (or x axis) and the legend. */
const LEGEND_GAP = 24;

/**
 * Lays the chart out: title block on top, y ticks and label on the left, x ticks and label
 * below, and the legend to the right of the plot when it is narrow and short enough (or
 * asked for), else below the x-axis label, wrapping into rows. The plot takes the rest.
 */
export function layoutChart(input: LayoutInput): ChartLayout {
  const { width, height } = input;
  const titleY = PAD + FONT_SIZE.title * 0.8;
  const subtitleY = titleY + 6 + FONT_SIZE.subtitle;
  const top = (input.hasSubtitle ? subtitleY : titleY) + 26;
  const yLabelX = PAD + FONT_SIZE.axisLabel * 0.8;
  const labelWidths = input.yTickLabels.map((t) => textWidth(t, FONT_SIZE.tick));
  const left = yLabelX + 12 + yTicksWidth(Math.max(0, ...labelWidths));
  const plotHeight = height - top - X_AXIS_HEIGHT - PAD;

  const column = columnLegend(input.legendItems);
  const fits = column.width <= width * RIGHT_LEGEND_MAX_SHARE && column.height <= plotHeight;
  const right = input.legend === undefined ? fits : input.legend === 'right';
  const legendBox = right ? column : rowLegend(input.legendItems, width - left - PAD);
  const hasLegend = input.legendItems.length > 0;

  const overhang =
    input.lastXTickLabel === undefined ? 0 : textWidth(input.lastXTickLabel, FONT_SIZE.tick) / 2;
  const rightMargin =
    hasLegend && right ? LEGEND_GAP + legendBox.width + PAD : Math.max(PAD, overhang + 10);
  const below = hasLegend && !right ? legendBox.height + 10 : 0;
  const box: PlotBox = {
    left,
    top,
    width: Math.max(10, width - left - rightMargin),
    height: Math.max(10, plotHeight - below),
  };
  const legend = !hasLegend
    ? undefined
    : right
      ? { box: legendBox, x: box.left + box.width + LEGEND_GAP, y: box.top }
      : { box: legendBox, x: box.left, y: box.top + box.height + X_AXIS_HEIGHT + 10 };
  return { box, titleY, subtitleY, yLabelX, legend };
}
