import { renderAxes, renderGrid } from './axes.js';
import type { AxisSpec, LineChartSpec, LineSeries } from './chart-spec.js';
import { frame } from './frame.js';
import type { Frame } from './frame.js';
import { layoutChart, PAD } from './layout.js';
import type { LegendItem } from './legend.js';
import { renderLine } from './line-path.js';
import { niceScale } from './nice-scale.js';
import { OKABE_ITO, seriesColour } from './palette.js';
import type { Point } from './point.js';
import { renderReferenceLabel, renderReferenceLine } from './reference-line.js';
import { toSegments } from './segments.js';
import { element, textElement } from './svg.js';
import { FONT_FAMILY, FONT_SIZE, INK } from './typography.js';
import { tickFormatter } from './tick-format.js';
import { escapeXml } from './xml.js';

/** Dash patterns by palette cycle: solid first, then dashed, then dotted. */
const CYCLE_DASHES = [undefined, '7 4', '2 3'] as const;
const DASHED = '7 4';

/** A series with its colour, dash and drawable segments resolved. */
interface Prepared extends LegendItem {
  readonly segments: Point[][];
}

function prepare(series: LineSeries, index: number): Prepared {
  const cycle = Math.floor(index / OKABE_ITO.length) % CYCLE_DASHES.length;
  const dash =
    series.dashed === undefined ? CYCLE_DASHES[cycle] : series.dashed ? DASHED : undefined;
  return {
    name: series.name,
    colour: series.colour ?? seriesColour(index),
    dash,
    segments: toSegments(series.points, series.step === true),
  };
}

/** Smallest and largest of `values`, without spreading (series can be long). */
function extent(values: Iterable<number>): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const v of values) {
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  return { min, max };
}

function* coordinates(series: readonly Prepared[], axis: 0 | 1): Iterable<number> {
  for (const s of series) for (const segment of s.segments) for (const p of segment) yield p[axis];
}

function fixedEnds(axis: AxisSpec): { min: number | undefined; max: number | undefined } {
  return { min: axis.min, max: axis.max };
}

/**
 * A line chart as a standalone SVG document: title and optional subtitle, grid lines and
 * axes with nice ticks (1, 2 or 5 × 10^n), one line per series in a colour-blind-safe
 * palette, optional labelled horizontal reference lines, and a legend right of the plot or
 * below it, never over the data. Series longer than 2,000 points are decimated to pixel
 * resolution keeping each pixel column's extremes; NaN points break lines; a chart with
 * no data says so.
 */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 800;
  const height = spec.height ?? 480;
  const series = spec.series.map(prepare);
  const references = spec.references ?? [];

  const xData = extent(coordinates(series, 0));
  const yData = extent([...coordinates(series, 1), ...references.map((r) => r.y)]);
  const xScale = niceScale({ dataMin: xData.min, dataMax: xData.max, ...fixedEnds(spec.x) });
  const yScale = niceScale({
    dataMin: yData.min,
    dataMax: yData.max,
    includeZero: true,
    ...fixedEnds(spec.y),
  });
  const formatX = tickFormatter(xScale.ticks);
  const formatY = tickFormatter(yScale.ticks);

  const layout = layoutChart({
    width,
    height,
    hasSubtitle: spec.subtitle !== undefined,
    yTickLabels: yScale.ticks.map(formatY),
    lastXTickLabel: xScale.ticks.map(formatX).at(-1),
    legendItems: series,
    legend: spec.legend,
  });
  const f = frame(layout.box, xScale, yScale);

  const header = [
    element('title', {}, escapeXml(spec.title)),
    element('rect', { width, height, fill: INK.background }),
    textElement(
      {
        x: PAD,
        y: layout.titleY,
        'font-size': FONT_SIZE.title,
        'font-weight': 'bold',
        fill: INK.title,
      },
      spec.title,
    ),
    spec.subtitle === undefined
      ? ''
      : textElement(
          { x: PAD, y: layout.subtitleY, 'font-size': FONT_SIZE.subtitle, fill: INK.muted },
          spec.subtitle,
        ),
  ];
  const body = [
    renderGrid(f),
    renderAxes(f, {
      xLabel: spec.x.label,
      yLabel: spec.y.label,
      formatX,
      formatY,
      yLabelX: layout.yLabelX,
    }),
    renderData(f, spec, series),
    layout.legend === undefined
      ? ''
      : element(
          'g',
          { 'font-size': FONT_SIZE.legend },
          layout.legend.box.render(layout.legend.x, layout.legend.y),
        ),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        'font-family': FONT_FAMILY,
        role: 'img',
      },
      [...header, ...body].join(''),
    ) +
    '\n'
  );
}

/** The data layer, clipped to the plot (with room for the stroke at its edges). */
function renderData(f: Frame, spec: LineChartSpec, series: readonly Prepared[]): string {
  const { left, top, width, height } = f.box;
  const margin = 3;
  const clipId = `roam-plot-${[left, top, width, height].map(Math.round).join('-')}`;
  const clip = element(
    'clipPath',
    { id: clipId },
    element('rect', {
      x: left - margin,
      y: top - margin,
      width: width + 2 * margin,
      height: height + 2 * margin,
    }),
  );
  const references = spec.references ?? [];
  const empty = series.every((s) => s.segments.length === 0);
  const noData = empty
    ? textElement(
        {
          x: left + width / 2,
          y: top + height / 2,
          'text-anchor': 'middle',
          'font-size': FONT_SIZE.axisLabel,
          fill: INK.muted,
        },
        'no data',
      )
    : '';
  const content = [
    ...references.map((r) => renderReferenceLine(f, r)),
    ...series.map((s) => renderLine(f, s.segments, s)),
    ...references.map((r) => renderReferenceLabel(f, r)),
  ].join('');
  return (
    element('defs', {}, clip) + element('g', { 'clip-path': `url(#${clipId})` }, content) + noData
  );
}
