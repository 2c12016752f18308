import { offeringId, SeededRng, spotPlace, type CatalogOffering } from '@roam/core';
import type { LaunchRequest } from '@roam/engine';
import { describe, expect, it } from 'vitest';
import {
  BOOT_JITTER,
  CLOUD_BEHAVIOUR,
  SimCloud,
  StochasticMarket,
  TERMINATE_DELAY_MS,
  TraceMarket,
  type SimCloudSnapshot,
} from '../../src/cloud/index.js';
import { eventsOf, record } from './contract.js';
import { TestEventQueue } from './event-queue.js';
import { catalogOf, HOUR, MINUTE, minuteSeries, offering, simCloudWorld } from './fixtures.js';

const p3 = offering();
const gcpV100 = offering({
  cloud: 'gcp',
  region: 'us-central1',
  instanceType: 'n1-standard-8+nvidia-tesla-v100:1',
  onDemandPerHourMicros: 2_860_000,
  spotPerHourMicros: 1_100_000,
});
const azureV100 = offering({ cloud: 'azure', region: 'eastus', instanceType: 'Standard_NC6s_v3' });
const noSpot = offering({
  instanceType: 'p5.4xlarge',
  gpuModel: 'H100',
  spotPerHourMicros: undefined,
});
const zoned = offering({ instanceType: 'g5.xlarge', gpuModel: 'A10G', zones: ['us-east-1d'] });
const catalog = catalogOf(p3, gcpV100, azureV100, noSpot, zoned);

/**
 * The market of these tests, in minutes from 0, repeating every 10 hours. p3 in us-east-1a:
 * withdrawn 05:00–06:00; $1.00/h until 02:00, $2.00/h until 04:00, then $1.50/h.
 * p3 in us-east-1b: always withdrawn. The GCP and Azure V100 in us-central1-a and eastus-1:
 * withdrawn 05:00–06:00 at a constant price. Other places: a stochastic market.
 */
function world(seed = 1) {
  const withdrawnAtFive = (m: number) => m < 300 || m >= 360;
  const market = new TraceMarket({
    tickMs: MINUTE,
    startMs: 0,
    bindings: [
      {
        place: spotPlace(p3, 'us-east-1a'),
        series: minuteSeries('p3 1a', 10, withdrawnAtFive, (m) =>
          m < 120 ? 1_000_000 : m < 240 ? 2_000_000 : 1_500_000,
        ),
      },
      { place: spotPlace(p3, 'us-east-1b'), series: minuteSeries('p3 1b', 10, () => false) },
      {
        place: spotPlace(gcpV100, 'us-central1-a'),
        series: minuteSeries('gcp a', 10, withdrawnAtFive),
      },
      {
        place: spotPlace(azureV100, 'eastus-1'),
        series: minuteSeries('azure 1', 10, withdrawnAtFive),
      },
    ],
    fallback: new StochasticMarket({ seed }),
  });
  return simCloudWorld(catalog, market, seed, 0);
}

function request(o: CatalogOffering, fields: Partial<LaunchRequest> = {}): LaunchRequest {
  return {
    pool: 'train',
    offeringId: offeringId(o),
    zone: '',
    market: 'on-demand',
    labels: {},
    ...fields,
  };
}

/** Launches at `at` and runs until `until`; returns the instance's events. */
function launchAt(at: number, req: LaunchRequest, until = at + 10 * MINUTE) {
  const w = world();
  const log = record(w);
  w.runUntil(at);
  const id = w.cloud.launch(req);
  w.runUntil(until);
  return { w, id, events: eventsOf(log, id) };
}

