import type { CatalogOffering } from './catalog.js';

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
  o: Pick<CatalogOffering, 'cloud' | 'region' | 'instanceType'>,
  zone: string,
): string {
  return `${o.cloud}/${o.region}/${o.instanceType}@${zone}`;
}
