import {
  ClusterState,
  defaultSchedulerConfig,
  formatDocumentError,
  SeededRng,
  staticPoolNodes,
  toNodeInfo,
  toPoolInfo,
  toQueueInfo,
  toWorkloadInfo,
  validateResource,
  type AnyResource,
  type Node,
  type NodeInfo,
  type Colony,
  type NodePool,
  type Queue,
  type ScheduleResult,
  type SchedulerConfig,
  type Workload,
} from '@roam/core';
import { SimulatedRuntime, systemTimers, type Timers } from '@roam/adapters';
import {
  CapacityManager,
  ConflictError,
  Engine,
  isFinished,
  NEEDS_NO_CYCLE,
  type CapacityEvent,
  type CapacityOptions,
  type CloudPort,
  type EngineEvent,
  type EventSink,
  type Store,
  type StoredObject,
} from '@roam/engine';
import {
  assertKindWritable,
  assertQueueChange,
  assertWorkloadAccess,
  canRead,
} from '../auth/access.js';
import type { Principal } from '../auth/tokens.js';
import { ApiError, errors } from '../http/errors.js';
import { keyOf, prepareForStore, present, rfc3339, workloadStatus, type Doc } from './documents.js';
import { KeyedMutex } from './keyed-mutex.js';
import { ObjectCache } from './object-cache.js';
import { recover } from './recover.js';
import { WatchHub, type EventView, type WatchEvent } from './watch.js';
import { WorldClock } from './world-clock.js';
import { WorldTimers } from './world-timers.js';

/** What a control plane is built from. */
export interface ControlPlaneOptions {
  readonly store: Store;
  /** World time runs this many times faster than real time (default 1). */
  readonly speed?: number;
  readonly seed?: number;
  readonly config?: SchedulerConfig;
  readonly timers?: Timers;
  /** Real time, ms (default Date.now). */
  readonly realNow?: () => number;
  /** Keep this many recent events in memory for queries (default 10,000). */
  readonly eventMemory?: number;
  /**
   * Cloud capacity for elastic pools, made on the control plane's world time (the
   * simulated multi-cloud until real adapters come).
   */
  readonly cloud?: (world: WorldTimers) => CloudPort;
  /** Mover settings (defaults: the core's). */
  readonly mover?: CapacityOptions['mover'];
}

/** Kind of the stored document holding the world clock. */
const META = 'RoamMeta';
const CLOCK_KEY = 'clock';
/** Delay before a cycle after a change, ms of real time: batches bursts of requests. */
const CYCLE_DELAY_MS = 10;
/** A cycle runs at least this often (real ms) while anything is pending. */
const TICK_MS = 1000;

/**
 * The live control plane: the engine on the world clock, every accepted resource in the
 * durable store (written before the request is acknowledged), the engine's decisions
 * written back as workload status and events, and a watch hub for live updates. Writes
 * to one object are serialised; writes to different objects commit together.
 */
export class ControlPlane implements EventSink {
  readonly watch = new WatchHub();
  readonly clock: WorldClock;
  readonly state: ClusterState;
  readonly engine: Engine;
  readonly runtime: SimulatedRuntime;
  private readonly cache = new ObjectCache();
  private readonly mutex = new KeyedMutex();
  private readonly timers: Timers;
  private readonly recentEvents: EventView[] = [];
  private readonly unsavedEvents: { at: number; data: EventView }[] = [];
  private readonly dirty = new Set<string>();
  private cycleTimer: unknown;
  private tickTimer: unknown;
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** The latest cycle's result (fair shares, pending reasons). */
  lastResult: ScheduleResult | undefined;
  /** Counters of what the engine did, for metrics. */
  readonly counters = {
    placements: 0,
    preemptions: 0,
    reclaims: 0,
    migrations: 0,
    completions: 0,
    failures: 0,
  };