describe('SimCloud market', () => {
  const market = world().cloud.market();
  const of = (o: CatalogOffering) => market.find((m) => offeringId(m.offering) === offeringId(o));

  it('lists every catalog offering, spot quotes only where there is a spot price', () => {
    expect(market.map((m) => offeringId(m.offering))).toEqual(catalog.offerings.map(offeringId));
    expect(of(noSpot)?.spot.size).toBe(0);
    expect([...(of(p3)?.spot.keys() ?? [])]).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect([...(of(zoned)?.spot.keys() ?? [])]).toEqual(['us-east-1d']);
  });

  it('fills in the zones of offerings the catalog gives none', () => {
    expect(of(gcpV100)?.offering.zones).toEqual([
      'us-central1-a',
      'us-central1-b',
      'us-central1-c',
    ]);
    expect(of(azureV100)?.offering.zones).toEqual(['eastus-1', 'eastus-2', 'eastus-3']);
  });

  it('offers the zones a trace has for a region, where the catalog names none', () => {
    const traced = new TraceMarket({
      tickMs: MINUTE,
      startMs: 0,
      bindings: ['us-east-1f', 'us-east-1d'].map((zone) => ({
        cloud: 'aws' as const,
        zone,
        region: 'us-east-1',
        series: minuteSeries(zone, 10, () => true),
      })),
      fallback: new StochasticMarket({ seed: 1 }),
    });
    const offered = simCloudWorld(catalog, traced, 1, 0).cloud.market();
    const zonesOf = (o: CatalogOffering) =>
      offered.find((m) => offeringId(m.offering) === offeringId(o))?.offering.zones;
    expect(zonesOf(p3)).toEqual(['us-east-1d', 'us-east-1f']);
    expect(zonesOf(zoned)).toEqual(['us-east-1d']);
    expect(zonesOf(gcpV100)).toEqual(['us-central1-a', 'us-central1-b', 'us-central1-c']);
  });

  it('quotes the model', () => {
    expect(of(p3)?.spot.get('us-east-1a')).toEqual({
      available: true,
      pricePerHourMicros: 1_000_000,
    });
    expect(of(p3)?.spot.get('us-east-1b')).toEqual({
      available: false,
      pricePerHourMicros: 1_000_000,
    });
  });
});

describe('SimCloud launches', () => {
  it.each([
    ['aws', p3],
    ['gcp', gcpV100],
    ['azure', azureV100],
  ] as const)('boots on %s within the jitter of its boot delay', (cloud, o) => {
    const { events } = launchAt(0, request(o));
    const boot = CLOUD_BEHAVIOUR[cloud].bootMs;
    expect(events[0]?.e.type).toBe('ready');
    expect(events[0]?.t).toBeGreaterThanOrEqual(Math.floor(boot * (1 - BOOT_JITTER)));
    expect(events[0]?.t).toBeLessThanOrEqual(Math.ceil(boot * (1 + BOOT_JITTER)));
  });

  it('names the instance and node from the pool, cloud and a short id, and labels the node', () => {
    const { id, events } = launchAt(
      0,
      request(p3, { labels: { team: 'nlp', 'topology.kubernetes.io/zone': 'elsewhere' } }),
    );
    const e = events[0]?.e;
    if (e?.type !== 'ready') throw new Error('not ready');
    const suffix = /^sim-([0-9a-f]{8})$/.exec(id)?.[1];
    expect(e.node.name).toBe(`train-aws-${suffix}`);
    expect(e.node.labels).toEqual({
      team: 'nlp',
      'roam.dev/cloud': 'aws',
      'roam.dev/market': 'on-demand',
      'topology.kubernetes.io/region': 'us-east-1',
      'topology.kubernetes.io/zone': 'us-east-1a',
      'node.kubernetes.io/instance-type': 'p3.2xlarge',
    });
    expect(e.node.cloud).toEqual({
      cloud: 'aws',
      region: 'us-east-1',
      instanceType: 'p3.2xlarge',
      instanceId: id,
      onDemandPerHourMicros: 3_060_000,
    });
  });

  it('prices a spot node at the spot price when it boots, bidding on-demand by default', () => {
    const { events } = launchAt(150 * MINUTE, request(p3, { market: 'spot', zone: 'us-east-1a' }));
    const e = events[0]?.e;
    if (e?.type !== 'ready') throw new Error('not ready');
    expect(e.node.pricePerHourMicros).toBe(2_000_000);
    expect(e.node.cloud?.bidPerHourMicros).toBe(3_060_000);
  });

  it('launches on-demand where spot is withdrawn', () => {
    const { events } = launchAt(0, request(p3, { zone: 'us-east-1b' }));
    expect(events.map((r) => r.e.type)).toEqual(['ready']);
  });

  it.each([
    [
      'an unknown offering',
      request(p3, { offeringId: 'aws/us-east-1/p9.xlarge' }),
      0,
      'unknown offering aws/us-east-1/p9.xlarge',
    ],
    [
      'a zone the offering is not in',
      request(p3, { zone: 'us-east-1z' }),
      0,
      'aws/us-east-1/p3.2xlarge is not offered in zone us-east-1z ' +
        '(zones: us-east-1a, us-east-1b, us-east-1c)',
    ],
    [
      'spot without a spot market',
      request(noSpot, { market: 'spot' }),
      0,
      'aws/us-east-1/p5.4xlarge has no spot market',
    ],
    [
      'spot without capacity',
      request(p3, { market: 'spot', zone: 'us-east-1b' }),
      CLOUD_BEHAVIOUR.aws.bootMs,
      'no spot capacity for p3.2xlarge in us-east-1b (AWS)',
    ],
    [
      'spot priced above the bid',
      request(p3, { market: 'spot', zone: 'us-east-1a', bidPerHourMicros: 1_800_000 }),
      CLOUD_BEHAVIOUR.aws.bootMs,
      'spot price $2.00/h for p3.2xlarge in us-east-1a (AWS) is above the bid $1.80/h',
    ],
  ])('fails %s', (_, req, after, reason) => {
    const start = 150 * MINUTE;
    const { events } = launchAt(start, req);
    expect(events.map((r) => r.e)).toEqual([
      { type: 'launch-failed', instanceId: expect.any(String), reason },
    ]);
    expect((events[0]?.t ?? 0) - start).toBeGreaterThanOrEqual(after * (1 - BOOT_JITTER));
    expect((events[0]?.t ?? 0) - start).toBeLessThanOrEqual(after * (1 + BOOT_JITTER));
  });
});

