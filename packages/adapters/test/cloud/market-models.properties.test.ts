import { spotPlace } from '@roam/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  StochasticMarket,
  TraceMarket,
  type MarketPlace,
  type SpotMarketModel,
} from '../../src/cloud/index.js';
import { HOUR, offering } from './fixtures.js';

const PLACES: readonly MarketPlace[] = [
  { offering: offering(), zone: 'us-east-1a' },
  { offering: offering(), zone: 'us-east-1b' },
  { offering: offering({ spotInterruptionBand: '<5%' }), zone: 'us-west-2a' },
  { offering: offering({ cloud: 'gcp', region: 'us-central1' }), zone: 'us-central1-a' },
];

/** A question to a model: which place, when, at what bid. */
interface Query {
  readonly place: number;
  readonly t: number;
  readonly bid: number;
}

const queryArb: fc.Arbitrary<Query> = fc.record({
  place: fc.integer({ min: 0, max: PLACES.length - 1 }),
  t: fc.integer({ min: 0, max: 2_000 * HOUR }),
  bid: fc.integer({ min: 800_000, max: 3_060_000 }),
});

/** Everything a model says about one query. */
function answer(model: SpotMarketModel, q: Query) {
  const place = PLACES[q.place] as MarketPlace;
  return {
    quote: model.quote(place, q.t),
    withdrawal: model.nextWithdrawal(place, q.t, q.bid),
    priceChange: model.nextPriceChange(place, q.t),
  };
}

/** A small trace market over the first two places, stochastic elsewhere. */
const traceArb = fc
  .record({
    seed: fc.integer(),
    tickMs: fc.integer({ min: 1, max: 4 * HOUR }),
    ticks: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 500_000, max: 3_000_000 })), {
      minLength: 1,
      maxLength: 40,
    }),
  })
  .map(
    ({ seed, tickMs, ticks }) =>
      new TraceMarket({
        tickMs,
        startMs: 0,
        bindings: [0, 1].map((i) => ({
          place: spotPlace(PLACES[i]?.offering ?? offering(), PLACES[i]?.zone ?? ''),
          series: {
            name: 'generated',
            available: ticks.map(([up]) => (up ? 1 : 0)),
            spotPrice: ticks.map(([, price]) => price),
          },
        })),
        fallback: new StochasticMarket({ seed }),
      }),
  );

const modelArb: fc.Arbitrary<SpotMarketModel> = fc.oneof(
  fc.integer().map((seed) => new StochasticMarket({ seed })),
  traceArb,
);

describe('spot market models', () => {
  it('StochasticMarket answers the same whatever was asked before, in whatever order', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(queryArb, { minLength: 1, maxLength: 30 }),
        (seed, queries) => {
          const forward = new StochasticMarket({ seed });
          const backward = new StochasticMarket({ seed });
          const there = queries.map((q) => answer(forward, q));
          const back = [...queries].reverse().map((q) => answer(backward, q));
          expect(back.reverse()).toEqual(there);
        },
      ),
    );
  });

  it('the next withdrawal is the first moment of no capacity or a price above the bid', () => {
    fc.assert(
      fc.property(modelArb, queryArb, (model, q) => {
        const place = PLACES[q.place] as MarketPlace;
        const w = model.nextWithdrawal(place, q.t, q.bid);
        const end = w?.at ?? q.t + 100 * HOUR;
        expect(end).toBeGreaterThanOrEqual(q.t);
        for (let k = 0; k < 8; k++) {
          const t = q.t + Math.floor(((end - q.t) * k) / 8);
          if (t >= end) continue;
          const quote = model.quote(place, t);
          expect(quote.available && quote.pricePerHourMicros <= q.bid).toBe(true);
        }
        if (w === undefined) return;
        const at = model.quote(place, w.at);
        if (w.cause === 'capacity') expect(at.available).toBe(false);
        else expect(at.available && at.pricePerHourMicros > q.bid).toBe(true);
        if (w.at > q.t) {
          const before = model.quote(place, w.at - 1);
          expect(before.available && before.pricePerHourMicros <= q.bid).toBe(true);
        }
      }),
    );
  });

  it('the price holds until its next change', () => {
    fc.assert(
      fc.property(modelArb, queryArb, (model, q) => {
        const place = PLACES[q.place] as MarketPlace;
        const next = model.nextPriceChange(place, q.t);
        const price = model.quote(place, q.t).pricePerHourMicros;
        if (next === undefined) return;
        expect(next).toBeGreaterThan(q.t);
        expect(model.quote(place, next - 1).pricePerHourMicros).toBe(price);
        expect(model.quote(place, Math.floor((q.t + next) / 2)).pricePerHourMicros).toBe(price);
      }),
    );
  });
});