  private constructor(
    private readonly store: Store,
    options: ControlPlaneOptions,
    worldStart: number,
  ) {
    this.timers = options.timers ?? systemTimers;
    const speed = options.speed ?? 1;
    this.clock = new WorldClock(speed, worldStart, options.realNow);
    this.state = new ClusterState();
    this.runtime = new SimulatedRuntime(
      this.clock,
      speed,
      (key) => this.durationOf(key),
      this.timers,
    );
    this.engine = new Engine({
      state: this.state,
      config: options.config ?? defaultSchedulerConfig(),
      clock: this.clock,
      rng: new SeededRng(options.seed ?? 1),
      runtime: this.runtime,
      sink: this,
    });
    this.runtime.attach(this.engine);
    this.eventMemory = options.eventMemory ?? 10_000;
    this.worldTimers = new WorldTimers(this.clock, this.timers);
    this.capacity = options.cloud
      ? new CapacityManager({
          engine: this.engine,
          cloud: options.cloud(this.worldTimers),
          now: () => this.clock.now(),
          ...(options.mover ? { mover: options.mover } : {}),
          onEvent: (e) => this.onCapacity(e),
        })
      : undefined;
  }

  /** Elastic capacity (launches, reclaims, moves), when a cloud is configured. */
  readonly capacity: CapacityManager | undefined;
  private readonly worldTimers: WorldTimers;

  private readonly eventMemory: number;

  /** Opens a control plane on a store: loads everything and takes over running work. */
  static async open(options: ControlPlaneOptions): Promise<ControlPlane> {
    const realNow = options.realNow ?? Date.now;
    const saved = (await options.store.get(META, CLOCK_KEY))?.doc as
      { worldTime?: number } | undefined;
    const plane = new ControlPlane(
      options.store,
      options,
      Math.max(realNow(), saved?.worldTime ?? 0),
    );
    await recover(plane, options.store);
    plane.startTicking();
    plane.requestCycle();
    return plane;
  }

  // ---- reads ----

  /** Objects of a kind the principal may see, as clients see them. */
  list(kind: string, p: Principal): Doc[] {
    return this.cache
      .list(kind)
      .filter((o) => canRead(p, kind, queueOfStored(o)))
      .map(present);
  }

  /** One object, or 404 (also when the principal may not see it: no existence leak). */
  get(kind: string, key: string, p: Principal): Doc {
    const o = this.cache.get(kind, key);
    if (!o || !canRead(p, kind, queueOfStored(o)))
      throw errors.notFound(`${kind} ${key} not found`);
    return present(o);
  }