describe('SimCloud reclaims', () => {
  it.each([
    [p3, 'reclaimed: spot capacity withdrawn in us-east-1a (AWS, 120 s notice)'],
    [gcpV100, 'reclaimed: spot capacity withdrawn in us-central1-a (GCP, 30 s notice)'],
    [azureV100, 'reclaimed: spot capacity withdrawn in eastus-1 (Azure, 30 s notice)'],
  ])('says why and with what notice', (o, reason) => {
    const { w, id, events } = launchAt(0, request(o, { market: 'spot' }), 10 * HOUR);
    expect(events.map((r) => r.e)).toEqual([
      expect.objectContaining({ type: 'ready' }),
      { type: 'interruption-notice', instanceId: id, node: expect.any(String), at: 5 * HOUR },
      { type: 'terminated', instanceId: id, node: expect.any(String), reason },
    ]);
    expect(w.cloud.costSoFarMicros(id)).toBeGreaterThan(0);
  });

  it('reclaims when the price rises above the bid', () => {
    const { events } = launchAt(
      0,
      request(p3, { market: 'spot', zone: 'us-east-1a', bidPerHourMicros: 1_800_000 }),
      10 * HOUR,
    );
    expect(events.slice(1).map((r) => [r.t, r.e.type])).toEqual([
      [2 * HOUR - 120_000, 'interruption-notice'],
      [2 * HOUR, 'terminated'],
    ]);
    expect(events[2]?.e).toMatchObject({
      reason: 'reclaimed: spot price rose above the bid $1.80/h in us-east-1a (AWS, 120 s notice)',
    });
  });

  it.each([
    [60_000, 5 * HOUR - 60_000 + TERMINATE_DELAY_MS, 'terminated by Roam'],
    [3_000, 5 * HOUR, 'reclaimed: spot capacity withdrawn in us-east-1a (AWS, 120 s notice)'],
  ])('terminated %i ms before its reclaim, ends at %i ms: %s', (before, at, reason) => {
    const w = world();
    const log = record(w);
    const id = w.cloud.launch(request(p3, { market: 'spot' }));
    w.runUntil(5 * HOUR - before);
    w.cloud.terminate(id);
    w.runUntil(10 * HOUR);
    expect(eventsOf(log, id).slice(2)).toEqual([
      { t: at, e: { type: 'terminated', instanceId: id, node: expect.any(String), reason } },
    ]);
  });

  it('gives what notice is left when capacity goes soon after boot', () => {
    const { events } = launchAt(
      297 * MINUTE,
      request(p3, { market: 'spot', zone: 'us-east-1a' }),
      10 * HOUR,
    );
    const [ready, notice, terminated] = events;
    expect(notice?.t).toBe(ready?.t);
    expect(notice?.e).toMatchObject({ type: 'interruption-notice', at: 5 * HOUR });
    const left = Math.round((5 * HOUR - (ready?.t ?? 0)) / 1000);
    expect(terminated?.e).toMatchObject({
      reason: `reclaimed: spot capacity withdrawn in us-east-1a (AWS, ${left} s notice)`,
    });
  });
});

