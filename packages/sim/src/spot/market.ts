import { MICROS_PER_DOLLAR, type SpotWindow, type ZoneSeries } from '@roam/core';
import type { SpotSeries } from './trace.js';

/** How a series becomes a job's market. */
export interface MarketOptions {
  /** Spot price where the trace has none, USD per instance-hour. */
  readonly spotPriceUsd: number;
  /** Instances the job needs at once: spot is available when at least this many were. Default 1. */
  readonly instances?: number;
}

/** A zone's whole series as the deadline model reads it. */
export interface ZoneMarket extends ZoneSeries {
  /** Tick length, ms. */
  readonly tickMs: number;
  readonly available: Uint8Array;
  readonly spotPrice: Float64Array;
}

/**
 * A series as the deadline model reads it, over the whole trace: 1 where at least
 * `instances` spot instances were available, and the spot price in micro-dollars per
 * instance-hour (the trace's, else `spotPriceUsd`; 0 where spot is not available and no
 * price is known, since nothing is paid there).
 */
export function zoneMarket(series: SpotSeries, options: MarketOptions): ZoneMarket {
  const needed = options.instances ?? 1;
  const available = new Uint8Array(series.counts.length);
  const spotPrice = new Float64Array(series.counts.length);
  const fallback = Math.round(options.spotPriceUsd * MICROS_PER_DOLLAR);
  series.counts.forEach((count, t) => {
    available[t] = count >= needed ? 1 : 0;
    const usd = series.spotPriceUsd[t] ?? Number.NaN;
    if (!Number.isNaN(usd)) spotPrice[t] = Math.round(usd * MICROS_PER_DOLLAR);
    else spotPrice[t] = available[t] === 1 ? fallback : 0;
  });
  return { name: series.name, tickMs: series.tickMs, available, spotPrice };
}

/** A job's view of some markets from `startTick`: its window, and the past before it. */
export interface JobMarket {
  readonly window: SpotWindow;
  /** Per zone, availability before `startTick`, oldest first. */
  readonly pastAvailability: readonly Uint8Array[];
}

/** The markets seen by a job starting at `startTick` (views, no copies). */
export function jobMarket(markets: readonly ZoneMarket[], startTick: number): JobMarket {
  const view = (market: ZoneMarket): ZoneSeries => ({
    name: market.name,
    available: market.available.subarray(startTick),
    spotPrice: market.spotPrice.subarray(startTick),
  });
  return {
    window: { zones: markets.map(view) },
    pastAvailability: markets.map((m) => m.available.subarray(0, startTick)),
  };
}