  /**
   * Every node the scheduler knows, as Node documents: stored ones for static machines
   * (they keep cordons across restarts), generated ones for cloud instances.
   */
  nodeDocuments(): Doc[] {
    const out: Doc[] = [];
    for (const slot of this.state.nodes()) {
      const stored = this.cache.get('Node', slot.info.name);
      out.push(
        stored
          ? present(stored)
          : cloudNodeDoc(slot.info, this.capacity?.reclaimRisk(slot.info, RISK_HORIZON_MS)),
      );
    }
    return out.sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    );
  }

  /** Hands the stored colonies to the capacity manager (labels of new nodes, teardown). */
  syncColonies(): void {
    this.capacity?.colonies.set(
      this.cache.list('Colony').map((o) => {
        const c = validate(o.doc) as Colony;
        return { name: c.metadata.name, spec: c.spec };
      }),
    );
  }

  /**
   * What a colony has now: its nodes and GPUs (by market), and the workloads running on
   * them. O(nodes + bookings).
   */
  colonyStatus(name: string): Record<string, unknown> | undefined {
    const o = this.cache.get('Colony', name);
    if (!o) return undefined;
    const pools = new Set((validate(o.doc) as Colony).spec.nodePools);
    const byMarket: Record<string, number> = {};
    let nodes = 0;
    let gpus = 0;
    for (const slot of this.state.nodes()) {
      if (!pools.has(slot.info.pool)) continue;
      nodes++;
      gpus += slot.info.gpus;
      const market = slot.info.market ?? 'on-prem';
      byMarket[market] = (byMarket[market] ?? 0) + 1;
    }
    const running = new Set<string>();
    for (const b of this.state.bookingsAll())
      if (b.placements.some((p) => pools.has(this.state.node(p.node)?.info.pool ?? '')))
        running.add(b.workload.key);
    return {
      phase: running.size > 0 ? 'Active' : 'Idle',
      nodes,
      gpus,
      nodesByMarket: byMarket,
      runningWorkloads: running.size,
      missingNodePools: [...pools].filter((p) => this.state.pool(p) === undefined),
    };
  }

  /** The stored object, for internal use (no access check). */
  stored(kind: string, key: string): StoredObject | undefined {
    return this.cache.get(kind, key);
  }

  /** All stored objects of a kind (no access check). */
  storedAll(kind: string): StoredObject[] {
    return this.cache.list(kind);
  }

  /** Recent events, oldest first, optionally of one workload; filtered by what `p` may see. */
  events(p: Principal, filter: { workload?: string; limit?: number } = {}): EventView[] {
    const limit = filter.limit ?? 500;
    const out = this.recentEvents.filter(
      (e) =>
        (filter.workload === undefined || e.workload === filter.workload) && this.canSeeEvent(p, e),
    );
    return out.slice(Math.max(0, out.length - limit));
  }

  /** Whether a principal may see an event. */
  canSeeEvent(p: Principal, e: EventView): boolean {
    return p.role === 'admin' || (e.queue !== undefined && p.queues.includes(e.queue));
  }

  // ---- writes ----

  /**
   * Creates (`mode: 'create'`, 409 if it exists) or applies (create-or-update; with
   * `resourceVersion` in the document, only if it is still current) a resource document.
   */
  async write(
    input: unknown,
    p: Principal,
    mode: 'create' | 'apply',
    expectKey?: string,
  ): Promise<{ doc: Doc; created: boolean }> {
    const resource = validate(input);
    const key = keyOf(resource);
    if (expectKey !== undefined && expectKey !== key)
      throw errors.badRequest(
        `the document's name ${key} does not match the name in the URL, ${expectKey}`,
      );
    assertKindWritable(p, resource.kind);
    return this.mutex.run(`${resource.kind}/${key}`, async () => {
      const existing = this.cache.get(resource.kind, key);
      if (mode === 'create' && existing)
        throw errors.alreadyExists(`${resource.kind} ${key} already exists`);
      const asked = resource.metadata.resourceVersion;
      if (asked !== undefined && existing && asked !== String(existing.resourceVersion))
        throw errors.conflict(
          `${resource.kind} ${key} was changed (resourceVersion is ${existing.resourceVersion}, not ${asked}): read it again and retry`,
        );
      if (asked !== undefined && !existing)
        throw errors.conflict(
          `${resource.kind} ${key} does not exist (resourceVersion ${asked} was given)`,
        );
      this.authorize(resource, existing, p);
      this.checkChange(resource, existing);
      const doc = prepareForStore(input as Doc, existing?.doc as Doc | undefined, this.clock.now());
      if (resource.kind === 'Workload' && !existing)
        doc.status = {
          phase: 'Pending',
          reason: 'submitted',
          submittedAt: rfc3339(this.clock.now()),
        };
      const stored = await this.put(resource.kind, key, doc, existing);
      this.afterWrite(resource, stored, existing);
      return { doc: present(stored), created: !existing };
    });
  }

  /** Deletes a resource (a running workload is stopped). */
  async remove(kind: string, key: string, p: Principal): Promise<Doc> {
    assertKindWritable(p, kind);
    return this.mutex.run(`${kind}/${key}`, async () => {
      const existing = this.cache.get(kind, key);
      if (!existing) throw errors.notFound(`${kind} ${key} not found`);
      if (kind === 'Workload') assertWorkloadAccess(p, queueOfStored(existing) ?? '', 'delete');
      if (kind === 'Queue' && p.role !== 'admin')
        throw errors.forbidden(`${p.name} (${p.role}) may not delete queues`);
      await this.store.delete(kind, key, { version: existing.resourceVersion });
      this.cache.delete(kind, key);
      this.watch.publish({ type: 'DELETED', kind, object: present(existing) });
      if (kind === 'Workload') this.engine.cancel(key, `cancelled: deleted by ${p.name}`);
      else if (kind === 'Queue') this.syncQueues();
      else if (kind === 'NodePool') await this.syncPoolNodes(key, undefined);
      else if (kind === 'Colony') this.syncColonies();
      this.requestCycle();
      return present(existing);
    });
  }

  /** Puts a running or pending workload back at the end of its queue (it keeps its checkpoints). */
  async requeue(key: string, p: Principal): Promise<void> {
    const o = this.cache.get('Workload', key);
    if (!o) throw errors.notFound(`Workload ${key} not found`);
    assertWorkloadAccess(p, queueOfStored(o) ?? '', 'requeue');
    const rec = this.engine.record(key);
    if (!rec || isFinished(rec.phase))
      throw errors.conflict(`workload ${key} has finished; delete it and submit it again`);
    if (rec.phase !== 'Running')
      throw errors.conflict(
        `workload ${key} is ${rec.phase.toLowerCase()}; only running workloads can be requeued`,
      );
    this.engine.evict(key, `requeued by ${p.name}`);
    this.requestCycle();
  }

  /** Cordons (or uncordons) a node: no new work is placed on it. */
  async cordon(name: string, on: boolean, p: Principal): Promise<void> {
    if (p.role !== 'admin')
      throw errors.forbidden(
        `${p.name} (${p.role}) may not cordon nodes; an admin token is needed`,
      );
    await this.mutex.run(`Node/${name}`, async () => {
      const o = this.cache.get('Node', name);
      if (!o) throw errors.notFound(`Node ${name} not found`);
      const doc = o.doc as Doc;
      const status = { ...(doc.status ?? {}), cordoned: on };
      const stored = await this.put('Node', name, { ...doc, status }, o);
      const info = this.state.node(name)?.info;
      if (info) this.state.updateNode({ ...info, schedulable: on ? false : nodeReady(stored) });
      this.emitLocal({
        kind: on ? 'node-cordoned' : 'node-uncordoned',
        node: name,
        reason: `${on ? 'cordoned' : 'uncordoned'} by ${p.name}`,
      });
    });
    this.requestCycle();
  }

  // ---- engine loop ----

  /** Runs a cycle soon (bursts of changes share one). */
  requestCycle(): void {
    if (this.closed || this.cycleTimer !== undefined) return;
    this.cycleTimer = this.timers.setTimeout(() => {
      this.cycleTimer = undefined;
      this.runCycle();
    }, CYCLE_DELAY_MS);
  }

  /** Runs one scheduling cycle now, then writes what changed. */
  runCycle(): ScheduleResult | undefined {
    if (this.closed) return undefined;
    this.lastResult = this.engine.cycle();
    for (let again = 0; again < 4 && this.engine.needsCycle; again++)
      this.lastResult = this.engine.cycle();
    // Launch for what fits nowhere, remove idle cloud nodes, move work off risky spot.
    this.capacity?.afterCycle(this.lastResult);
    this.scheduleFlush();
    return this.lastResult;
  }

  /** Engine events: counted, kept, persisted and published. */
  record(e: EngineEvent): void {
    const queue = e.workload !== undefined ? this.engine.record(e.workload)?.info.queue : undefined;
    const view: EventView = {
      time: rfc3339(e.at),
      type: e.kind,
      reason: e.reason,
      ...(e.workload !== undefined ? { workload: e.workload } : {}),
      ...(e.node !== undefined ? { node: e.node } : {}),
      ...(queue !== undefined ? { queue } : {}),
      ...(e.code !== undefined ? { code: e.code } : {}),
    };
    this.count(e);
    this.keepEvent(view, e.at);
    if (e.workload !== undefined) this.dirty.add(e.workload);
    if (
      e.kind === 'succeeded' ||
      e.kind === 'failed' ||
      e.kind === 'preempted' ||
      e.kind === 'cancelled'
    )
      this.requestCycle();
    this.scheduleFlush();
  }

  /** Waits until every decision so far is in the store. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.dirty.size === 0 && this.unsavedEvents.length === 0) return;
    this.flushing = this.writeOut().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** Stops timers, writes what is pending and closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.cycleTimer !== undefined) this.timers.clearTimeout(this.cycleTimer);
    if (this.tickTimer !== undefined) this.timers.clearTimeout(this.tickTimer);
    this.runtime.close();
    this.closeCapacity();
    await this.flush();
    await this.saveClock();
    await this.store.close();
  }

  // ---- internals ----

  /** Adds a recovered or new object to the cache (used while recovering). */
  adopt(o: StoredObject): void {
    this.cache.set(o);
  }

  /** Rebuilds the scheduler's queues from the Queue documents. */
  syncQueues(): void {
    this.state.setQueues(
      this.cache.list('Queue').map((o) => toQueueInfo(validate(o.doc) as Queue)),
    );
  }

  /** Rebuilds the scheduler's pools from the NodePool documents. */
  syncPools(): void {
    this.state.setPools(
      this.cache.list('NodePool').map((o) => toPoolInfo(validate(o.doc) as NodePool)),
    );
  }

  /**
   * Makes the Node documents and the scheduler's nodes of a static pool match its spec:
   * new machines are added, removed ones drained (their work requeued).
   */
  async syncPoolNodes(pool: string, spec: NodePool | undefined): Promise<void> {
    const wanted = new Map((spec ? staticPoolNodes(spec) : []).map((n) => [n.name, n]));
    for (const o of this.cache.list('Node')) {
      const doc = o.doc as Doc;
      if ((doc.status as { pool?: string } | undefined)?.pool !== pool || wanted.has(o.key))
        continue;
      if (
        doc.metadata.labels &&
        (doc.metadata.labels as Record<string, string>)['roam.dev/static'] !== 'true'
      )
        continue;
      this.engine.removeNode(o.key, `removed from node pool ${pool}`);
      await this.store.delete('Node', o.key);
      this.cache.delete('Node', o.key);
      this.watch.publish({ type: 'DELETED', kind: 'Node', object: present(o) });
    }
    for (const n of wanted.values()) {
      const existing = this.cache.get('Node', n.name);
      const cordoned =
        ((existing?.doc as Doc | undefined)?.status as { cordoned?: boolean } | undefined)
          ?.cordoned ?? false;
      const doc = nodeDoc(n, cordoned);
      if (existing && JSON.stringify(existing.doc) === JSON.stringify(doc)) continue;
      const stored = await this.put('Node', n.name, doc, existing);
      const info = toNodeInfo(validate(stored.doc) as Node);
      if (this.state.node(n.name)) this.state.updateNode(info);
      else this.engine.addNode(info, `machine of static node pool ${pool}`);
    }
    this.syncPools();
  }

  /** The workload's expected run time, ms, from its spec. */
  private durationOf(key: string): number | undefined {
    const o = this.cache.get('Workload', key);
    return o ? (validate(o.doc) as Workload).spec.expectedDurationMs : undefined;
  }

  private authorize(resource: AnyResource, existing: StoredObject | undefined, p: Principal): void {
    if (resource.kind === 'Workload') {
      assertWorkloadAccess(p, resource.spec.queue, existing ? 'change' : 'create');
      const before = existing && (validate(existing.doc) as Workload).spec.queue;
      if (before !== undefined && before !== resource.spec.queue)
        assertWorkloadAccess(p, before, 'move');
    }
    if (resource.kind === 'Queue') {
      const current = existing && (validate(existing.doc) as Queue).spec;
      const parentName = resource.spec.parent;
      const parentObj = parentName !== undefined ? this.cache.get('Queue', parentName) : undefined;
      const parent = parentObj && (validate(parentObj.doc) as Queue).spec;
      const siblings = this.cache
        .list('Queue')
        .map((o) => validate(o.doc) as Queue)
        .filter((q) => q.spec.parent !== undefined && q.spec.parent === parentName)
        .map((q) => ({ name: q.metadata.name, spec: q.spec }));
      assertQueueChange(p, resource.metadata.name, resource.spec, current, parent, siblings);
    }
  }

  /** Refuses changes the engine cannot follow (a running workload's request). */
  private checkChange(resource: AnyResource, existing: StoredObject | undefined): void {
    if (resource.kind !== 'Workload' || !existing) return;
    const before = validate(existing.doc) as Workload;
    if (JSON.stringify(before.spec) === JSON.stringify(resource.spec)) return;
    const rec = this.engine.record(keyOf(resource));
    if (rec && rec.phase !== 'Pending')
      throw errors.conflict(
        `workload ${keyOf(resource)} is ${rec.phase.toLowerCase()}: its spec cannot change; delete it and submit it again`,
      );
  }

  private afterWrite(
    resource: AnyResource,
    stored: StoredObject,
    existing: StoredObject | undefined,
  ): void {
    this.watch.publish({
      type: existing ? 'MODIFIED' : 'ADDED',
      kind: resource.kind,
      object: present(stored),
    });
    switch (resource.kind) {
      case 'Workload': {
        const key = keyOf(resource);
        const rec = this.engine.record(key);
        const submittedAt = rec?.info.submittedAt ?? this.clock.now();
        const info = toWorkloadInfo(resource, submittedAt);
        if (!rec || isFinished(rec.phase)) {
          if (!existing || !rec) this.engine.submit(info);
        } else if (rec.phase === 'Pending') this.engine.update(info);
        break;
      }
      case 'Queue':
        this.syncQueues();
        break;
      case 'NodePool':
        void this.syncPoolNodes(resource.metadata.name, resource).then(() => this.requestCycle());
        break;
      case 'Colony':
        this.syncColonies();
        break;
      default:
        break;
    }
    this.requestCycle();
  }

  /** Stores an object, expecting the cached version (a lost race is a 409). */
  private async put(
    kind: string,
    key: string,
    doc: unknown,
    existing: StoredObject | undefined,
  ): Promise<StoredObject> {
    try {
      const stored = await this.store.put(
        kind,
        key,
        doc,
        existing ? { version: existing.resourceVersion } : { absent: true },
      );
      this.cache.set(stored);
      return stored;
    } catch (e) {
      if (e instanceof ConflictError)
        throw errors.conflict(`${kind} ${key} was changed concurrently: read it again and retry`);
      throw e;
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    this.timers.setTimeout(() => {
      this.flushScheduled = false;
      void this.flush().catch((e: unknown) => this.reportFlushError(e));
    }, 0);
  }

  private flushScheduled = false;

  private async writeOut(): Promise<void> {
    const keys = [...this.dirty];
    this.dirty.clear();
    const events = this.unsavedEvents.splice(0);
    await Promise.all(
      keys.map((key) => this.mutex.run(`Workload/${key}`, () => this.writeStatus(key))),
    );
    if (events.length > 0) await this.store.appendEvents(events);
    if (this.dirty.size > 0 || this.unsavedEvents.length > 0) await this.writeOut();
  }

  /** Writes a workload's status from the engine's record. */
  private async writeStatus(key: string): Promise<void> {
    const o = this.cache.get('Workload', key);
    const rec = this.engine.record(key);
    if (!o || !rec) return;
    const doc = o.doc as Doc;
    const status = workloadStatus(rec, this.runtime.progress(key), this.clock.now());
    const stored = await this.store.put(
      'Workload',
      key,
      { ...doc, status },
      { version: o.resourceVersion },
    );
    this.cache.set(stored);
    this.watch.publish({ type: 'MODIFIED', kind: 'Workload', object: present(stored) });
  }

  private keepEvent(view: EventView, at: number): void {
    this.recentEvents.push(view);
    if (this.recentEvents.length > this.eventMemory)
      this.recentEvents.splice(0, this.recentEvents.length - this.eventMemory);
    this.unsavedEvents.push({ at, data: view });
    const event: WatchEvent = { type: 'EVENT', kind: 'Event', object: view };
    this.watch.publish(event);
  }

  /** Capacity events (launches, reclaims, moves) join the event log. */
  private onCapacity(e: CapacityEvent): void {
    const queue = e.workload !== undefined ? this.engine.record(e.workload)?.info.queue : undefined;
    const view: EventView = {
      time: rfc3339(this.clock.now()),
      type: e.kind,
      reason: e.reason,
      ...(e.workload !== undefined ? { workload: e.workload } : {}),
      ...(e.node !== undefined ? { node: e.node } : {}),
      ...(queue !== undefined ? { queue } : {}),
    };
    if (e.kind === 'moving') this.counters.migrations++;
    this.keepEvent(view, this.clock.now());
    // Capacity changed, or must be looked at again now (a reclaim notice gives 30–120 s).
    if (!NEEDS_NO_CYCLE.has(e.kind)) this.requestCycle();
    this.scheduleFlush();
  }

  /** Records an event that did not come from the engine (API actions). */
  private emitLocal(e: { kind: string; node?: string; reason: string }): void {
    const view: EventView = {
      time: rfc3339(this.clock.now()),
      type: e.kind,
      reason: e.reason,
      ...(e.node !== undefined ? { node: e.node } : {}),
    };
    this.keepEvent(view, this.clock.now());
    this.scheduleFlush();
  }

  /** Restores events read from the store at startup (newest last). */
  restoreEvents(views: readonly EventView[]): void {
    this.recentEvents.push(...views.slice(Math.max(0, views.length - this.eventMemory)));
  }

  private count(e: EngineEvent): void {
    if (e.kind === 'started') this.counters.placements++;
    else if (e.kind === 'preempting') {
      if (e.reason.startsWith('reclaimed')) this.counters.reclaims++;
      else this.counters.preemptions++;
    } else if (e.kind === 'succeeded') this.counters.completions++;
    else if (e.kind === 'failed') this.counters.failures++;
  }

  /** Closes the cloud subscription with the rest (used by close). */
  private closeCapacity(): void {
    this.capacity?.close();
    this.worldTimers.cancelAll();
  }

  private startTicking(): void {
    const tick = (): void => {
      if (this.closed) return;
      // With cloud capacity, every tick also watches the market (hazards, moves, idle nodes).
      if (this.engine.needsCycle || this.state.pendingCount > 0 || this.capacity?.active())
        this.runCycle();
      void this.saveClock().catch((e: unknown) => this.reportFlushError(e));
      this.tickTimer = this.timers.setTimeout(tick, TICK_MS);
    };
    this.tickTimer = this.timers.setTimeout(tick, TICK_MS);
  }

  private async saveClock(): Promise<void> {
    const existing = this.cache.get(META, CLOCK_KEY);
    const stored = await this.store.put(
      META,
      CLOCK_KEY,
      { worldTime: this.clock.now(), speed: this.clock.speed },
      existing ? { version: existing.resourceVersion } : undefined,
    );
    this.cache.set(stored);
  }

  /** Flush errors are fatal for durability: they are reported loudly. */
  flushErrors: unknown[] = [];
  private reportFlushError(e: unknown): void {
    this.flushErrors.push(e);
    process.stderr.write(`roam: could not write to the store: ${(e as Error).message}\n`);
  }
}

