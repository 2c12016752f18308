import {
  MS_PER_HOUR,
  offeringId,
  type Catalog,
  type CatalogOffering,
  type MarketOffering,
  type Rng,
} from '@roam/core';
import type { CloudEvent, CloudPort, LaunchRequest } from '@roam/engine';
import { cloudNode } from './cloud-node.js';
import { CostMeter, type PriceOverTime } from './cost-meter.js';
import { checkLaunch, type LaunchTarget } from './launch-request.js';
import type { MarketPlace, SpotMarketModel } from './market-model.js';
import { BOOT_JITTER, CLOUD_BEHAVIOUR, TERMINATE_DELAY_MS } from './providers.js';
import { reclaimReason, spotLaunchFailure, TERMINATED_BY_ROAM } from './reasons.js';
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
  /** What it has cost; none for a launch that failed. */
  meter?: CostMeter;
  /** What the same time would have cost on-demand. */
  onDemandMeter?: CostMeter;
  /** When a running spot instance will be reclaimed, if the model says it will. */
  reclaimAt?: number;
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
 * - `market()` lists every catalog offering, with its zones filled in ({@link offeringZones})
 *   and, for offerings with a spot price, each zone's current quote.
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
  private readonly instances = new Map<string, Instance>();
  private readonly listeners = new Set<(e: CloudEvent) => void>();
  /** Instances booting, running or terminating. */
  private live = 0;

  constructor(private readonly options: SimCloudOptions) {
    this.offerings = new Map(
      options.catalog.offerings.map((o) => [offeringId(o), { ...o, zones: offeringZones(o) }]),
    );
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
      this.instances.set(id, { id, node: '', state: 'failed', generation: 0 });
      this.options.schedule(now, () =>
        this.emit({ type: 'launch-failed', instanceId: id, reason: target }),
      );
      return id;
    }
    const { cloud } = target.offering;
    const instance: Instance = {
      id,
      node: `${request.pool}-${cloud}-${suffix}`,
      state: 'booting',
      generation: 0,
      meter: new CostMeter(this.priceOf(target), now),
      onDemandMeter: new CostMeter(constantPrice(target.offering.onDemandPerHourMicros), now),
      usage: { market: target.market, gpus: target.offering.gpuCount, fromMs: now },
    };
    this.instances.set(id, instance);
    this.live++;
    const jitter = 1 + BOOT_JITTER * (2 * this.options.rng.next() - 1);
    const bootMs = Math.round(CLOUD_BEHAVIOUR[cloud].bootMs * jitter);
    const generation = instance.generation;
    this.options.schedule(now + bootMs, () => this.boot(instance, request, target, generation));
    return id;
  }

  terminate(instanceId: string): void {
    const instance = this.instances.get(instanceId);
    if (instance === undefined || (instance.state !== 'booting' && instance.state !== 'running'))
      return;
    instance.state = 'terminating';
    const at = this.options.now() + TERMINATE_DELAY_MS;
    if (instance.reclaimAt !== undefined && instance.reclaimAt <= at) return;
    const generation = ++instance.generation;
    this.options.schedule(at, () => {
      if (instance.generation === generation) this.end(instance, TERMINATED_BY_ROAM);
    });
  }

  subscribe(listener: (e: CloudEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** What an instance has cost so far, micro-dollars; undefined for an id never launched. */
  costSoFarMicros(instanceId: string): number | undefined {
    const instance = this.instances.get(instanceId);
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
    for (const instance of this.instances.values()) total += instance.meter?.costAt(now) ?? 0;
    return total;
  }

  /** Instance time bought so far, by market (billed from launch to termination). O(instances). */
  usage(): Record<'spot' | 'on-demand', MarketUsage> {
    const now = this.options.now();
    const out = {
      spot: { instances: 0, instanceHours: 0, gpuHours: 0 },
      'on-demand': { instances: 0, instanceHours: 0, gpuHours: 0 },
    };
    for (const { usage } of this.instances.values()) {
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
    for (const instance of this.instances.values())
      total += instance.onDemandMeter?.costAt(now) ?? 0;
    return total;
  }

  private boot(
    instance: Instance,
    request: LaunchRequest,
    target: LaunchTarget,
    generation: number,
  ): void {
    if (instance.generation !== generation) return;
    const now = this.options.now();
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
        this.emit({ type: 'launch-failed', instanceId: instance.id, reason });
        return;
      }
    }
    instance.state = 'running';
    const node = cloudNode({
      name: instance.node,
      pool: request.pool,
      instanceId: instance.id,
      labels: request.labels,
      target,
      pricePerHourMicros: price,
    });
    this.emit({ type: 'ready', instanceId: instance.id, node });
    if (target.market === 'spot') this.planReclaim(instance, target, now);
  }

  /** Schedules the notice and the reclaim of a running spot instance, as the model has them. */
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
    instance.reclaimAt = withdrawal.at;
    const noticeAt = Math.max(
      from,
      withdrawal.at - CLOUD_BEHAVIOUR[target.offering.cloud].noticeMs,
    );
    const generation = instance.generation;
    this.options.schedule(noticeAt, () => {
      if (instance.generation !== generation) return;
      this.emit({
        type: 'interruption-notice',
        instanceId: instance.id,
        node: instance.node,
        at: withdrawal.at,
      });
    });
    this.options.schedule(withdrawal.at, () => {
      if (instance.generation !== generation) return;
      const notice = withdrawal.at - noticeAt;
      this.end(
        instance,
        reclaimReason(target.offering, target.zone, withdrawal, target.bidPerHourMicros, notice),
      );
    });
  }

  private end(instance: Instance, reason: string): void {
    instance.state = 'terminated';
    this.live--;
    instance.generation++;
    instance.meter?.stop(this.options.now());
    instance.onDemandMeter?.stop(this.options.now());
    if (instance.usage) instance.usage.toMs = this.options.now();
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
      if (!this.instances.has(`sim-${suffix}`)) return suffix;
    }
  }

  private emit(e: CloudEvent): void {
    for (const listener of [...this.listeners]) listener(e);
  }
}

function placeOf(target: LaunchTarget): MarketPlace {
  return { offering: target.offering, zone: target.zone };
}

/** A price that never changes. */
function constantPrice(microsPerHour: number): PriceOverTime {
  return { priceAt: () => microsPerHour, nextChange: () => undefined };
}
