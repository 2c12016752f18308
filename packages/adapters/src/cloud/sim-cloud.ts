import {
  MS_PER_HOUR,
  offeringId,
  type Catalog,
  type CatalogOffering,
  type MarketOffering,
  type NodeInfo,
  type Rng,
} from '@roam/core';
import type { CloudEvent, CloudInstance, CloudPort, LaunchRequest } from '@roam/engine';
import { cloudNode } from './cloud-node.js';
import { CostMeter, type PriceOverTime } from './cost-meter.js';
import { checkLaunch, type LaunchTarget } from './launch-request.js';
import type { MarketPlace, SpotMarketModel } from './market-model.js';
import { BOOT_JITTER, CLOUD_BEHAVIOUR, TERMINATE_DELAY_MS } from './providers.js';
import { reclaimReason, spotLaunchFailure, TERMINATED_BY_ROAM } from './reasons.js';
import type { PlannedReclaim, SavedInstance, SimCloudSnapshot } from './snapshot.js';
import { offeringZones } from './zones.js';

/** Options of a {@link SimCloud}. */
export interface SimCloudOptions {
  /** The time of the world, ms. */
  readonly now: () => number;
  /** Runs `fn` at time `at` (the simulator's event queue, or timers on the world clock). */
  readonly schedule: (at: number, fn: () => void) => void;
  /** What can be launched. */
  readonly catalog: Catalog;
  /** Instance ids and boot jitter; nothing else in the cloud is random. */
  readonly rng: Rng;
  /** Spot availability and prices of every place. */
  readonly market: SpotMarketModel;
  /**
   * The instances of an earlier run of the twin ({@link SimCloud.snapshot}), taken over as
   * a real cloud keeps its instances while the control plane restarts.
   */
  readonly restore?: SimCloudSnapshot;
  /** Called after every change to the instances: `snapshot()` then has it. */
  readonly onChange?: () => void;
}

/** Where an instance is in its life. */
type InstanceState = 'booting' | 'running' | 'terminating' | 'terminated' | 'failed';

/** A launched instance. */
interface Instance {
  readonly id: string;
  readonly node: string;
  state: InstanceState;
  /** Bumped when the instance's scheduled events go stale (terminate, end of life). */
  generation: number;
  /** What was asked for; none for a request refused at once. */
  request?: LaunchRequest;
  /** When a booting instance is ready. */
  bootAt?: number;
  /** When a terminating instance ends. */
  endAt?: number;
  /** The node of a running instance. */
  info?: NodeInfo;
  /** What it has cost; none for a launch that failed. */
  meter?: CostMeter;
  /** What the same time would have cost on-demand. */
  onDemandMeter?: CostMeter;
  /** When a running spot instance will be reclaimed (and told), if the model says it will. */
  reclaim?: PlannedReclaim;
  /** What was bought (for usage reports); none for a launch refused at once. */
  usage?: { market: 'spot' | 'on-demand'; gpus: number; fromMs: number; toMs?: number };
}

/** Instance time bought in one market. */
export interface MarketUsage {
  /** Instances billed (launches that failed cost nothing and are not counted). */
  readonly instances: number;
  readonly instanceHours: number;
  /** Instance-hours × GPUs per instance. */
  readonly gpuHours: number;
}

/**
 * A digital twin of AWS, GCP and Azure: the catalog's offerings, with spot markets from a
 * {@link SpotMarketModel}, driven by time it is given.
 *
 * - `market()` lists every catalog offering, with its zones filled in where the catalog
 *   names none (the market model's zones for the region, e.g. a trace's, else
 *   {@link offeringZones}) and, for offerings with a spot price, each zone's current quote.
 * - `launch` returns an instance id at once. After the cloud's boot delay
 *   ({@link CLOUD_BEHAVIOUR}, ±{@link BOOT_JITTER}) comes `ready`, or `launch-failed` when
 *   spot has no capacity then or its price is above the bid (the request's, else the
 *   on-demand price). On-demand launches always succeed: the twin models spot scarcity
 *   only. A request naming an unknown offering or zone, or spot where there is none, fails
 *   at once (as an event, never within `launch`).
 * - A running spot instance is reclaimed at the model's next withdrawal (capacity gone, or
 *   price above the bid): `interruption-notice` comes the cloud's notice before (AWS 120 s,
 *   GCP and Azure 30 s; less when the withdrawal comes sooner after boot), then
 *   `terminated` with a reason starting `reclaimed:`.
 * - `terminate` ends an instance `TERMINATE_DELAY_MS` (5 s) later with `terminated by Roam`
 *   (unless it is reclaimed before that: then the reclaim stands); nothing else is told
 *   about it afterwards. Terminating an unknown, failed or ending instance does nothing.
 * - Billing runs from the launch request to termination (clouds bill the boot too) at the
 *   on-demand price, or at the spot price as the model moves it; failed launches cost
 *   nothing.
 */