/** Validates a stored or incoming document, throwing a 422 with every field error. */
export function validate(input: unknown): AnyResource {
  const { resource, errors: found } = validateResource(input, 'request');
  if (resource) return resource;
  throw errors.invalid(
    found.map(formatDocumentError).join('; '),
    found.map((e) => ({ field: e.path, message: e.reason })),
  );
}

/** The queue of a stored workload or queue document (for access checks). */
function queueOfStored(o: StoredObject): string | undefined {
  const doc = o.doc as Doc;
  if (o.kind === 'Workload') return (doc.spec as { queue?: string } | undefined)?.queue;
  if (o.kind === 'Queue') return doc.metadata.name;
  return undefined;
}

/** The Node document of a static machine. */
function nodeDoc(n: NodeInfo, cordoned: boolean): Doc {
  return {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Node',
    metadata: { name: n.name, labels: { ...n.labels, 'roam.dev/static': 'true' } },
    spec: {},
    status: {
      pool: n.pool,
      ...(n.gpuModel !== null ? { gpuModel: n.gpuModel } : {}),
      gpus: n.gpus,
      cpu: `${n.cpuMilli}m`,
      memory: `${n.memoryMiB}Mi`,
      market: n.market ?? 'on-prem',
      lifecycle: 'Ready',
      cordoned,
    },
  };
}

