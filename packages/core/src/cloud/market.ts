import type { CatalogOffering } from './catalog.js';
import { offeringId } from './offering.js';

/** Spot capacity of one offering in one zone, as the market shows it now. */
export interface SpotQuote {
  /** Whether a spot instance can be launched there now. */
  readonly available: boolean;
  /** Current spot price, micro-dollars per hour (undefined when not quoted). */
  readonly pricePerHourMicros?: number;
}

/** An offering with its zones' current spot quotes. */
export interface MarketOffering {
  readonly offering: CatalogOffering;
  /** Spot quotes by zone; zones of the offering without a quote have no spot capacity now. */
  readonly spot: ReadonlyMap<string, SpotQuote>;
}

/** Where a spot place is: an offering in a zone (`cloud/region/instanceType@zone`). */
export function spotPlace(
  o: { readonly cloud: string; readonly region: string; readonly instanceType: string },
  zone: string,
): string {
  return launchPlace({ offeringId: offeringId(o), zone });
}

/** The spot place a launch targets: its offering (by id) in its zone. */
export function launchPlace(launch: {
  readonly offeringId: string;
  readonly zone: string;
}): string {
  return `${launch.offeringId}@${launch.zone}`;
}

/**
 * A spot market's history in one zone, tick by tick: the series a trace market replays and a
 * deadline job runs against. Ticks past the end of a series have no spot.
 */
export interface ZoneSeries {
  /** The zone's name, for reports. */
  readonly name: string;
  /** 1 where a spot instance can be used during the tick, 0 where it cannot. */
  readonly available: ArrayLike<number>;
  /** Spot price per tick, micro-dollars per instance-hour (same length as `available`). */
  readonly spotPrice: ArrayLike<number>;
}
