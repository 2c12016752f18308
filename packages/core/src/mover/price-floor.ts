import type { MarketOffering } from '../cloud/market.js';

/**
 * The cheapest instance price per hour in a market for work that needs a given number of
 * GPUs, every other constraint aside: a floor under what any move target could cost, so
 * that work already as cheap as the floor is not searched for a cheaper place. Built in
 * O(offerings × zones + the largest GPU count); read in O(1).
 */
export class PriceFloor {
  /** `[g]`: the cheapest with at least g GPUs. */
  private readonly onDemand: number[];
  private readonly spot: number[];

  constructor(market: readonly MarketOffering[]) {
    const most = market.reduce((m, { offering }) => Math.max(m, offering.gpuCount), 0);
    this.onDemand = new Array<number>(most + 1).fill(Infinity);
    this.spot = new Array<number>(most + 1).fill(Infinity);
    for (const { offering: o, spot } of market) {
      const g = o.gpuCount;
      this.onDemand[g] = Math.min(this.onDemand[g] ?? Infinity, o.onDemandPerHourMicros);
      for (const q of spot.values()) {
        const price = q.pricePerHourMicros ?? o.spotPerHourMicros;
        if (q.available && price !== undefined)
          this.spot[g] = Math.min(this.spot[g] ?? Infinity, price);
      }
    }
    for (let g = most - 1; g >= 0; g--) {
      this.onDemand[g] = Math.min(this.onDemand[g] ?? Infinity, this.onDemand[g + 1] ?? Infinity);
      this.spot[g] = Math.min(this.spot[g] ?? Infinity, this.spot[g + 1] ?? Infinity);
    }
  }

  /** The floor for work that needs `gpus` GPUs, counting spot only when `spot`. */
  of(gpus: number, spot: boolean): number {
    const g = Math.max(0, Math.ceil(gpus));
    const onDemand = this.onDemand[g] ?? Infinity;
    return spot ? Math.min(onDemand, this.spot[g] ?? Infinity) : onDemand;
  }
}
