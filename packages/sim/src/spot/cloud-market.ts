import {
  cloudOfZone,
  regionOfZone,
  StochasticMarket,
  TraceMarket,
  type SpotMarketModel,
  type TraceBinding,
} from '@roam/adapters';
import { spotPlace } from '@roam/core';
import { zoneMarket } from './market.js';
import { loadSpotTrace } from './read.js';
import type { SpotSeries } from './trace.js';

/** Makes the spot market for a world that starts at `startMs`. */
export type SpotMarketFactory = (startMs: number) => SpotMarketModel;

/**
 * The spot market of a simulated cloud (`roam up`, `roam sim replay --cloud`): with
 * `traceFile`, its zones replayed from the world's start (and looped), every other place
 * on the calibrated model; without, the calibrated model alone. In a traced zone, an
 * offering whose instance type the trace recorded replays that series at its recorded
 * prices (the catalog's spot price where it has none); the zone's other offerings replay
 * the zone's first series, each from its own offset in it, prices scaled to each
 * offering's catalog spot price. In a region the trace covers, the simulated cloud offers
 * the traced zones (where the catalog names none). The trace is read (and checked) now;
 * throws an Error naming the problem when it cannot be used.
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
  const bindings = traceBindings(trace.series, traceFile);
  return (startMs) =>
    new TraceMarket({
      tickMs: trace.series[0]?.tickMs ?? 1,
      startMs,
      bindings,
      fallback: new StochasticMarket({ seed, startMs }),
    });
}

/**
 * Per series: its own place when the trace names its instance type, and its zone when it
 * is the zone's first series. A zone's region is the trace's, else read from the zone's
 * name. O(series).
 */
function traceBindings(all: readonly SpotSeries[], file: string): TraceBinding[] {
  const bindings: TraceBinding[] = [];
  const zones = new Set<string>();
  for (const s of all) {
    const cloud = cloudOfZone(s.zone);
    if (cloud === undefined) throw new Error(`${file}: cannot tell the cloud of zone ${s.zone}`);
    const series = zoneMarket(s, { spotPriceUsd: Number.NaN });
    const region = s.region !== '' ? s.region : regionOfZone(s.zone);
    if (s.instanceType !== '')
      bindings.push({
        place: spotPlace({ cloud, region, instanceType: s.instanceType }, s.zone),
        series,
        prices: 'trace',
      });
    if (zones.has(`${cloud}/${s.zone}`)) continue;
    zones.add(`${cloud}/${s.zone}`);
    bindings.push({
      cloud,
      zone: s.zone,
      region,
      series,
      prices: 'scaled',
    });
  }
  return bindings;
}
