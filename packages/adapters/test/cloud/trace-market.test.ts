import { spotPlace, type CatalogOffering, type ZoneSeries } from '@roam/core';
import { describe, expect, it } from 'vitest';
import {
  StochasticMarket,
  TraceMarket,
  type MarketPlace,
  type TraceBinding,
} from '../../src/cloud/index.js';
import { offering } from './fixtures.js';

/** Four ticks of 1 s from t = 10 s: available, available, withdrawn, available. */
const tiny: ZoneSeries = {
  name: 'tiny',
  available: [1, 1, 0, 1],
  spotPrice: [100, 110, 110, 130],
};
const p3 = offering();
const here: MarketPlace = { offering: p3, zone: 'us-east-1a' };
const fallback = new StochasticMarket({ seed: 1 });

function market(
  bindings: readonly TraceBinding[] = [{ place: spotPlace(p3, 'us-east-1a'), series: tiny }],
) {
  return new TraceMarket({ tickMs: 1_000, startMs: 10_000, bindings, fallback });
}

describe('TraceMarket replays a series', () => {
  it.each([
    [10_000, true, 100],
    [11_500, true, 110],
    [12_000, false, 110],
    [13_999, true, 130],
    [14_000, true, 100],
    [16_500, false, 110],
    [9_999, true, 130],
  ])('at %i ms: available %s at %i', (t, available, price) => {
    expect(market().quote(here, t)).toEqual({ available, pricePerHourMicros: price });
  });

  it.each([
    [10_500, 1_000, { at: 12_000, cause: 'capacity' }],
    [10_500, 105, { at: 11_000, cause: 'price' }],
    [12_500, 1_000, { at: 12_500, cause: 'capacity' }],
    [13_000, 1_000, { at: 16_000, cause: 'capacity' }],
    [13_500, 120, { at: 13_500, cause: 'price' }],
  ])('from %i ms with a bid of %i the next withdrawal is %o', (t, bid, withdrawal) => {
    expect(market().nextWithdrawal(here, t, bid)).toEqual(withdrawal);
  });

  it('never withdraws a place whose series is always available and cheap enough', () => {
    const always = { name: 'always', available: [1, 1], spotPrice: [100, 120] };
    const m = market([{ place: spotPlace(p3, 'us-east-1a'), series: always }]);
    expect(m.nextWithdrawal(here, 10_000, 120)).toBeUndefined();
  });

  it.each([
    [10_000, 11_000],
    [11_000, 13_000],
    [13_200, 14_000],
  ])('from %i ms the price next changes at %i ms', (t, next) => {
    expect(market().nextPriceChange(here, t)).toBe(next);
  });

  it('never changes a constant price', () => {
    const flat = { name: 'flat', available: [1, 0], spotPrice: [100, 100] };
    const m = market([{ place: spotPlace(p3, 'us-east-1a'), series: flat }]);
    expect(m.nextPriceChange(here, 10_000)).toBeUndefined();
  });
});

