import type { Point } from './point.js';

/** One axis: its label (with its unit) and, optionally, fixed ends. */
export interface AxisSpec {
  /** Shown along the axis, e.g. `time (h)` or `GPU allocation (%)`. */
  readonly label: string;
  /** Fixed lower end; otherwise the data minimum rounded down to a tick (zero included on y). */
  readonly min?: number;
  /** Fixed upper end; otherwise the data maximum rounded up to a tick. */
  readonly max?: number;
}

/** One line of a chart. */
export interface LineSeries {
  /** Shown in the legend. */
  readonly name: string;
  /** Points in drawing order; a point with a NaN or infinite coordinate breaks the line. */
  readonly points: readonly Point[];
  /**
   * Dashed when true, solid when false; when left out, solid for the first cycle of the
   * palette and dashed (then dotted) once colours repeat.
   */
  readonly dashed?: boolean;
  /** Any SVG colour; the palette's next colour when left out. */
  readonly colour?: string;
  /** Piecewise constant: each value holds until the next point (e.g. utilisation over time). */
  readonly step?: boolean;
}

/** A horizontal line at a fixed y, e.g. a queue's deserved share, labelled at its right end. */
export interface ReferenceLine {
  readonly y: number;
  readonly label: string;
  /** Any SVG colour; grey when left out. Give the matching series' colour to pair them. */
  readonly colour?: string;
}

/** Everything {@link lineChart} draws. */
export interface LineChartSpec {
  readonly title: string;
  /** A second, smaller line under the title, e.g. the trace and cluster. */
  readonly subtitle?: string;
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly series: readonly LineSeries[];
  readonly references?: readonly ReferenceLine[];
  /** Size of the SVG in pixels; 800 × 480 when left out. */
  readonly width?: number;
  readonly height?: number;
  /** Where the legend goes; to the right when names are short enough, else below. */
  readonly legend?: 'right' | 'bottom';
}