export class SimCloud implements CloudPort {
  private readonly offerings: ReadonlyMap<string, CatalogOffering>;
  private readonly held = new Map<string, Instance>();
  private readonly listeners = new Set<(e: CloudEvent) => void>();
  /** Instances booting, running or terminating. */
  private live = 0;

  constructor(private readonly options: SimCloudOptions) {
    this.offerings = new Map(
      options.catalog.offerings.map((o) => [
        offeringId(o),
        {
          ...o,
          zones:
            o.zones.length > 0
              ? o.zones
              : (options.market.zones?.(o.cloud, o.region) ?? offeringZones(o)),
        },
      ]),
    );
    for (const saved of options.restore?.instances ?? []) this.restoreInstance(saved);
  }

  market(): MarketOffering[] {
    const now = this.options.now();
    return [...this.offerings.values()].map((offering) => ({
      offering,
      spot: new Map(
        offering.spotPerHourMicros === undefined
          ? []
          : offering.zones.map((zone) => [
              zone,
              this.options.market.quote({ offering, zone }, now),
            ]),
      ),
    }));
  }

  launch(request: LaunchRequest): string {
    const suffix = this.freshSuffix();
    const id = `sim-${suffix}`;
    const target = checkLaunch(request, this.offerings);
    const now = this.options.now();
    if (typeof target === 'string') {
      this.refuse(id, target);
      return id;
    }
    const { cloud } = target.offering;
    const jitter = 1 + BOOT_JITTER * (2 * this.options.rng.next() - 1);
    const bootAt = now + Math.round(CLOUD_BEHAVIOUR[cloud].bootMs * jitter);
    const instance = this.billed(
      { id, node: `${request.pool}-${cloud}-${suffix}`, state: 'booting', generation: 0, request },
      target,
    );
    this.scheduleBoot(instance, target, bootAt);
    this.options.onChange?.();
    return id;
  }

  instances(): CloudInstance[] {
    const now = this.options.now();
    const out: CloudInstance[] = [];
    for (const i of this.held.values()) {
      if (!isLive(i)) continue;
      const told = i.reclaim !== undefined && i.reclaim.noticeAt <= now;
      out.push({
        instanceId: i.id,
        state: i.state,
        request: i.request,
        ...(i.info ? { node: i.info } : {}),
        ...(told ? { reclaimAt: i.reclaim?.at } : {}),
      });
    }
    return out;
  }

  /**
   * What the twin holds now, to restore it later (`restore`): every instance booting,
   * running or terminating, with its boot, reclaim or end to come. O(instances).
   */
  snapshot(): SimCloudSnapshot {
    const saved: SavedInstance[] = [];
    for (const i of this.held.values()) {
      if (!isLive(i)) continue;
      saved.push({
        id: i.id,
        node: i.node,
        state: i.state,
        request: i.request,
        ...(i.bootAt !== undefined ? { bootAt: i.bootAt } : {}),
        ...(i.endAt !== undefined ? { endAt: i.endAt } : {}),
        ...(i.info ? { info: i.info } : {}),
        ...(i.reclaim ? { reclaim: i.reclaim } : {}),
      });
    }
    return { version: 1, at: this.options.now(), instances: saved };
  }

  terminate(instanceId: string): void {
    const instance = this.held.get(instanceId);
    if (instance === undefined || (instance.state !== 'booting' && instance.state !== 'running'))
      return;
    instance.state = 'terminating';
    const at = this.options.now() + TERMINATE_DELAY_MS;
    if (instance.reclaim === undefined || instance.reclaim.at > at) this.scheduleEnd(instance, at);
    this.options.onChange?.();
  }

