import { describe, expect, it } from 'vitest';
import {
  interruptionBandScale,
  StochasticMarket,
  TRACE_CALIBRATED_PARAMETERS,
  type MarketPlace,
  type SpotMarketModel,
} from '../../src/cloud/index.js';
import { HOUR, MINUTE, offering } from './fixtures.js';

/** `count` places of the offering, one per zone `z0`, `z1`, … */
function places(count: number, o = offering()): MarketPlace[] {
  return Array.from({ length: count }, (_, i) => ({ offering: o, zone: `z${i}` }));
}

/**
 * Capacity statistics of places over `hours`: available runs walked withdrawal to
 * withdrawal, outages stepped through by the minute.
 */
function capacityStatistics(model: SpotMarketModel, of: readonly MarketPlace[], hours: number) {
  const end = hours * HOUR;
  let available = 0;
  let withdrawn = 0;
  let withdrawals = 0;
  let returns = 0;
  for (const place of of) {
    let t = 0;
    while (t < end) {
      if (model.quote(place, t).available) {
        const at = model.nextWithdrawal(place, t, Infinity)?.at ?? end;
        available += Math.min(at, end) - t;
        if (at < end) withdrawals++;
        t = at;
      } else {
        let back = t;
        while (back < end && !model.quote(place, back).available) back += MINUTE;
        withdrawn += Math.min(back, end) - t;
        if (back < end) returns++;
        t = back;
      }
    }
  }
  return {
    meanAvailableHours: available / withdrawals / HOUR,
    meanWithdrawnHours: withdrawn / returns / HOUR,
    availability: available / (available + withdrawn),
  };
}

describe('StochasticMarket calibration', () => {
  it.each([
    [undefined, 2.7, 1.8, 0.6],
    ['>20%', 2.7, 1.8, 0.6],
    ['15-20%', 2.7 / 0.7, 1.8, 3.857 / 5.657],
    ['<5%', 27, 1.8, 27 / 28.8],
  ])(
    'with band %s, capacity stays up %f h and down %f h on average over a long run',
    (band, up, down, availability) => {
      const model = new StochasticMarket({ seed: 11 });
      const o = offering(band === undefined ? {} : { spotInterruptionBand: band });
      const stats = capacityStatistics(model, places(20, o), (up + down) * 500);
      expect(stats.meanAvailableHours).toBeGreaterThan(up * 0.95);
      expect(stats.meanAvailableHours).toBeLessThan(up * 1.05);
      expect(stats.meanWithdrawnHours).toBeGreaterThan(down * 0.94);
      expect(stats.meanWithdrawnHours).toBeLessThan(down * 1.06);
      expect(stats.availability).toBeCloseTo(availability, 1);
    },
  );

  it('sets prices again every 9 h on average', () => {
    const model = new StochasticMarket({ seed: 12 });
    const [place] = places(1);
    if (place === undefined) throw new Error('no place');
    let changes = 0;
    for (let t = 0; t < 20_000 * HOUR; changes++) t = model.nextPriceChange(place, t);
    expect(20_000 / changes).toBeGreaterThan(9 * 0.95);
    expect(20_000 / changes).toBeLessThan(9 * 1.05);
  });

  it('wanders prices around the catalog spot price with the measured spread', () => {
    const model = new StochasticMarket({ seed: 13 });
    const o = offering();
    const logs = places(400, o).flatMap((place) =>
      [0, 2_000 * HOUR].map((t) =>
        Math.log(model.quote(place, t).pricePerHourMicros / (o.spotPerHourMicros ?? 0)),
      ),
    );
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(TRACE_CALIBRATED_PARAMETERS.priceLogSd * 0.9);
    expect(sd).toBeLessThan(TRACE_CALIBRATED_PARAMETERS.priceLogSd * 1.1);
  });

  it('keeps prices below the ceiling of on-demand', () => {
    const model = new StochasticMarket({ seed: 14 });
    const o = offering({ spotPerHourMicros: 2_900_000 });
    const ceiling = Math.floor(0.95 * o.onDemandPerHourMicros);
    const prices = places(50, o).flatMap((place) =>
      Array.from({ length: 100 }, (_, h) => model.quote(place, h * 50 * HOUR).pricePerHourMicros),
    );
    expect(Math.max(...prices)).toBe(ceiling);
    expect(Math.min(...prices)).toBeGreaterThan(0);
  });
});

describe('StochasticMarket', () => {
  it('gives the same market for the same seed and another for another seed', () => {
    const sample = (seed: number) => {
      const model = new StochasticMarket({ seed });
      return places(5).flatMap((place) =>
        [0, 7 * HOUR, 300 * HOUR].map((t) => [
          model.quote(place, t),
          model.nextWithdrawal(place, t, 3_060_000),
        ]),
      );
    };
    expect(sample(5)).toEqual(sample(5));
    expect(sample(5)).not.toEqual(sample(6));
  });

  it('starts every place at startMs and reads times before it as the start', () => {
    const model = new StochasticMarket({ seed: 3, startMs: 1_000 * HOUR });
    const [place] = places(1);
    if (place === undefined) throw new Error('no place');
    expect(model.quote(place, 0)).toEqual(model.quote(place, 1_000 * HOUR));
  });

  it('withdraws at once on price where the bid is below the price, on capacity where both', () => {
    const model = new StochasticMarket({ seed: 4 });
    const all = places(10);
    const up = all.find((p) => model.quote(p, 0).available);
    const down = all.find((p) => !model.quote(p, 0).available);
    if (up === undefined || down === undefined) throw new Error('no places up and down');
    expect(model.nextWithdrawal(up, 0, 1)).toEqual({ at: 0, cause: 'price' });
    expect(model.nextWithdrawal(down, 0, 1)).toEqual({ at: 0, cause: 'capacity' });
  });
});

describe('interruptionBandScale', () => {
  it.each([
    ['<5%', 0.1],
    ['5-10%', 0.3],
    ['10-15%', 0.5],
    ['15-20%', 0.7],
    ['>20%', 1],
    ['unheard of', 1],
    [undefined, 1],
  ])('scales withdrawals in band %s by %f', (band, scale) => {
    expect(interruptionBandScale(band)).toBe(scale);
  });
});
