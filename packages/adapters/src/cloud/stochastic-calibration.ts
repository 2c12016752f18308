import { MS_PER_HOUR } from '@roam/core';

/** The parameters of the stochastic spot market (see {@link StochasticMarket}). */
export interface StochasticMarketParameters {
  /** Mean time spot capacity stays available, before band scaling, ms. */
  readonly meanAvailableMs: number;
  /** Mean time spot capacity stays withdrawn, ms. */
  readonly meanWithdrawnMs: number;
  /** Mean time a spot price holds before it is set again, ms. */
  readonly meanPriceHoldMs: number;
  /** Standard deviation of log(price / catalog spot price) in the long run. */
  readonly priceLogSd: number;
  /** Mean-reversion time of log(price / catalog spot price), ms. */
  readonly priceReversionMs: number;
  /** The price never exceeds this fraction of the on-demand price. */
  readonly priceCeilingOfOnDemand: number;
}

/**
 * Defaults measured on the public Can't Be Late spot traces
 * (`cant-be-late-spot-traces`, SkyPilot's collection; Wu et al., NSDI '24).
 *
 * Capacity: all 27 GPU series of the 7 files (p3.2xlarge, p3.16xlarge, p2.xlarge,
 * p2.8xlarge in 9 AWS zones; 17,950 zone-hours; the CPU-only r5.16xlarge and GCP
 * c3-highcpu-88 series left out), a tick counting as available when at least one instance
 * could be had. The mean time in each state is the exponential maximum-likelihood estimate
 * with runs cut off by a series' ends counted as censored: time spent available divided by
 * the 3,985 available→withdrawn transitions, and likewise for withdrawn. Available 2.71 h,
 * withdrawn 1.79 h, so spot is available 60% of the time (measured 60.1%). Per file the
 * available mean ranges 1.8–5.9 h (2023-02-15 set: 3.35 h and 1.85 h, 64%); per zone
 * 0.7–22.9 h. Runs are heavy-tailed (coefficient of variation ≈ 3, median ≈ 0.5 h), which
 * an exponential does not reproduce: the model matches the means and the availability.
 *
 * Price: the 2023-02-15 set's per-tick AWS prices (9 zones × 45.5 days). Prices change
 * 2.7 times a day (a price holds 9 h on average); log(price / the zone's mean) has a
 * standard deviation of 0.045 (0.025–0.061 per zone); its changes fit a mean-reverting
 * process with a reversion time of about 1,400 h (median over zones of
 * 2·var / E[jump²] × mean hold; 356–4,052 h, longer than the traces themselves). Spot
 * stayed between 30% and 60% of the 3.06 USD on-demand price; the ceiling of 95% of
 * on-demand only keeps odd catalog rows below it.
 */
export const TRACE_CALIBRATED_PARAMETERS: StochasticMarketParameters = {
  meanAvailableMs: 2.7 * MS_PER_HOUR,
  meanWithdrawnMs: 1.8 * MS_PER_HOUR,
  meanPriceHoldMs: 9 * MS_PER_HOUR,
  priceLogSd: 0.045,
  priceReversionMs: 1_400 * MS_PER_HOUR,
  priceCeilingOfOnDemand: 0.95,
};

/**
 * How AWS Spot Instance Advisor interruption bands (the share of instances interrupted
 * in a month) scale the withdrawal rate: by the band's midpoint over that of `>20%` (taken
 * as 25%), the band of the p3 and p2 instances the traces measured. `<5%` withdraws a
 * tenth as often (mean available 27 h, 94% available), `5-10%` 0.3×, `10-15%` 0.5×,
 * `15-20%` 0.7×. Withdrawals last as long in every band.
 */
const BAND_SCALE: ReadonlyMap<string, number> = new Map([
  ['<5%', 0.1],
  ['5-10%', 0.3],
  ['10-15%', 0.5],
  ['15-20%', 0.7],
  ['>20%', 1],
]);

/**
 * The factor an offering's interruption band applies to the withdrawal rate (see
 * `BAND_SCALE` above); 1 without a band or with one Roam does not know.
 */
export function interruptionBandScale(band: string | undefined): number {
  return (band === undefined ? undefined : BAND_SCALE.get(band)) ?? 1;
}