describe('SimCloud costs', () => {
  it('bills on-demand from the launch request to termination', () => {
    const w = world();
    const id = w.cloud.launch(request(p3));
    w.runUntil(HOUR);
    expect(w.cloud.costSoFarMicros(id)).toBe(3_060_000);
    w.cloud.terminate(id);
    w.runUntil(10 * HOUR);
    expect(w.cloud.costSoFarMicros(id)).toBe(
      Math.round((3_060_000 * (HOUR + TERMINATE_DELAY_MS)) / HOUR),
    );
  });

  it('bills spot at the price the market moves it to, until the reclaim', () => {
    const w = world();
    const id = w.cloud.launch(request(p3, { market: 'spot', zone: 'us-east-1a' }));
    w.runUntil(3 * HOUR);
    expect(w.cloud.costSoFarMicros(id)).toBe(1_000_000 * 2 + 2_000_000);
    w.runUntil(10 * HOUR);
    expect(w.cloud.costSoFarMicros(id)).toBe(1_000_000 * 2 + 2_000_000 * 2 + 1_500_000);
  });

  it('charges nothing for failed launches, and sums every instance', () => {
    const w = world();
    const spot = w.cloud.launch(request(p3, { market: 'spot', zone: 'us-east-1a' }));
    const failed = w.cloud.launch(request(p3, { market: 'spot', zone: 'us-east-1b' }));
    const onDemand = w.cloud.launch(request(p3));
    w.runUntil(HOUR);
    expect(w.cloud.costSoFarMicros(failed)).toBe(0);
    expect(w.cloud.totalCostMicros()).toBe(1_000_000 + 3_060_000);
    expect(w.cloud.costSoFarMicros(spot)).toBe(1_000_000);
    expect(w.cloud.costSoFarMicros(onDemand)).toBe(3_060_000);
    expect(w.cloud.costSoFarMicros('sim-00000000x')).toBeUndefined();
    // p3 has one GPU: an hour each of spot and on-demand; the failed launch bought nothing.
    expect(w.cloud.usage()).toEqual({
      spot: { instances: 1, instanceHours: 1, gpuHours: 1 },
      'on-demand': { instances: 1, instanceHours: 1, gpuHours: 1 },
    });
  });
});

describe('SimCloud determinism', () => {
  it('draws the same instance ids for the same seed, others for another', () => {
    const ids = (seed: number) => {
      const w = world(seed);
      return [1, 2, 3].map(() => w.cloud.launch(request(p3)));
    };
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect(new Set(ids(7)).size).toBe(3);
  });
});

