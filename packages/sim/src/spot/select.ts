import { zoneMarket, type ZoneMarket } from './market.js';
import type { SpotSeries, SpotTrace } from './trace.js';

/** Which series of a trace a run uses, and how their markets are priced. */
export interface ZoneSelection {
  /** A series' name or zone, or `all` (every series of the instance type). */
  readonly zone: string;
  /** Only series of this instance type (needed with `all` when the trace has several). */
  readonly instanceType?: string;
  /** Spot price where the trace has none, USD per instance-hour. */
  readonly spotPriceUsd?: number;
}

/**
 * The markets of the series `selection` names. Throws a RangeError that says what the
 * trace has when the zone or instance type is unknown, when `all` would mix instance
 * types, or when a series lacks prices and no `spotPriceUsd` fills them.
 */
export function selectZones(trace: SpotTrace, selection: ZoneSelection): ZoneMarket[] {
  const types = [...new Set(trace.series.map((s) => s.instanceType))];
  const { instanceType } = selection;
  if (instanceType !== undefined && !types.includes(instanceType))
    throw new RangeError(
      `instance type ${instanceType} is not in ${trace.source}; it has ${types.join(', ')}`,
    );
  const ofType = trace.series.filter(
    (s) => instanceType === undefined || s.instanceType === instanceType,
  );
  const chosen = selection.zone === 'all' ? ofType : named(ofType, selection.zone, trace.source);
  if (selection.zone === 'all' && new Set(chosen.map((s) => s.instanceType)).size > 1)
    throw new RangeError(
      `${trace.source} has several instance types (${types.join(', ')}): choose one to run all zones of`,
    );
  if (chosen.length === 0)
    throw new RangeError(
      `${trace.source} has no series${instanceType !== undefined ? ` of ${instanceType}` : ''}`,
    );
  return chosen.map((s) => {
    if (selection.spotPriceUsd === undefined && lacksPrice(s))
      throw new RangeError(
        `${trace.source}: series ${s.name} has no spot price for some ticks with spot: give a spot price`,
      );
    return zoneMarket(s, { spotPriceUsd: selection.spotPriceUsd ?? Number.NaN });
  });
}

/** Whether spot is there in some tick whose price the series does not know. */
function lacksPrice(s: SpotSeries): boolean {
  return s.spotPriceUsd.some((usd, t) => Number.isNaN(usd) && (s.counts[t] ?? 0) > 0);
}

/** The one series called `zone` (by name, else by zone), or a RangeError listing them. */
function named(series: readonly SpotSeries[], zone: string, source: string): SpotSeries[] {
  const byName = series.filter((s) => s.name === zone);
  const found = byName.length > 0 ? byName : series.filter((s) => s.zone === zone);
  if (found.length === 1) return found;
  const names = series.map((s) => s.name).join(', ');
  throw new RangeError(
    found.length === 0
      ? `zone ${zone} is not in ${source}; it has ${names}`
      : `zone ${zone} is ambiguous in ${source}: use one of ${found.map((s) => s.name).join(', ')}`,
  );
}

/** Each series of the selection as its own single-zone market set, then all of them together. */
export function sweepZoneSets(markets: readonly ZoneMarket[]): ZoneMarket[][] {
  const singles = markets.map((m) => [m]);
  return markets.length > 1 ? [...singles, [...markets]] : singles;
}
