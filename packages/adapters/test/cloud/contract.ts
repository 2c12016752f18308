import { offeringId, type Cloud, type CatalogOffering } from '@roam/core';
import type { CloudEvent, CloudPort, LaunchRequest } from '@roam/engine';
import { describe, expect, it } from 'vitest';

/** A cloud under test, in a world whose time the test moves. */
export interface CloudFixture {
  readonly cloud: CloudPort;
  /** The world's time, ms. */
  now(): number;
  /** Moves the world to `t`, delivering every event due until then. */
  runUntil(t: number): void;
  /** The world's ground truth: whether spot capacity of an offering is there in a zone at `t`. */
  spotAvailable(offeringId: string, zone: string, t: number): boolean;
}

/** A cloud event with the time it was received. */
export interface Received {
  readonly t: number;
  readonly e: CloudEvent;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Every launch is expected to be answered within this. */
const ANSWER_WITHIN = 10 * MINUTE;
/** Long enough for any spot instance of the fixtures to be reclaimed. */
const LONG_RUN = 90 * 24 * HOUR;
/** The spot reclaim notice each cloud gives (the port's documented leads). */
const NOTICE: readonly (readonly [Cloud, number])[] = [
  ['aws', 120_000],
  ['gcp', 30_000],
  ['azure', 30_000],
];

/** Everything a cloud tells, with the times it arrived. */
export function record(f: CloudFixture): Received[] {
  const log: Received[] = [];
  f.cloud.subscribe((e) => log.push({ t: f.now(), e }));
  return log;
}

/** The events of one instance. */
export function eventsOf(log: readonly Received[], instanceId: string): Received[] {
  return log.filter((r) => r.e.instanceId === instanceId);
}

/** A spot place of the cloud's market. */
interface Place {
  readonly offering: CatalogOffering;
  readonly zone: string;
}

/**
 * The first spot place (of `cloud`, if given) whose capacity is `available` throughout the
 * next `ANSWER_WITHIN` (sampled every 5 s), by the fixture's ground truth.
 */
function findPlace(f: CloudFixture, available: boolean, cloud?: Cloud): Place {
  const from = f.now();
  for (const { offering, spot } of f.cloud.market()) {
    if (cloud !== undefined && offering.cloud !== cloud) continue;
    for (const zone of spot.keys()) {
      let steady = true;
      for (let t = from; t <= from + ANSWER_WITHIN && steady; t += 5_000)
        steady = f.spotAvailable(offeringId(offering), zone, t) === available;
      if (steady) return { offering, zone };
    }
  }
  throw new Error(
    `the fixture has no ${cloud ?? ''} spot place ${available ? 'available' : 'withdrawn'} now`,
  );
}

function spotRequest(place: Place): LaunchRequest {
  return {
    pool: 'elastic',
    offeringId: offeringId(place.offering),
    zone: place.zone,
    market: 'spot',
    bidPerHourMicros: place.offering.onDemandPerHourMicros,
    labels: { team: 'vision' },
  };
}

function onDemandRequest(offering: CatalogOffering): LaunchRequest {
  return {
    pool: 'elastic',
    offeringId: offeringId(offering),
    zone: offering.zones[0] ?? '',
    market: 'on-demand',
    labels: { team: 'vision' },
  };
}

function offeringOf(f: CloudFixture, cloud: Cloud): CatalogOffering {
  const found = f.cloud.market().find((m) => m.offering.cloud === cloud);
  if (found === undefined) throw new Error(`the fixture offers nothing on ${cloud}`);
  return found.offering;
}

/**
 * The contract of the CloudPort, run against one adapter. `fixture(seed)` builds a fresh
 * world with the adapter in it: the same seed must give the same world. Each fixture's
 * catalog must offer spot on AWS, GCP and Azure, with some spot place withdrawn and some
 * available at the start, and every spot instance reclaimed within 90 days.
 */
export function cloudPortContract(name: string, fixture: (seed: number) => CloudFixture): void {
  describe(`${name} (CloudPort contract)`, () => {
    it('quotes spot as the world has it', () => {
      const f = fixture(1);
      const market = f.cloud.market();
      expect(market.length).toBeGreaterThan(0);
      for (const { offering, spot } of market)
        for (const [zone, quote] of spot) {
          expect(offering.zones).toContain(zone);
          expect(quote.available).toBe(f.spotAvailable(offeringId(offering), zone, f.now()));
        }
    });

    it.each(NOTICE.map(([cloud]) => cloud))(
      'an on-demand launch on %s returns its id at once, then is ready as a node of the offering',
      (cloud) => {
        const f = fixture(2);
        const log = record(f);
        const offering = offeringOf(f, cloud);
        const start = f.now();
        const id = f.cloud.launch(onDemandRequest(offering));
        expect(log).toEqual([]);
        f.runUntil(start + ANSWER_WITHIN);
        expect(log.map((r) => r.e.type)).toEqual(['ready']);
        const ready = log[0];
        if (ready?.e.type !== 'ready') throw new Error('no ready event');
        expect(ready.t).toBeGreaterThan(start);
        expect(ready.e.instanceId).toBe(id);
        expect(ready.e.node).toMatchObject({
          pool: 'elastic',
          gpuModel: offering.gpuModel,
          gpus: offering.gpuCount,
          cpuMilli: offering.cpuMilli,
          memoryMiB: offering.memoryMiB,
          schedulable: true,
          market: 'on-demand',
          zone: offering.zones[0],
          pricePerHourMicros: offering.onDemandPerHourMicros,
          cloud: {
            cloud,
            region: offering.region,
            instanceType: offering.instanceType,
            instanceId: id,
            onDemandPerHourMicros: offering.onDemandPerHourMicros,
          },
        });
        expect(ready.e.node.labels['team']).toBe('vision');
      },
    );

    it('a spot launch where capacity is there becomes ready at no more than the bid', () => {
      const f = fixture(3);
      const log = record(f);
      const place = findPlace(f, true);
      const request = spotRequest(place);
      const id = f.cloud.launch(request);
      f.runUntil(f.now() + ANSWER_WITHIN);
      const ready = eventsOf(log, id)[0]?.e;
      if (ready?.type !== 'ready') throw new Error(`expected ready, got ${ready?.type}`);
      expect(ready.node.market).toBe('spot');
      expect(ready.node.zone).toBe(place.zone);
      expect(ready.node.pricePerHourMicros).toBeLessThanOrEqual(request.bidPerHourMicros ?? 0);
      expect(ready.node.cloud?.bidPerHourMicros).toBe(request.bidPerHourMicros);
    });

    it('a spot launch where capacity is withdrawn fails with a reason', () => {
      const f = fixture(4);
      const log = record(f);
      const id = f.cloud.launch(spotRequest(findPlace(f, false)));
      f.runUntil(f.now() + ANSWER_WITHIN);
      const events = eventsOf(log, id).map((r) => r.e);
      expect(events.map((e) => e.type)).toEqual(['launch-failed']);
      expect(events[0]?.type === 'launch-failed' && events[0].reason).toMatch(/\S/);
    });

    it.each(NOTICE)(
      'a spot instance on %s is told %i ms before it is reclaimed when capacity goes',
      (cloud, noticeMs) => {
        const f = fixture(5);
        const log = record(f);
        const place = findPlace(f, true, cloud);
        const id = f.cloud.launch(spotRequest(place));
        f.runUntil(f.now() + LONG_RUN);
        const events = eventsOf(log, id);
        expect(events.map((r) => r.e.type)).toEqual(['ready', 'interruption-notice', 'terminated']);
        const [ready, notice, terminated] = events;
        if (notice?.e.type !== 'interruption-notice' || terminated?.e.type !== 'terminated')
          throw new Error('no reclaim');
        const at = notice.e.at;
        expect(terminated.t).toBe(at);
        expect(notice.t).toBe(Math.max(ready?.t ?? 0, at - noticeMs));
        expect(terminated.e.reason).toMatch(/^reclaimed:/);
        expect(f.spotAvailable(offeringId(place.offering), place.zone, at - 1)).toBe(true);
        expect(f.spotAvailable(offeringId(place.offering), place.zone, at)).toBe(false);
      },
    );

    it('terminate ends a running instance once, and nothing follows', () => {
      const f = fixture(6);
      const log = record(f);
      const id = f.cloud.launch(spotRequest(findPlace(f, true)));
      f.runUntil(f.now() + ANSWER_WITHIN);
      const before = eventsOf(log, id).length;
      f.cloud.terminate(id);
      f.cloud.terminate(id);
      f.runUntil(f.now() + LONG_RUN);
      const after = eventsOf(log, id).slice(before);
      expect(after.map((r) => r.e.type)).toEqual(['terminated']);
      f.cloud.terminate(id);
      f.runUntil(f.now() + HOUR);
      expect(eventsOf(log, id).slice(before)).toEqual(after);
    });

    it('terminate during boot ends the instance before it is ever ready', () => {
      const f = fixture(7);
      const log = record(f);
      const id = f.cloud.launch(onDemandRequest(offeringOf(f, 'aws')));
      f.cloud.terminate(id);
      f.runUntil(f.now() + LONG_RUN);
      expect(eventsOf(log, id).map((r) => r.e.type)).toEqual(['terminated']);
    });

    it('lists its instances while they boot, run and end, with their requests and nodes', () => {
      const f = fixture(9);
      const request = onDemandRequest(offeringOf(f, 'aws'));
      const id = f.cloud.launch(request);
      // Spot where capacity is withdrawn: it boots, then fails and is listed no more.
      const failing = f.cloud.launch(spotRequest(findPlace(f, false)));
      expect(f.cloud.instances().map((i) => [i.instanceId, i.state, i.node])).toEqual([
        [id, 'booting', undefined],
        [failing, 'booting', undefined],
      ]);
      expect(f.cloud.instances()[0]?.request).toEqual(request);
      f.runUntil(f.now() + ANSWER_WITHIN);
      const running = f.cloud.instances();
      expect(running).toHaveLength(1);
      expect(running[0]).toMatchObject({ instanceId: id, state: 'running', request });
      expect(running[0]?.node?.cloud?.instanceId).toBe(id);
      f.cloud.terminate(id);
      expect(f.cloud.instances().map((i) => i.state)).toEqual(['terminating']);
      f.runUntil(f.now() + HOUR);
      expect(f.cloud.instances()).toEqual([]);
    });

    it('lists a spot instance with the time it goes once its reclaim notice is given', () => {
      const f = fixture(10);
      const log = record(f);
      const id = f.cloud.launch(spotRequest(findPlace(f, true)));
      f.runUntil(f.now() + ANSWER_WITHIN);
      expect(f.cloud.instances()[0]?.reclaimAt).toBeUndefined();
      const until = f.now() + LONG_RUN;
      while (f.now() < until && !eventsOf(log, id).some((r) => r.e.type === 'interruption-notice'))
        f.runUntil(f.now() + MINUTE);
      const notice = eventsOf(log, id).find((r) => r.e.type === 'interruption-notice')?.e;
      if (notice?.type !== 'interruption-notice') throw new Error('no notice');
      expect(f.cloud.instances()).toEqual([
        expect.objectContaining({ instanceId: id, state: 'running', reclaimAt: notice.at }),
      ]);
    });

    it('an unsubscribed listener hears nothing more, the others still do', () => {
      const f = fixture(8);
      const first: CloudEvent[] = [];
      const second: CloudEvent[] = [];
      const unsubscribe = f.cloud.subscribe((e) => first.push(e));
      f.cloud.subscribe((e) => second.push(e));
      unsubscribe();
      f.cloud.launch(onDemandRequest(offeringOf(f, 'gcp')));
      f.runUntil(f.now() + ANSWER_WITHIN);
      expect(first).toEqual([]);
      expect(second.map((e) => e.type)).toEqual(['ready']);
    });

    it('the same seed gives the same events at the same times', () => {
      const run = (seed: number): Received[] => {
        const f = fixture(seed);
        const log = record(f);
        const ids = [
          f.cloud.launch(spotRequest(findPlace(f, true, 'aws'))),
          f.cloud.launch(spotRequest(findPlace(f, true, 'gcp'))),
          f.cloud.launch(spotRequest(findPlace(f, false))),
          f.cloud.launch(onDemandRequest(offeringOf(f, 'azure'))),
        ];
        f.runUntil(f.now() + HOUR);
        f.cloud.terminate(ids[3] ?? '');
        f.runUntil(f.now() + 3 * 24 * HOUR);
        return log;
      };
      const first = run(42);
      expect(first.length).toBeGreaterThanOrEqual(5);
      expect(run(42)).toEqual(first);
    });
  });
}
