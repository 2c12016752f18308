import { spotPlace, type Cloud, type ZoneSeries } from '@roam/core';
import {
  catalogSpotPrice,
  type MarketPlace,
  type PlaceQuote,
  type SpotMarketModel,
  type Withdrawal,
} from './market-model.js';

/**
 * How a trace's prices become a place's: `trace` as recorded; `scaled` multiplied so that
 * their mean is the offering's catalog spot price (for a trace of another instance type).
 */
export type TracePrices = 'trace' | 'scaled';

/**
 * Which places replay a series: one place (`spotPlace(offering, zone)`, prices as
 * recorded by default), or every offering of a cloud in a zone (prices scaled by default;
 * each instance type reads the series from its own offset, so they do not all lose spot
 * at once).
 */
export type TraceBinding =
  | { readonly place: string; readonly series: ZoneSeries; readonly prices?: TracePrices }
  | {
      readonly cloud: Cloud;
      readonly zone: string;
      /** The zone's region: the simulated cloud then offers the traced zones there. */
      readonly region?: string;
      readonly series: ZoneSeries;
      readonly prices?: TracePrices;
    };

/** Options of a {@link TraceMarket}. */
export interface TraceMarketOptions {
  /** Length of a tick of every bound series, ms. */
  readonly tickMs: number;
  /** When tick 0 starts, ms. */
  readonly startMs: number;
  readonly bindings: readonly TraceBinding[];
  /** The model of places no binding covers. */
  readonly fallback: SpotMarketModel;
}

/** A bound series, checked, with what its prices need. */
interface Replay {
  readonly series: ZoneSeries;
  readonly prices: TracePrices;
  /** Mean of the series' known (positive) prices; 0 when it has none. */
  readonly meanPrice: number;
}

/**
 * A spot market replaying recorded series: in tick k of a series (from `startMs`), spot is
 * available where `available[k]` is 1 and costs `spotPrice[k]` micro-dollars per hour
 * (or the offering's catalog spot price where the trace has no price: 0 or not finite).
 * Past the end a series loops (tick k reads entry k mod length; before `startMs` too), so
 * a run longer than the trace keeps seeing its pattern. A place bound by `place` uses that
 * binding, else one bound by its cloud and zone (from its instance type's offset in the
 * series); other places ask `fallback`.
 */
export class TraceMarket implements SpotMarketModel {
  private readonly byPlace = new Map<string, Replay>();
  private readonly byZone = new Map<string, Replay>();
  /** Traced zones by `cloud/region`, sorted. */
  private readonly regionZones = new Map<string, string[]>();

  constructor(private readonly options: TraceMarketOptions) {
    if (!(options.tickMs > 0))
      throw new RangeError(`tickMs must be positive, got ${options.tickMs}`);
    for (const b of options.bindings) {
      const replay = checkedReplay(b.series, b.prices ?? ('place' in b ? 'trace' : 'scaled'));
      if ('place' in b) this.byPlace.set(b.place, replay);
      else {
        this.byZone.set(`${b.cloud}/${b.zone}`, replay);
        if (b.region !== undefined) this.addZone(b.cloud, b.region, b.zone);
      }
    }
  }

  zones(cloud: Cloud, region: string): readonly string[] | undefined {
    return this.regionZones.get(`${cloud}/${region}`);
  }

  quote(place: MarketPlace, t: number): PlaceQuote {
    const replay = this.replayOf(place);
    if (replay === undefined) return this.options.fallback.quote(place, t);
    const k = this.tickAt(t) + replay.shift;
    return { available: isAvailable(replay, k), pricePerHourMicros: priceAt(replay, k, place) };
  }

