import {
  DescribeInstancesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSpotPriceHistoryCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Instance as Ec2Instance,
  type RunInstancesCommandInput,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import {
  offeringId,
  type Catalog,
  type CatalogOffering,
  type MarketOffering,
  type NodeInfo,
} from '@roam/core';
import type { CloudEvent, CloudInstance, CloudPort, LaunchRequest } from '@roam/engine';
import { randomUUID } from 'node:crypto';
import { systemTimers, type Timers } from '../../runtime/simulated-runtime.js';
import { cloudNode } from '../cloud-node.js';
import { checkLaunch } from '../launch-request.js';
import { CLOUD_BEHAVIOUR } from '../providers.js';
import { TERMINATED_BY_ROAM } from '../reasons.js';
import type { AwsCloudConfig } from './config.js';
import {
  micros,
  reclaimedBySpot,
  requestOf,
  runInstancesInput,
  stateReason,
  TAGS,
} from './ec2-mapping.js';

/** The part of an `EC2Client` the adapter uses (one per region). */
export type Ec2Api = Pick<EC2Client, 'send'>;

/** Options of an {@link AwsCloud}. */
export interface AwsCloudOptions {
  readonly config: AwsCloudConfig;
  /** The catalog: its AWS offerings in the configured regions are what can be launched. */
  readonly catalog: Catalog;
  /** The EC2 client of a region (`new EC2Client({ region })` with the default credentials). */
  readonly client: (region: string) => Ec2Api;
  /** Wall-clock time, ms. */
  readonly now: () => number;
  readonly timers?: Timers;
  /** Told when a call to EC2 fails outside a launch (polls, terminations). */
  readonly onError?: (e: Error) => void;
}

/** What the adapter knows of one instance. */
interface Tracked {
  readonly id: string;
  readonly request: LaunchRequest;
  readonly region: string;
  state: 'booting' | 'running' | 'terminating' | 'ended';
  ec2Id?: string;
  spotRequestId?: string;
  node?: NodeInfo;
  reclaimAt?: number;
  /** Roam asked for it to end (before RunInstances answered, it ends once it has). */
  terminateAsked: boolean;
}

/** EC2 instance states that mean the instance is ending or gone. */
const ENDING = new Set(['shutting-down', 'terminated', 'stopping', 'stopped']);

/**
 * The CloudPort on Amazon EC2, with the official SDK. Each launch is one `RunInstances`
 * call (the region's launch template, the zone's subnet, spot one-time at most the bid, or
 * on-demand), tagged `roam.dev/*` so that every instance can be found and read back; the
 * id it returns at once is also the call's idempotency token. A poll every
 * `pollSeconds` reads the tagged instances (`DescribeInstances`: pending → booting,
 * running → `ready`, ended → `terminated` or `launch-failed`), the spot requests of
 * running spot instances (`marked-for-termination` → `interruption-notice`, the
 * instance going 120 s after EC2 marked it), and the latest spot prices
 * (`DescribeSpotPriceHistory`). EC2 publishes no spot capacity, so every zone with a spot
 * price is quoted as available; a launch refused for capacity tells the rest.
 *
 * Not exercised against a real AWS account here: the tests drive it through a fake EC2 at
 * the level of the SDK's commands (docs/capacity.md).
 */
export class AwsCloud implements CloudPort {
  private readonly offerings: ReadonlyMap<string, CatalogOffering>;
  private readonly tracked = new Map<string, Tracked>();
  private readonly listeners = new Set<(e: CloudEvent) => void>();
  /** Latest spot price per `region/instanceType/zone`, micro-dollars per hour. */
  private readonly prices = new Map<string, number>();
  private timer: unknown;
  private running = false;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: AwsCloudOptions) {
    const offerings = new Map<string, CatalogOffering>();
    for (const o of options.catalog.offerings) {
      const region = options.config.regions[o.region];
      if (o.cloud !== 'aws' || region === undefined) continue;
      offerings.set(offeringId(o), { ...o, zones: Object.keys(region.subnets) });
    }
    this.offerings = offerings;
  }

  market(): MarketOffering[] {
    return [...this.offerings.values()].map((offering) => ({
      offering,
      spot: new Map(
        offering.zones.flatMap((zone) => {
          const price = this.prices.get(priceKey(offering.region, offering.instanceType, zone));
          return price === undefined
            ? []
            : [[zone, { available: true, pricePerHourMicros: price }]];
        }),
      ),
    }));
  }

  launch(request: LaunchRequest): string {
    const id = `roam-${randomUUID()}`;
    const prepared = this.prepare(id, request);
    if (typeof prepared === 'string') {
      queueMicrotask(() => this.emit({ type: 'launch-failed', instanceId: id, reason: prepared }));
      return id;
    }
    const { t, input } = prepared;
    this.tracked.set(id, t);
    this.options
      .client(t.region)
      .send(new RunInstancesCommand(input))
      .then(
        (out) => {
          const instance = out.Instances?.[0];
          if (instance !== undefined) this.learnIds(t, instance);
          if (t.terminateAsked) this.terminateNow(t);
        },
        (e: Error) => {
          t.state = 'ended';
          this.emit({
            type: 'launch-failed',
            instanceId: id,
            reason: `EC2 refused the launch: ${e.name}: ${e.message}`,
          });
        },
      );
    return id;
  }

  /** What to track and ask EC2 for a launch, or why it cannot be launched. */
  private prepare(
    id: string,
    request: LaunchRequest,
  ): { t: Tracked; input: RunInstancesCommandInput } | string {
    const target = checkLaunch(request, this.offerings);
    if (typeof target === 'string') return target;
    const region = target.offering.region;
    const config = this.options.config.regions[region];
    if (config === undefined) return `region ${region} is not configured`;
    const asked = { ...request, zone: target.zone };
    const input = runInstancesInput(id, asked, target.offering.instanceType, config);
    if (typeof input === 'string') return input;
    return { t: { id, request: asked, region, state: 'booting', terminateAsked: false }, input };
  }

  terminate(instanceId: string): void {
    const t = this.tracked.get(instanceId);
    if (t === undefined || t.state === 'ended' || t.terminateAsked) return;
    t.terminateAsked = true;
    if (t.state === 'running') t.state = 'terminating';
    if (t.ec2Id !== undefined) this.terminateNow(t);
  }

  instances(): CloudInstance[] {
    const out: CloudInstance[] = [];
    for (const t of this.tracked.values()) {
      if (t.state === 'ended') continue;
      out.push({
        instanceId: t.id,
        state: t.terminateAsked ? 'terminating' : t.state,
        request: t.request,
        ...(t.node ? { node: t.node } : {}),
        ...(t.reclaimAt !== undefined ? { reclaimAt: t.reclaimAt } : {}),
      });
    }
    return out;
  }

  subscribe(listener: (e: CloudEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Reads EC2 once: instances, spot requests, spot prices, in every configured region;
   * changes become events. Concurrent calls share one poll. Call it once before the
   * control plane starts, so that `instances()` holds what EC2 already runs for Roam.
   */
  poll(): Promise<void> {
    this.polling ??= Promise.all(
      Object.keys(this.options.config.regions).map((region) => this.pollRegion(region)),
    )
      .then(() => undefined)
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }

  /** Polls every `pollSeconds` until `close`; failures go to `onError` and the next poll. */
  start(): void {
    const timers = this.options.timers ?? systemTimers;
    this.running = true;
    const next = (): void => {
      if (!this.running) return;
      this.timer = timers.setTimeout(() => {
        this.poll().then(next, (e: Error) => {
          this.options.onError?.(e);
          next();
        });
      }, this.options.config.pollSeconds * 1000);
    };
    next();
  }

  /** Stops polling (a poll under way finishes, and none follows). */
  close(): void {
    this.running = false;
    if (this.timer !== undefined) (this.options.timers ?? systemTimers).clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async pollRegion(region: string): Promise<void> {
    const client = this.options.client(region);
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const out = await client.send(
        new DescribeInstancesCommand({
          Filters: [{ Name: 'tag-key', Values: [TAGS.launchId] }],
          ...(token !== undefined ? { NextToken: token } : {}),
        }),
      );
      for (const r of out.Reservations ?? [])
        for (const instance of r.Instances ?? []) {
          const id = this.observe(region, instance);
          if (id !== undefined) seen.add(id);
        }
      token = out.NextToken;
    } while (token !== undefined);
    this.missing(region, seen);
    await this.pollSpotRequests(region, client);
    await this.pollPrices(region, client);
  }

  /** Takes in one instance EC2 listed; returns its launch id if it is Roam's. */
  private observe(region: string, instance: Ec2Instance): string | undefined {
    const found = requestOf(instance);
    if (found === undefined) return undefined;
    const ec2State = instance.State?.Name ?? 'pending';
    let t = this.tracked.get(found.id);
    if (t === undefined) {
      // Launched by an earlier run of Roam: taken over as it is, without events.
      if (ENDING.has(ec2State)) return found.id;
      t = { id: found.id, request: found.request, region, state: 'booting', terminateAsked: false };
      this.tracked.set(found.id, t);
      this.learnIds(t, instance);
      if (ec2State === 'running') {
        t.state = 'running';
        const node = this.nodeOf(t, instance);
        if (node !== undefined) t.node = node;
      }
      return found.id;
    }
    this.learnIds(t, instance);
    if (t.state === 'ended') return found.id;
    if (ENDING.has(ec2State)) this.ended(t, instance);
    else if (ec2State === 'running' && t.state === 'booting' && !t.terminateAsked) {
      // Launched for an offering of the catalog, so it has a node.
      const node = this.nodeOf(t, instance) as NodeInfo;
      t.state = 'running';
      t.node = node;
      this.emit({ type: 'ready', instanceId: t.id, node });
    }
    return found.id;
  }

  private learnIds(t: Tracked, instance: Ec2Instance): void {
    if (instance.InstanceId !== undefined) t.ec2Id = instance.InstanceId;
    if (instance.SpotInstanceRequestId !== undefined)
      t.spotRequestId = instance.SpotInstanceRequestId;
  }

  /** An instance EC2 shows ending: `launch-failed` if it never ran, else `terminated`. */
  private ended(t: Tracked, instance: Ec2Instance): void {
    const wasReady = t.node !== undefined;
    t.state = 'ended';
    if (!wasReady && !t.terminateAsked) {
      this.emit({
        type: 'launch-failed',
        instanceId: t.id,
        reason: `EC2: ${stateReason(instance)}`,
      });
      return;
    }
    const reason = t.terminateAsked
      ? TERMINATED_BY_ROAM
      : reclaimedBySpot(instance)
        ? `reclaimed: EC2 took the spot capacity back in ${t.request.zone} (${stateReason(instance)})`
        : `ended outside Roam: ${stateReason(instance)}`;
    this.emit({ type: 'terminated', instanceId: t.id, node: t.node?.name ?? '', reason });
  }

  /**
   * Instances of the region Roam knows to have run that EC2 no longer lists (it forgets
   * terminated ones after about an hour): ended. Booting ones may not be listed yet.
   */
  private missing(region: string, seen: ReadonlySet<string>): void {
    for (const t of this.tracked.values()) {
      if (t.region !== region || seen.has(t.id)) continue;
      if (t.state !== 'running' && t.state !== 'terminating') continue;
      t.state = 'ended';
      this.emit({
        type: 'terminated',
        instanceId: t.id,
        node: t.node?.name ?? '',
        reason: t.terminateAsked
          ? TERMINATED_BY_ROAM
          : 'ended outside Roam: EC2 no longer lists it',
      });
    }
  }

  /** Spot requests EC2 has marked for termination: the instance goes 120 s after. */
  private async pollSpotRequests(region: string, client: Ec2Api): Promise<void> {
    const watched = [...this.tracked.values()].filter(
      (t) => t.region === region && t.state === 'running' && t.spotRequestId !== undefined,
    );
    if (watched.length === 0) return;
    const out = await client.send(
      new DescribeSpotInstanceRequestsCommand({
        SpotInstanceRequestIds: watched.map((t) => t.spotRequestId as string),
      }),
    );
    const noticeMs = CLOUD_BEHAVIOUR.aws.noticeMs;
    for (const r of out.SpotInstanceRequests ?? []) {
      const t = watched.find((w) => w.spotRequestId === r.SpotInstanceRequestId);
      if (t === undefined || t.reclaimAt !== undefined) continue;
      if (r.Status?.Code !== 'marked-for-termination') continue;
      t.reclaimAt = (r.Status.UpdateTime?.getTime() ?? this.options.now()) + noticeMs;
      this.emit({
        type: 'interruption-notice',
        instanceId: t.id,
        node: t.node?.name ?? '',
        at: t.reclaimAt,
      });
    }
  }

  /** The latest spot price of every offered type in every configured zone of the region. */
  private async pollPrices(region: string, client: Ec2Api): Promise<void> {
    const types = [...this.offerings.values()]
      .filter((o) => o.region === region && o.spotPerHourMicros !== undefined)
      .map((o) => o.instanceType as _InstanceType);
    if (types.length === 0) return;
    const latest = new Map<string, { at: number; price: number }>();
    let token: string | undefined;
    do {
      const out = await client.send(
        new DescribeSpotPriceHistoryCommand({
          InstanceTypes: types,
          ProductDescriptions: ['Linux/UNIX'],
          StartTime: new Date(this.options.now()),
          ...(token !== undefined ? { NextToken: token } : {}),
        }),
      );
      for (const p of out.SpotPriceHistory ?? []) {
        const price = micros(p.SpotPrice);
        if (price === undefined || p.InstanceType === undefined || p.AvailabilityZone === undefined)
          continue;
        const key = priceKey(region, p.InstanceType, p.AvailabilityZone);
        const at = p.Timestamp?.getTime() ?? 0;
        if ((latest.get(key)?.at ?? -1) <= at) latest.set(key, { at, price });
      }
      token = out.NextToken !== '' ? out.NextToken : undefined;
    } while (token !== undefined);
    for (const [key, { price }] of latest) this.prices.set(key, price);
  }

  /**
   * The node of a running instance; undefined (and told to `onError`) for one taken over
   * whose offering or zone the catalog and configuration no longer have.
   */
  private nodeOf(t: Tracked, instance: Ec2Instance): NodeInfo | undefined {
    const target = checkLaunch(t.request, this.offerings);
    if (typeof target === 'string') {
      this.options.onError?.(
        new Error(`instance ${instance.InstanceId ?? t.id} cannot be a node: ${target}`),
      );
      return undefined;
    }
    const spot = this.prices.get(priceKey(t.region, target.offering.instanceType, target.zone));
    return cloudNode({
      name: `${t.request.pool}-${instance.InstanceId ?? t.id}`,
      pool: t.request.pool,
      instanceId: t.id,
      labels: t.request.labels,
      target,
      pricePerHourMicros:
        target.market === 'spot'
          ? (spot ?? target.offering.spotPerHourMicros ?? target.offering.onDemandPerHourMicros)
          : target.offering.onDemandPerHourMicros,
    });
  }

  private terminateNow(t: Tracked): void {
    this.options
      .client(t.region)
      .send(new TerminateInstancesCommand({ InstanceIds: [t.ec2Id as string] }))
      .catch((e: Error) => this.options.onError?.(e));
  }

  private emit(e: CloudEvent): void {
    for (const listener of [...this.listeners]) listener(e);
  }
}

function priceKey(region: string, instanceType: string, zone: string): string {
  return `${region}/${instanceType}/${zone}`;
}
