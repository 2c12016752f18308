import {
  offeringId,
  SeededRng,
  type Catalog,
  type CatalogOffering,
  type ZoneSeries,
} from '@roam/core';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import {
  offeringZones,
  SimCloud,
  StochasticMarket,
  TraceMarket,
  type SpotMarketModel,
  type TraceBinding,
} from '../../src/cloud/index.js';
import type { CloudFixture } from './contract.js';
import { TestEventQueue } from './event-queue.js';

/** A minute, ms. */
export const MINUTE = 60_000;
/** An hour, ms. */
export const HOUR = 60 * MINUTE;
/** When the contract's worlds start: 2025-01-01T00:00:00Z. */
const EPOCH = Date.UTC(2025, 0, 1);

/** A simulated cloud in a test's world, with the model that drives its market. */
export interface SimCloudWorld extends CloudFixture {
  readonly cloud: SimCloud;
  readonly queue: TestEventQueue;
  readonly model: SpotMarketModel;
}

/** A SimCloud over `catalog` and `model` on a test event queue starting at `startMs`. */
export function simCloudWorld(
  catalog: Catalog,
  model: SpotMarketModel,
  seed: number,
  startMs: number,
): SimCloudWorld {
  const queue = new TestEventQueue(startMs);
  const cloud = new SimCloud({
    now: queue.now,
    schedule: queue.schedule,
    catalog,
    rng: new SeededRng(seed),
    market: model,
  });
  const offerings = new Map(
    catalog.offerings.map((o) => [offeringId(o), { ...o, zones: offeringZones(o) }]),
  );
  return {
    cloud,
    queue,
    model,
    now: queue.now,
    runUntil: (t) => queue.runUntil(t),
    spotAvailable: (id, zone, t) => {
      const offering = offerings.get(id);
      if (offering === undefined) throw new Error(`unknown offering ${id}`);
      return model.quote({ offering, zone }, t).available;
    },
  };
}

/** A series of `hours` one-minute ticks, available where `available(minute)` says, at `price`. */
export function minuteSeries(
  name: string,
  hours: number,
  available: (minute: number) => boolean,
  price: (minute: number) => number = () => 1_000_000,
): ZoneSeries {
  const n = hours * 60;
  return {
    name,
    available: Uint8Array.from({ length: n }, (_, m) => (available(m) ? 1 : 0)),
    spotPrice: Float64Array.from({ length: n }, (_, m) => price(m)),
  };
}

/**
 * A day that repeats in every zone of the built-in catalog, by the zone's place among its
 * region's zones: the first zone is withdrawn from 05:00 to 06:00, the second always, the
 * third never.
 */
const DAY_BY_ZONE: readonly ZoneSeries[] = [
  minuteSeries('withdrawn 05:00-06:00', 24, (m) => m < 5 * 60 || m >= 6 * 60),
  minuteSeries('always withdrawn', 24, () => false),
  minuteSeries('always available', 24, () => true),
];

/** Binds every zone of every offering of the catalog to {@link DAY_BY_ZONE}. */
function dayBindings(catalog: Catalog): TraceBinding[] {
  const bindings = new Map<string, TraceBinding>();
  for (const o of catalog.offerings)
    offeringZones(o).forEach((zone, i) => {
      const series = DAY_BY_ZONE[i % DAY_BY_ZONE.length];
      if (series !== undefined)
        bindings.set(`${o.cloud}/${zone}`, { cloud: o.cloud, zone, series });
    });
  return [...bindings.values()];
}

/** SimCloud on the built-in catalog with the stochastic market. */
export function stochasticWorld(seed: number): SimCloudWorld {
  const market = new StochasticMarket({ seed, startMs: EPOCH });
  return simCloudWorld(builtinCatalog(), market, seed, EPOCH);
}

/** SimCloud on the built-in catalog replaying {@link DAY_BY_ZONE} in every zone. */
export function traceWorld(seed: number): SimCloudWorld {
  const catalog = builtinCatalog();
  const market = new TraceMarket({
    tickMs: MINUTE,
    startMs: EPOCH,
    bindings: dayBindings(catalog),
    fallback: new StochasticMarket({ seed, startMs: EPOCH }),
  });
  return simCloudWorld(catalog, market, seed, EPOCH);
}

/** An offering for hand-made catalogs: a p3.2xlarge in us-east-1 unless told otherwise. */
export function offering(fields: Partial<CatalogOffering> = {}): CatalogOffering {
  return {
    cloud: 'aws',
    region: 'us-east-1',
    zones: [],
    instanceType: 'p3.2xlarge',
    gpuModel: 'V100',
    gpuCount: 1,
    gpuMemoryMiB: 16 * 1024,
    cpuMilli: 8000,
    memoryMiB: 61 * 1024,
    onDemandPerHourMicros: 3_060_000,
    spotPerHourMicros: 918_000,
    source: 'test',
    ...fields,
  };
}

/** A catalog of the given offerings. */
export function catalogOf(...offerings: CatalogOffering[]): Catalog {
  return { sources: [{ name: 'test', description: 'hand-made' }], offerings };
}
