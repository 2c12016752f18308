import { spotPlace } from '@roam/core';
import { LazyTimeline } from './lazy-timeline.js';
import {
  catalogSpotPrice,
  type MarketPlace,
  type PlaceQuote,
  type SpotMarketModel,
  type Withdrawal,
} from './market-model.js';
import { exponential, standardNormal, streamRng } from './random-streams.js';
import {
  interruptionBandScale,
  TRACE_CALIBRATED_PARAMETERS,
  type StochasticMarketParameters,
} from './stochastic-calibration.js';

/** Options of a {@link StochasticMarket}. */
export interface StochasticMarketOptions {
  /** Every place's randomness derives from it and the place's name. */
  readonly seed: number;
  /** When every place's process starts, ms; earlier times read its start. Default 0. */
  readonly startMs?: number;
  /** Overrides of {@link TRACE_CALIBRATED_PARAMETERS}. */
  readonly parameters?: Partial<StochasticMarketParameters>;
}

/** One place's market: capacity (available or not) and log(price / catalog spot price). */
interface PlaceMarket {
  readonly capacity: LazyTimeline<boolean>;
  readonly logPrice: LazyTimeline<number>;
}

/**
 * A seeded spot market for places without a trace. Per place, capacity alternates between
 * available and withdrawn for exponentially distributed times (means from
 * {@link TRACE_CALIBRATED_PARAMETERS}; the available mean divided by the offering's
 * {@link interruptionBandScale}), starting in its long-run state. The price is set
 * again after exponentially distributed holds (mean `meanPriceHoldMs`), as a
 * mean-reverting (Ornstein–Uhlenbeck) step in log space around the catalog spot price:
 * x' = φx + σ√(1−φ²)·N(0,1) with φ = exp(−hold / reversion time), so x = log(price /
 * catalog spot) has standard deviation σ in the long run; the price is capped at
 * `priceCeilingOfOnDemand` × on-demand.
 *
 * Each place draws from its own streams, derived from the seed and the place's name, and
 * generates its history lazily from `startMs`, keeping it: answers are the same for a seed
 * whatever is asked, in whatever order.
 */
export class StochasticMarket implements SpotMarketModel {
  private readonly parameters: StochasticMarketParameters;
  private readonly places = new Map<string, PlaceMarket>();

  constructor(private readonly options: StochasticMarketOptions) {
    this.parameters = { ...TRACE_CALIBRATED_PARAMETERS, ...options.parameters };
  }

  quote(place: MarketPlace, t: number): PlaceQuote {
    const market = this.market(place);
    return {
      available: market.capacity.at(t),
      pricePerHourMicros: this.price(place, market.logPrice.at(t)),
    };
  }

  nextWithdrawal(place: MarketPlace, t: number, bidPerHourMicros: number): Withdrawal {
    const market = this.market(place);
    const capacityGone = market.capacity.find(t, (available) => !available) as number;
    const aboveBid = market.logPrice.find(
      t,
      (x) => this.price(place, x) > bidPerHourMicros,
      capacityGone,
    );
    return aboveBid === undefined
      ? { at: capacityGone, cause: 'capacity' }
      : { at: aboveBid, cause: 'price' };
  }

  nextPriceChange(place: MarketPlace, t: number): number {
    return this.market(place).logPrice.nextChange(t);
  }

  private price({ offering }: MarketPlace, logPrice: number): number {
    const ceiling = Math.floor(
      this.parameters.priceCeilingOfOnDemand * offering.onDemandPerHourMicros,
    );
    return Math.min(
      ceiling,
      Math.max(1, Math.round(catalogSpotPrice(offering) * Math.exp(logPrice))),
    );
  }

  private market(place: MarketPlace): PlaceMarket {
    const name = spotPlace(place.offering, place.zone);
    let market = this.places.get(name);
    if (market === undefined) {
      market = this.newMarket(name, interruptionBandScale(place.offering.spotInterruptionBand));
      this.places.set(name, market);
    }
    return market;
  }

  private newMarket(name: string, bandScale: number): PlaceMarket {
    const p = this.parameters;
    const start = this.options.startMs ?? 0;
    const meanAvailable = p.meanAvailableMs / bandScale;
    const capacityRng = streamRng(this.options.seed, `${name}#capacity`);
    const priceRng = streamRng(this.options.seed, `${name}#price`);
    const availableAtStart =
      capacityRng.next() < meanAvailable / (meanAvailable + p.meanWithdrawnMs);
    return {
      capacity: new LazyTimeline(start, availableAtStart, (available) => ({
        holdMs: exponential(capacityRng, available ? meanAvailable : p.meanWithdrawnMs),
        value: !available,
      })),
      logPrice: new LazyTimeline(start, p.priceLogSd * standardNormal(priceRng), (x) => {
        const holdMs = exponential(priceRng, p.meanPriceHoldMs);
        const phi = Math.exp(-holdMs / p.priceReversionMs);
        return {
          holdMs,
          value: phi * x + p.priceLogSd * Math.sqrt(1 - phi * phi) * standardNormal(priceRng),
        };
      }),
    };
  }
}
