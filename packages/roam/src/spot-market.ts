import {
  StochasticMarket,
  TraceMarket,
  type SpotMarketModel,
  type TraceBinding,
} from '@roam/adapters';
import type { Cloud } from '@roam/core';
import { loadSpotTrace, zoneMarket, type SpotSeries } from '@roam/sim';

/**
 * The cloud a trace's zone belongs to, from how clouds name zones: AWS `us-east-1a`
 * (a letter right after the region's number), GCP `us-central1-a`, Azure `eastus-2`.
 */
export function cloudOfZone(zone: string): Cloud | undefined {
  if (/-\d+[a-z]$/.test(zone)) return 'aws';
  if (/\d-[a-z]$/.test(zone)) return 'gcp';
  if (/^[a-z]+-\d+$/.test(zone)) return 'azure';
  return undefined;
}

/** Makes the spot market for a world that starts at `startMs`. */
export type SpotMarketFactory = (startMs: number) => SpotMarketModel;

/**
 * The spot market `roam up` runs: with `traceFile`, its zones replayed from the world's
 * start (and looped), prices scaled to each offering's catalog spot price, every other
 * place on the calibrated model; without, the calibrated model alone. The trace is read
 * (and checked) now; throws an Error naming the problem when it cannot be used.
 */
export async function spotMarket(
  traceFile: string | undefined,
  seed: number,
): Promise<SpotMarketFactory> {
  if (traceFile === undefined) return (startMs) => new StochasticMarket({ seed, startMs });
  const trace = await loadSpotTrace(traceFile);
  if (trace.format === 'gcp-price-history')
    throw new Error(
      `${traceFile} is a price history (no availability): --spot-trace takes an availability trace`,
    );
  const ticks = new Set(trace.series.map((s) => s.tickMs));
  if (ticks.size !== 1)
    throw new Error(`${traceFile}: its series have different tick lengths; use one trace set`);
  const bindings = trace.series.map((s) => binding(s, traceFile));
  return (startMs) =>
    new TraceMarket({
      tickMs: trace.series[0]?.tickMs ?? 1,
      startMs,
      bindings,
      fallback: new StochasticMarket({ seed, startMs }),
    });
}

function binding(series: SpotSeries, file: string): TraceBinding {
  const cloud = cloudOfZone(series.zone);
  if (cloud === undefined) throw new Error(`${file}: cannot tell the cloud of zone ${series.zone}`);
  return {
    cloud,
    zone: series.zone,
    series: zoneMarket(series, { spotPriceUsd: Number.NaN }),
    prices: 'scaled',
  };
}
