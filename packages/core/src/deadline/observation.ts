import type { ZoneSeries } from '../cloud/market.js';

/** The zones a job may use, in the order policies number them (zone 0 first); tick 0 is the tick the job starts. */
export interface SpotWindow {
  readonly zones: readonly ZoneSeries[];
}

/** What a policy sees at the start of a tick: the present, never the future. */
export interface SpotObservation {
  /** Per zone: whether a spot instance can be used during this tick. */
  readonly available: readonly boolean[];
  /** Per zone: the spot price during this tick, micro-dollars per instance-hour. */
  readonly spotPrice: readonly number[];
}

/** Whether spot can be used in `zone` during `tick` (false past the end of the series). */
export function spotAvailable(window: SpotWindow, zone: number, tick: number): boolean {
  const series = window.zones[zone];
  return series !== undefined && tick < series.available.length && series.available[tick] === 1;
}

/**
 * The spot price in `zone` during `tick`; past the end of the series (where spot is
 * unavailable anyway) the last known price.
 */
export function spotPriceAt(window: SpotWindow, zone: number, tick: number): number {
  const prices = window.zones[zone]?.spotPrice;
  if (prices === undefined || prices.length === 0) return 0;
  return prices[Math.min(tick, prices.length - 1)] ?? 0;
}

/** What a policy may observe at `tick` of `window`. */
export function observeTick(window: SpotWindow, tick: number): SpotObservation {
  return {
    available: window.zones.map((_, z) => spotAvailable(window, z, tick)),
    spotPrice: window.zones.map((_, z) => spotPriceAt(window, z, tick)),
  };
}