/** The Node document of a cloud instance (not stored: the cloud is its record). */
/** The horizon of the reclaim risk shown on spot nodes: the next hour. */
const RISK_HORIZON_MS = 3_600_000;

/** A cloud instance's Node document; `reclaimRisk`: its chance of a reclaim within the hour. */
function cloudNodeDoc(n: NodeInfo, reclaimRisk: number | undefined): Doc {
  const doc = nodeDoc(n, !n.schedulable);
  const c = n.cloud;
  return {
    ...doc,
    metadata: { name: n.name, labels: { ...n.labels } },
    status: {
      ...doc.status,
      ...(n.zone !== undefined ? { zone: n.zone } : {}),
      ...(c
        ? {
            cloud: c.cloud,
            region: c.region,
            instanceType: c.instanceType,
            instanceId: c.instanceId,
            onDemandPricePerHour: c.onDemandPerHourMicros / 1e6,
          }
        : {}),
      ...(n.pricePerHourMicros !== undefined ? { pricePerHour: n.pricePerHourMicros / 1e6 } : {}),
      ...(c?.bidPerHourMicros !== undefined ? { bidPerHour: c.bidPerHourMicros / 1e6 } : {}),
      ...(reclaimRisk !== undefined ? { reclaimRisk: Math.round(reclaimRisk * 1e4) / 1e4 } : {}),
    },
  };
}

function nodeReady(o: StoredObject): boolean {
  const status = (o.doc as Doc).status as { lifecycle?: string; cordoned?: boolean } | undefined;
  return (status?.lifecycle ?? 'Ready') === 'Ready' && !status?.cordoned;
}

export { ApiError };