describe('TraceMarket bindings', () => {
  const other = { name: 'other', available: [0], spotPrice: [918_000] };
  const byZone: TraceBinding = { cloud: 'aws', zone: 'us-east-1a', series: other, prices: 'trace' };

  it('lets each instance type bound by zone read the series from its own offset, the same in every zone and region', () => {
    // 64 ticks of an irregular pattern, bound to two zones.
    const pattern = Array.from({ length: 64 }, (_, i) => ((i * 37) % 11 < 6 ? 1 : 0));
    const series: ZoneSeries = { name: 'p', available: pattern, spotPrice: pattern.map(() => 1) };
    const m = market(
      ['us-east-1a', 'us-east-1b', 'us-west-2a'].map((zone) => ({
        cloud: 'aws' as const,
        zone,
        series,
      })),
    );
    const read = (o: CatalogOffering, zone: string) =>
      pattern.map((_, k) => (m.quote({ offering: o, zone }, 10_000 + k * 1_000).available ? 1 : 0));
    const others = ['g5.xlarge', 'g6.xlarge', 'p4d.24xlarge', 'g4dn.xlarge'].map((t) =>
      read(offering({ instanceType: t }), 'us-east-1a'),
    );
    const rotations = pattern.map((_, r) => [...pattern.slice(r), ...pattern.slice(0, r)].join(''));
    // Each reads the whole pattern, rotated; not all from the same place; and one instance
    // type reads every zone alike, in any region, so the zones' correlation is kept.
    for (const seen of others) expect(rotations).toContain(seen.join(''));
    expect(new Set(others.map((x) => x.join(''))).size).toBeGreaterThan(1);
    expect(read(p3, 'us-east-1a')).toEqual(read(p3, 'us-east-1b'));
    expect(read(offering({ region: 'us-west-2' }), 'us-west-2a')).toEqual(read(p3, 'us-east-1a'));
  });

  it('prefers a place binding to a zone binding', () => {
    const m = market([byZone, { place: spotPlace(p3, 'us-east-1a'), series: tiny }]);
    expect(m.quote(here, 10_000)).toEqual({ available: true, pricePerHourMicros: 100 });
  });

  it('applies a zone binding to every offering of its cloud in the zone, and only there', () => {
    const m = market([byZone]);
    const g5 = offering({ instanceType: 'g5.xlarge' });
    const gcp = offering({ cloud: 'gcp', region: 'us-east-1' });
    expect(m.quote({ offering: g5, zone: 'us-east-1a' }, 10_000).available).toBe(false);
    for (const place of [
      { offering: gcp, zone: 'us-east-1a' },
      { offering: p3, zone: 'us-east-1b' },
    ])
      for (const t of [0, 3_600_000, 7_200_000]) {
        expect(m.quote(place, t)).toEqual(fallback.quote(place, t));
        expect(m.nextWithdrawal(place, t, 3_060_000)).toEqual(
          fallback.nextWithdrawal(place, t, 3_060_000),
        );
        expect(m.nextPriceChange(place, t)).toEqual(fallback.nextPriceChange(place, t));
      }
  });

  it.each([
    [
      'a place binding keeps the trace prices',
      { place: spotPlace(p3, 'us-east-1a'), series: tiny },
      100,
    ],
    [
      'a place binding may scale them',
      { place: spotPlace(p3, 'us-east-1a'), series: tiny, prices: 'scaled' },
      Math.round((100 * 918_000) / 112.5),
    ],
    [
      'a zone binding scales them to the catalog spot price (whatever its offset)',
      { cloud: 'aws', zone: 'us-east-1a', series: { ...tiny, spotPrice: [100, 100, 100, 100] } },
      918_000,
    ],
    [
      'a tick without a price costs the catalog spot price',
      { place: spotPlace(p3, 'us-east-1a'), series: { ...tiny, spotPrice: [Number.NaN, 1, 1, 1] } },
      918_000,
    ],
  ] satisfies [string, TraceBinding, number][])('%s', (_, binding, price) => {
    expect(market([binding]).quote(here, 10_000).pricePerHourMicros).toBe(price);
  });

  it.each([
    [
      'an empty series',
      { tickMs: 1_000, series: { name: 'e', available: [], spotPrice: [] } },
      /empty/,
    ],
    [
      'prices that do not match the ticks',
      { tickMs: 1_000, series: { name: 'm', available: [1, 0], spotPrice: [1] } },
      /2 availability ticks but 1 prices/,
    ],
    ['a tick of no length', { tickMs: 0, series: tiny }, /tickMs must be positive/],
  ])('refuses %s', (_, { tickMs, series }, error) => {
    expect(
      () =>
        new TraceMarket({
          tickMs,
          startMs: 0,
          bindings: [{ place: spotPlace(p3, 'us-east-1a'), series }],
          fallback,
        }),
    ).toThrow(error);
  });
});
