import type { CatalogOffering, Cloud } from '@roam/core';

/**
 * A spot place as a market model sees it: an offering (one with a spot price) in one of
 * its zones. Its name is `spotPlace(offering, zone)`.
 */
export interface MarketPlace {
  readonly offering: CatalogOffering;
  readonly zone: string;
}

/** The spot market of a place at one moment. */
export interface PlaceQuote {
  /** Whether a spot instance can be launched, and keep running, there. */
  readonly available: boolean;
  /** The spot price, micro-dollars per instance-hour. */
  readonly pricePerHourMicros: number;
}

/** What takes a running spot instance back: its capacity, or a price above its bid. */
export type WithdrawalCause = 'capacity' | 'price';

/** When and why a running spot instance is taken back. */
export interface Withdrawal {
  /** The first moment the instance may no longer run, ms. */
  readonly at: number;
  readonly cause: WithdrawalCause;
}

/**
 * How the spot market of every place evolves over time. A model is a function of time:
 * the same question gets the same answer whenever and in whatever order it is asked, so
 * the simulated cloud can look ahead (to give reclaim notices before the reclaim) and
 * runs are reproducible.
 */
export interface SpotMarketModel {
  /** The place's spot market at time `t` (ms). */
  quote(place: MarketPlace, t: number): PlaceQuote;
  /**
   * The first time ≥ `t` at which a spot instance in the place, bidding at most
   * `bidPerHourMicros`, can no longer run: capacity withdrawn or price above the bid
   * (capacity first when both happen at once). Undefined when that never happens.
   */
  nextWithdrawal(place: MarketPlace, t: number, bidPerHourMicros: number): Withdrawal | undefined;
  /**
   * The first time > `t` at which the place's price may differ from its price at `t`;
   * undefined when it never changes again.
   */
  nextPriceChange(place: MarketPlace, t: number): number | undefined;
  /**
   * The zones the model has data for in a region (a trace's), which the simulated cloud
   * then offers there when the catalog names none; undefined when it has no opinion.
   */
  zones?(cloud: Cloud, region: string): readonly string[] | undefined;
}

/** The price a model centres a place on: the catalog's spot price, else its on-demand price. */
export function catalogSpotPrice(offering: CatalogOffering): number {
  return offering.spotPerHourMicros ?? offering.onDemandPerHourMicros;
}