  nextWithdrawal(place: MarketPlace, t: number, bidPerHourMicros: number): Withdrawal | undefined {
    const replay = this.replayOf(place);
    if (replay === undefined)
      return this.options.fallback.nextWithdrawal(place, t, bidPerHourMicros);
    const first = this.tickAt(t);
    for (let k = first; k < first + replay.series.available.length; k++) {
      const at = Math.max(t, this.tickStart(k));
      if (!isAvailable(replay, k + replay.shift)) return { at, cause: 'capacity' };
      if (priceAt(replay, k + replay.shift, place) > bidPerHourMicros)
        return { at, cause: 'price' };
    }
    return undefined;
  }

  nextPriceChange(place: MarketPlace, t: number): number | undefined {
    const replay = this.replayOf(place);
    if (replay === undefined) return this.options.fallback.nextPriceChange(place, t);
    const first = this.tickAt(t);
    const price = priceAt(replay, first + replay.shift, place);
    for (let k = first + 1; k <= first + replay.series.spotPrice.length; k++)
      if (priceAt(replay, k + replay.shift, place) !== price) return this.tickStart(k);
    return undefined;
  }

  private addZone(cloud: Cloud, region: string, zone: string): void {
    const key = `${cloud}/${region}`;
    const zones = this.regionZones.get(key) ?? [];
    if (!zones.includes(zone)) zones.push(zone);
    this.regionZones.set(key, zones.sort());
  }

  /** The replay of a place, with the offset it reads its series from (0 for its own). */
  private replayOf({ offering, zone }: MarketPlace): (Replay & { shift: number }) | undefined {
    const own = this.byPlace.get(spotPlace(offering, zone));
    if (own !== undefined) return { ...own, shift: 0 };
    const shared = this.byZone.get(`${offering.cloud}/${zone}`);
    const type = `${offering.cloud}/${offering.instanceType}`;
    return shared && { ...shared, shift: offsetOf(type, shared.series) };
  }

  private tickAt(t: number): number {
    return Math.floor((t - this.options.startMs) / this.options.tickMs);
  }

  private tickStart(k: number): number {
    return this.options.startMs + k * this.options.tickMs;
  }
}

function checkedReplay(series: ZoneSeries, prices: TracePrices): Replay {
  const n = series.available.length;
  if (n === 0) throw new RangeError(`spot series ${series.name} is empty`);
  if (series.spotPrice.length !== n)
    throw new RangeError(
      `spot series ${series.name} has ${n} availability ticks but ${series.spotPrice.length} ` +
        'prices',
    );
  let sum = 0;
  let known = 0;
  for (let i = 0; i < n; i++) {
    const p = series.spotPrice[i] ?? 0;
    if (isKnownPrice(p)) {
      sum += p;
      known++;
    }
  }
  return { series, prices, meanPrice: known === 0 ? 0 : sum / known };
}

/**
 * Where an offering bound by zone starts reading the zone's series: an offset from a
 * hash of its cloud and instance type (FNV-1a), so that one type reads every zone and
 * region of a trace from the same tick where their series are as long (keeping the
 * zones' correlation), and the instance types of one zone do not lose spot all at once
 * (on the 2022 Can't Be Late set, which records four types per zone, a withdrawal of one
 * is followed by another's within 10 minutes 8.3% of the time, about as often as in any
 * 10 minutes, 9.4%).
 */
function offsetOf(type: string, series: ZoneSeries): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < type.length; i++) hash = Math.imul(hash ^ type.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % series.available.length;
}

/** Entry `k` of a series, looping. */
function entry(values: ArrayLike<number>, k: number): number {
  const n = values.length;
  return values[((k % n) + n) % n] ?? 0;
}

function isAvailable(replay: Replay, k: number): boolean {
  return entry(replay.series.available, k) === 1;
}

function isKnownPrice(p: number): boolean {
  return Number.isFinite(p) && p > 0;
}

function priceAt(replay: Replay, k: number, { offering }: MarketPlace): number {
  const p = entry(replay.series.spotPrice, k);
  if (!isKnownPrice(p)) return catalogSpotPrice(offering);
  const scale = replay.prices === 'scaled' ? catalogSpotPrice(offering) / replay.meanPrice : 1;
  return Math.round(p * scale);
}
