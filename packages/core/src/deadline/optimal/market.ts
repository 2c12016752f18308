import { spotAvailable, spotPriceAt, type SpotWindow } from '../observation.js';

/**
 * A window's spot market as the dynamic program reads it, over the ticks a job may use:
 * per zone, how many consecutive ticks from each tick have spot, and prefix sums of the
 * spot price to price a launch spanning several ticks in one step.
 */
export interface MarketTable {
  readonly zones: number;
  /** `runFrom[z][t]`: ticks from `t` on that all have spot in zone `z` (0 if `t` has none). */
  readonly runFrom: readonly Int32Array[];
  /** `priceSum[z][t]`: sum of zone `z`'s spot price over ticks `0 … t − 1`. */
  readonly priceSum: readonly Float64Array[];
}

/** The table of `window` over ticks `0 … ticks − 1`. */
export function marketTable(window: SpotWindow, ticks: number): MarketTable {
  const runFrom: Int32Array[] = [];
  const priceSum: Float64Array[] = [];
  window.zones.forEach((_, z) => {
    const run = new Int32Array(ticks + 1);
    for (let t = ticks - 1; t >= 0; t--)
      run[t] = spotAvailable(window, z, t) ? (run[t + 1] as number) + 1 : 0;
    const sum = new Float64Array(ticks + 1);
    // Only ticks with spot are ever paid; a price where spot is not (unknown, perhaps) is not read.
    for (let t = 0; t < ticks; t++)
      sum[t + 1] =
        (sum[t] as number) + (spotAvailable(window, z, t) ? spotPriceAt(window, z, t) : 0);
    runFrom.push(run);
    priceSum.push(sum);
  });
  return { zones: window.zones.length, runFrom, priceSum };
}
