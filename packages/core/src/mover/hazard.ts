import { MS_PER_HOUR } from '../units.js';
import {
  fitLifetime,
  pseudoStretches,
  survival,
  TRACE_LIFETIME,
  type Lifetime,
  type Stretch,
} from './lifetime.js';

/** Stretches of availability a place remembers: the newest, so the fit follows the market. */
const REMEMBERED = 512;
/** Pseudo-stretches of the prior, and their total weight (in stretches). */
const PRIOR_STRETCHES = 64;
const PRIOR_WEIGHT = 2;

/**
 * An online estimate of how soon spot capacity in one place (an offering in a zone) is
 * reclaimed, learned only from what the market has shown so far: a survival model of how
 * long availability lasts there ({@link Lifetime}, heavy-tailed, so capacity that has
 * lasted long is safer than capacity that just came back), fitted to the stretches seen
 * (the newest 512) and a prior worth two stretches (by default the pooled fit of the
 * public GPU spot traces). A price close to the bid raises the hazard (price-near-bid
 * signal).
 */
export class HazardEstimate {
  private readonly prior: readonly Stretch[];
  private readonly seen: number[] = [];
  private next = 0;
  private reclaims = 0;
  private exposureMs = 0;
  private availableSince: number | undefined;
  private lastPriceRatio = 0;
  private fitted: Lifetime | undefined;

  constructor(private readonly priorLifetime: Lifetime = TRACE_LIFETIME) {
    this.prior = pseudoStretches(priorLifetime, PRIOR_STRETCHES, PRIOR_WEIGHT);
  }

  /** Records whether spot capacity is available at `at` (call on every change or tick, in time order). */
  observeAvailability(at: number, available: boolean): void {
    if (available && this.availableSince === undefined) this.availableSince = at;
    if (!available && this.availableSince !== undefined) {
      const lengthMs = Math.max(0, at - this.availableSince);
      this.exposureMs += lengthMs;
      this.availableSince = undefined;
      this.reclaims++;
      this.remember(lengthMs);
    }
  }

  /** Records the current spot price against the bid (0…1+). */
  observePrice(price: number, bid: number): void {
    this.lastPriceRatio = bid > 0 ? price / bid : 0;
  }

  /** The lifetime fitted to what this place has shown (and the prior). */
  lifetime(): Lifetime {
    if (this.fitted === undefined) {
      const stretches = this.prior.concat(
        this.seen.map((lengthMs) => ({ lengthMs, ended: true, weight: 1 })),
      );
      this.fitted = fitLifetime(stretches, this.priorLifetime);
    }
    return this.fitted;
  }

  /**
   * Reclaims per ms at `now`, as a constant rate over the next `horizonMs` (default 1 h):
   * −ln S(age + horizon | age) / horizon, where age is how long spot has been available
   * here (0 when it is not), so `1 − exp(−rate · horizon)` is the chance of a reclaim
   * within the horizon.
   */
  rate(now: number, horizonMs: number = MS_PER_HOUR): number {
    const horizon = Math.max(1, horizonMs);
    const age = this.availableSince !== undefined ? Math.max(0, now - this.availableSince) : 0;
    const base = -Math.log(survival(this.lifetime(), age, horizon)) / horizon;
    // Within 10% of the bid the market is likely to outbid us: scale the rate up to 10×.
    const pressure =
      this.lastPriceRatio > 0.9 ? 1 + 90 * (Math.min(1, this.lastPriceRatio) - 0.9) : 1;
    return base * pressure;
  }

  /** Probability of a reclaim within the next `horizonMs`. */
  reclaimProbability(now: number, horizonMs: number): number {
    return 1 - Math.exp(-this.rate(now, horizonMs) * Math.max(1, horizonMs));
  }

  /** How many reclaims and how much spot time it has seen. */
  evidence(): { reclaims: number; exposureMs: number } {
    return { reclaims: this.reclaims, exposureMs: this.exposureMs };
  }

  private remember(lengthMs: number): void {
    if (this.seen.length < REMEMBERED) this.seen.push(lengthMs);
    else this.seen[this.next] = lengthMs;
    this.next = (this.next + 1) % REMEMBERED;
    this.fitted = undefined;
  }
}

/** Hazard estimates by place (e.g. `cloud/zone/instanceType`). */
export class HazardBook {
  private readonly byPlace = new Map<string, HazardEstimate>();

  constructor(private readonly make: () => HazardEstimate = () => new HazardEstimate()) {}

  of(place: string): HazardEstimate {
    let h = this.byPlace.get(place);
    if (!h) this.byPlace.set(place, (h = this.make()));
    return h;
  }

  places(): string[] {
    return [...this.byPlace.keys()].sort();
  }
}
