/** The spot trace formats Roam reads. */
export type SpotTraceFormat =
  'cant-be-late' | 'spothedge-a100' | 'skynomad-h100' | 'gcp-price-history';

/** One zone's spot availability over time, as a trace recorded it. */
export interface SpotSeries {
  /**
   * Its name in the trace, unique within it: the zone, or `zone/instance-type` when a
   * file has several instance types (then `/nodes` if still ambiguous).
   */
  readonly name: string;
  readonly zone: string;
  /** Empty when the trace does not say. */
  readonly region: string;
  /** Empty when the trace does not say. */
  readonly instanceType: string;
  /** Tick length, ms. */
  readonly tickMs: number;
  /** Instances that could be launched (or were up) in each tick. */
  readonly counts: Int32Array;
  /** Instances asked for per tick (1 when the trace only says available or not). */
  readonly probed: number;
  /** Spot price in each tick, USD per instance-hour; NaN where the trace has none. */
  readonly spotPriceUsd: Float64Array;
  /** Ticks the file has no row for, counted as unavailable. */
  readonly missingTicks: number;
}

/** A spot trace file: one series per zone (and instance type). */
export interface SpotTrace {
  /** Where it was read from, for messages and reports. */
  readonly source: string;
  readonly format: SpotTraceFormat;
  readonly series: readonly SpotSeries[];
}
