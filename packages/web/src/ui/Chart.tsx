import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesSet } from '../model/sim-series.js';
import { lineColour } from './palette.js';
import { cssVar } from './theme.js';
import { useThemeName } from './ThemeContext.js';

/** What a line chart shows. */
export interface ChartProps {
  readonly title: string;
  readonly data: SeriesSet;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Draw lines as steps (values that hold until the next sample). */
  readonly step?: boolean;
  readonly yRange?: readonly [number, number];
  readonly xRange?: readonly [number, number];
  readonly height?: number;
  /** Formats x values on the axis and in the legend. */
  readonly xFormat?: (x: number) => string;
}

/**
 * A line chart (uPlot on a canvas), one line per series on a shared x axis, with a
 * legend that follows the cursor; redrawn on resize and theme change. The figure is
 * labelled with its title and a summary for screen readers.
 */
export default function Chart({
  title,
  data,
  xLabel,
  yLabel,
  step = false,
  yRange,
  xRange,
  height = 280,
  xFormat,
}: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const theme = useThemeName();
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const text = cssVar('--muted');
    const grid = cssVar('--border');
    const axis = (
      label: string,
      values?: (u: uPlot, splits: number[]) => string[],
    ): uPlot.Axis => ({
      label,
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      font: '12px system-ui',
      labelFont: '12px system-ui',
      ...(values ? { values } : {}),
    });
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const options: uPlot.Options = {
      width: el.clientWidth || 600,
      height,
      scales: {
        x: {
          time: false,
          ...(xRange ? { range: [xRange[0], xRange[1]] as uPlot.Range.MinMax } : {}),
        },
        y: yRange ? { range: [yRange[0], yRange[1]] as uPlot.Range.MinMax } : {},
      },
      axes: [axis(xLabel, xFormat ? (_u, splits) => splits.map(xFormat) : undefined), axis(yLabel)],
      series: [
        { label: xLabel, ...(xFormat ? { value: (_u: uPlot, v: number) => xFormat(v) } : {}) },
        ...data.lines.map((l, i) => ({
          label: l.name,
          stroke: lineColour(i),
          width: 2,
          spanGaps: true,
          points: { show: false },
          ...(step && stepped ? { paths: stepped } : {}),
        })),
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    };
    const chart = new uPlot(
      options,
      [data.x as number[], ...data.lines.map((l) => l.y as (number | null)[])],
      el,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [data, xLabel, yLabel, step, yRange, xRange, height, xFormat, theme]);
  const summary = data.lines.map((l) => l.name).join(', ');
  return (
    <figure className="chart-figure" style={{ margin: 0 }}>
      <figcaption className="chart-title">{title}</figcaption>
      <div
        ref={holder}
        className="chart"
        role="img"
        aria-label={`${title}: ${yLabel} against ${xLabel} for ${summary || 'no series'}`}
      />
    </figure>
  );
}