describe('SimCloud snapshot and restore', () => {
  /** A twin restored from `snapshot` at `at`, in the same market as `world()`. */
  function restored(snapshot: SimCloudSnapshot, at: number) {
    const queue = new TestEventQueue(at);
    const cloud = new SimCloud({
      now: queue.now,
      schedule: queue.schedule,
      catalog,
      rng: new SeededRng(2),
      market: world().model,
      restore: JSON.parse(JSON.stringify(snapshot)) as SimCloudSnapshot,
    });
    const log = record({
      cloud,
      now: queue.now,
      runUntil: (t) => queue.runUntil(t),
      spotAvailable: () => true,
    });
    return { cloud, queue, log };
  }

  /**
   * A twin with spot p3 in us-east-1a (reclaimed at 05:00, told at 04:58), on-demand on
   * Azure, both running, and on-demand on GCP launched at 01:00 and still booting; the
   * snapshot is taken right after that launch.
   */
  function snapshotAtOne() {
    const w = world();
    const spot = w.cloud.launch(request(p3, { zone: 'us-east-1a', market: 'spot' }));
    const azure = w.cloud.launch(request(azureV100));
    w.runUntil(HOUR);
    const gcp = w.cloud.launch(request(gcpV100));
    return { spot, azure, gcp, snapshot: w.cloud.snapshot(), w };
  }

  it('takes over every instance as it was: running ones listed with their nodes, a booting one ready when due', () => {
    const { spot, azure, gcp, snapshot, w } = snapshotAtOne();
    const before = w.cloud.instances();
    const r = restored(snapshot, HOUR + 30_000);
    expect(r.cloud.instances()).toEqual(before);
    const bootAt = snapshot.instances.find((i) => i.id === gcp)?.bootAt ?? 0;
    r.queue.runUntil(HOUR + 20 * MINUTE);
    const ready = eventsOf(r.log, gcp);
    expect(ready.map((e) => [e.e.type, e.t])).toEqual([['ready', bootAt]]);
    expect(r.cloud.instances().map((i) => [i.instanceId, i.state])).toEqual([
      [spot, 'running'],
      [azure, 'running'],
      [gcp, 'running'],
    ]);
    // The spot instance's reclaim comes when it was due, with the notice before it.
    r.queue.runUntil(6 * HOUR);
    expect(eventsOf(r.log, spot).map((e) => [e.e.type, e.t])).toEqual([
      ['interruption-notice', 5 * HOUR - 120_000],
      ['terminated', 5 * HOUR],
    ]);
    expect(r.cloud.liveInstances()).toBe(2);
  });

  it('drops a spot instance reclaimed while it was down, and boots one whose boot is past at once', () => {
    const { spot, gcp, snapshot } = snapshotAtOne();
    const r = restored(snapshot, 5 * HOUR + 30 * MINUTE);
    expect(r.cloud.instances().map((i) => i.instanceId)).not.toContain(spot);
    r.queue.runUntil(5 * HOUR + 30 * MINUTE);
    expect(eventsOf(r.log, gcp).map((e) => [e.e.type, e.t])).toEqual([
      ['ready', 5 * HOUR + 30 * MINUTE],
    ]);
    expect(eventsOf(r.log, spot)).toEqual([]);
  });

  it('ends an instance that was being terminated, and lists its notice to a spot instance told before', () => {
    const w = world();
    const spot = w.cloud.launch(request(p3, { zone: 'us-east-1a', market: 'spot' }));
    const azure = w.cloud.launch(request(azureV100));
    w.runUntil(5 * HOUR - 60_000);
    w.cloud.terminate(azure);
    const r = restored(w.cloud.snapshot(), 5 * HOUR - 59_000);
    expect(r.cloud.instances().map((i) => [i.instanceId, i.state, i.reclaimAt])).toEqual([
      [spot, 'running', 5 * HOUR],
      [azure, 'terminating', undefined],
    ]);
    r.queue.runUntil(5 * HOUR);
    expect(
      eventsOf(r.log, azure).map((e) => [e.e.type, e.e.type === 'terminated' && e.e.reason]),
    ).toEqual([['terminated', 'terminated by Roam']]);
    expect(r.cloud.instances()).toEqual([]);
  });

  it('tells a change after each launch, boot and end, so a saved snapshot is never stale', () => {
    const queue = new TestEventQueue(0);
    const seen: number[] = [];
    const cloud: SimCloud = new SimCloud({
      now: queue.now,
      schedule: queue.schedule,
      catalog,
      rng: new SeededRng(1),
      market: world().model,
      onChange: () => seen.push(cloud.snapshot().instances.length),
    });
    const id = cloud.launch(request(azureV100));
    queue.runUntil(HOUR);
    cloud.terminate(id);
    queue.runUntil(2 * HOUR);
    expect(seen).toEqual([1, 1, 1, 0]);
  });
});