  subscribe(listener: (e: CloudEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** What an instance has cost so far, micro-dollars; undefined for an id never launched. */
  costSoFarMicros(instanceId: string): number | undefined {
    const instance = this.held.get(instanceId);
    if (instance === undefined) return undefined;
    return instance.meter?.costAt(this.options.now()) ?? 0;
  }

  /** Instances booting, running or terminating now. O(1). */
  liveInstances(): number {
    return this.live;
  }

  /** What every instance launched so far has cost, micro-dollars. */
  totalCostMicros(): number {
    const now = this.options.now();
    let total = 0;
    for (const instance of this.held.values()) total += instance.meter?.costAt(now) ?? 0;
    return total;
  }

  /** Instance time bought so far, by market (billed from launch to termination). O(instances). */
  usage(): Record<'spot' | 'on-demand', MarketUsage> {
    const now = this.options.now();
    const out = {
      spot: { instances: 0, instanceHours: 0, gpuHours: 0 },
      'on-demand': { instances: 0, instanceHours: 0, gpuHours: 0 },
    };
    for (const { usage } of this.held.values()) {
      if (!usage) continue;
      const hours = ((usage.toMs ?? now) - usage.fromMs) / MS_PER_HOUR;
      const m = out[usage.market];
      m.instances++;
      m.instanceHours += hours;
      m.gpuHours += hours * usage.gpus;
    }
    return out;
  }

  /** What the same instances, for the same time, would have cost all on-demand, micro-dollars. */
  onDemandEquivalentMicros(): number {
    const now = this.options.now();
    let total = 0;
    for (const instance of this.held.values()) total += instance.onDemandMeter?.costAt(now) ?? 0;
    return total;
  }

  /** A request refused at once: `launch-failed` now, nothing billed. */
  private refuse(id: string, reason: string): void {
    this.held.set(id, { id, node: '', state: 'failed', generation: 0 });
    this.options.schedule(this.options.now(), () =>
      this.emit({ type: 'launch-failed', instanceId: id, reason }),
    );
  }

  /** Adds a live instance, billed from now. */
  private billed(instance: Instance, target: LaunchTarget): Instance {
    const now = this.options.now();
    instance.meter = new CostMeter(this.priceOf(target), now);
    instance.onDemandMeter = new CostMeter(
      constantPrice(target.offering.onDemandPerHourMicros),
      now,
    );
    instance.usage = { market: target.market, gpus: target.offering.gpuCount, fromMs: now };
    this.held.set(instance.id, instance);
    this.live++;
    return instance;
  }

  private scheduleBoot(instance: Instance, target: LaunchTarget, at: number): void {
    instance.bootAt = at;
    const generation = instance.generation;
    this.options.schedule(at, () => {
      if (instance.generation === generation) this.boot(instance, target);
    });
  }

  private scheduleEnd(instance: Instance, at: number): void {
    instance.endAt = at;
    const generation = ++instance.generation;
    this.options.schedule(at, () => {
      if (instance.generation === generation) this.end(instance, TERMINATED_BY_ROAM);
    });
  }

  private boot(instance: Instance, target: LaunchTarget): void {
    const now = this.options.now();
    delete instance.bootAt;
    let price = target.offering.onDemandPerHourMicros;
    if (target.market === 'spot') {
      const quote = this.options.market.quote(placeOf(target), now);
      price = quote.pricePerHourMicros;
      if (!quote.available || price > target.bidPerHourMicros) {
        instance.state = 'failed';
        this.live--;
        delete instance.meter;
        delete instance.onDemandMeter;
        delete instance.usage;
        const reason = spotLaunchFailure(
          target.offering,
          target.zone,
          price,
          target.bidPerHourMicros,
          quote.available,
        );
        this.options.onChange?.();
        this.emit({ type: 'launch-failed', instanceId: instance.id, reason });
        return;
      }
    }
    instance.state = 'running';
    const request = instance.request as LaunchRequest;
    const node = cloudNode({
      name: instance.node,
      pool: request.pool,
      instanceId: instance.id,
      labels: request.labels,
      target,
      pricePerHourMicros: price,
    });
    instance.info = node;
    this.emit({ type: 'ready', instanceId: instance.id, node });
    if (target.market === 'spot') this.planReclaim(instance, target, now);
    this.options.onChange?.();
  }

  /** Plans the reclaim of a running spot instance, as the model has it, and schedules it. */
  private planReclaim(
    instance: Instance,
    target: LaunchTarget & { market: 'spot' },
    from: number,
  ): void {
    const withdrawal = this.options.market.nextWithdrawal(
      placeOf(target),
      from,
      target.bidPerHourMicros,
    );
    if (withdrawal === undefined) return;
    const noticeAt = Math.max(
      from,
      withdrawal.at - CLOUD_BEHAVIOUR[target.offering.cloud].noticeMs,
    );
    const notice = withdrawal.at - noticeAt;
    instance.reclaim = {
      at: withdrawal.at,
      noticeAt,
      reason: reclaimReason(
        target.offering,
        target.zone,
        withdrawal,
        target.bidPerHourMicros,
        notice,
      ),
    };
    this.scheduleReclaim(instance, instance.reclaim);
  }

  /** Schedules the notice (if still to come) and the reclaim of a running spot instance. */
  private scheduleReclaim(instance: Instance, reclaim: PlannedReclaim): void {
    const now = this.options.now();
    const generation = instance.generation;
    this.options.schedule(Math.max(now, reclaim.noticeAt), () => {
      if (instance.generation !== generation) return;
      this.emit({
        type: 'interruption-notice',
        instanceId: instance.id,
        node: instance.node,
        at: reclaim.at,
      });
    });
    this.options.schedule(Math.max(now, reclaim.at), () => {
      if (instance.generation === generation) this.end(instance, reclaim.reason);
    });
  }

  /**
   * Takes over an instance of an earlier run of the twin. Its boot, reclaim or end comes
   * when it was due (at once if that passed while the twin was down); a spot instance whose
   * reclaim came in between is gone, and one with none planned gets one from the market
   * now. Billing starts again now. An instance whose offering left the catalog fails.
   */
  private restoreInstance(saved: SavedInstance): void {
    const target = checkLaunch(saved.request, this.offerings);
    if (typeof target === 'string') {
      this.refuse(saved.id, `taken over after a restart, but ${target}`);
      return;
    }
    const now = this.options.now();
    if (saved.reclaim !== undefined && saved.reclaim.at <= now) return;
    const instance = this.billed(
      { id: saved.id, node: saved.node, state: saved.state, generation: 0, request: saved.request },
      target,
    );
    if (saved.state === 'booting') {
      this.scheduleBoot(instance, target, Math.max(now, saved.bootAt ?? now));
      return;
    }
    if (saved.info) instance.info = saved.info;
    if (saved.reclaim !== undefined) {
      instance.reclaim = saved.reclaim;
      this.scheduleReclaim(instance, saved.reclaim);
    } else if (saved.state === 'running' && target.market === 'spot')
      this.planReclaim(instance, target, now);
    if (saved.state === 'terminating' && (saved.reclaim === undefined || saved.endAt !== undefined))
      this.scheduleEnd(instance, Math.max(now, saved.endAt ?? now));
  }

  private end(instance: Instance, reason: string): void {
    instance.state = 'terminated';
    this.live--;
    instance.generation++;
    instance.meter?.stop(this.options.now());
    instance.onDemandMeter?.stop(this.options.now());
    if (instance.usage) instance.usage.toMs = this.options.now();
    this.options.onChange?.();
    this.emit({ type: 'terminated', instanceId: instance.id, node: instance.node, reason });
  }

  private priceOf(target: LaunchTarget): PriceOverTime {
    if (target.market === 'on-demand') return constantPrice(target.offering.onDemandPerHourMicros);
    const place = placeOf(target);
    return {
      priceAt: (t) => this.options.market.quote(place, t).pricePerHourMicros,
      nextChange: (t) => this.options.market.nextPriceChange(place, t),
    };
  }

  /** Eight hex digits from the rng, unused so far: instance ids and node names end in them. */
  private freshSuffix(): string {
    for (;;) {
      const suffix = this.options.rng.int(0x1_0000_0000).toString(16).padStart(8, '0');
      if (!this.held.has(`sim-${suffix}`)) return suffix;
    }
  }

  private emit(e: CloudEvent): void {
    for (const listener of [...this.listeners]) listener(e);
  }
}

/** An instance booting, running or terminating (not one that ended or failed). */
function isLive(
  i: Instance,
): i is Instance & { request: LaunchRequest; state: 'booting' | 'running' | 'terminating' } {
  return (
    i.request !== undefined &&
    (i.state === 'booting' || i.state === 'running' || i.state === 'terminating')
  );
}

function placeOf(target: LaunchTarget): MarketPlace {
  return { offering: target.offering, zone: target.zone };
}

/** A price that never changes. */
function constantPrice(microsPerHour: number): PriceOverTime {
  return { priceAt: () => microsPerHour, nextChange: () => undefined };
}
