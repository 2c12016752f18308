import { ApiError } from '../api/api-error.js';
import { API, type ApiClient } from '../api/client.js';
import type {
  EventView,
  NodeDoc,
  NodePoolDoc,
  ColonyDoc,
  OfferingDoc,
  QueueDoc,
  QueueView,
  WatchEvent,
  WorkloadDoc,
} from '../api/types.js';
import { summarizeFleet } from '../model/fleet-summary.js';
import { SavingsMeter } from '../model/savings.js';
import { SpotHistory } from '../model/spot-history.js';
import { Collection, type Named } from './collection.js';
import { EventLog } from './event-log.js';
import { browserTimers, Throttle, type Timers } from './throttle.js';
import { WorldClockEstimate } from './world-clock.js';

/** How the live connection stands. */
export type Connection = 'connecting' | 'live' | 'reconnecting';

/** Refresh joined views (node fill, queue standing) at least this often, real ms. */
const REFRESH_EVERY_MS = 15_000;
/** … and at most this often; slower when a refresh itself is slow. */
const MIN_REFRESH_GAP_MS = 1500;
/**
 * Read the world time again this long after starting (real ms): two readings apart in
 * real time give the world's speed (`roam up --speed`) before anything else happens.
 */
const CALIBRATE_AT_MS = [1500, 5000];
/** Wait this long before reconnecting a dropped watch, doubled up to the maximum. */
const RECONNECT_MS = 500;
const MAX_RECONNECT_MS = 10_000;

interface List<T> {
  readonly items: T[];
}

/**
 * Everything the dashboard shows, kept live: lists once, then the `/watch` stream
 * (resource changes and events). Node fill and queue standing are joined by the server
 * on read and not streamed, so they are fetched again after changes, throttled.
 * Listeners are told of changes at most once per animation frame.
 */
export class LiveStore {
  readonly workloads = new Collection<WorkloadDoc>();
  readonly queues = new Collection<QueueDoc>();
  readonly pools = new Collection<NodePoolDoc>();
  readonly colonies = new Collection<ColonyDoc>();
  readonly nodes = new Collection<NodeDoc>();
  readonly events = new EventLog();
  readonly savings = new SavingsMeter();
  readonly spot = new SpotHistory();
  offerings: readonly OfferingDoc[] = [];
  queueStatus: readonly QueueView[] = [];
  connection: Connection = 'connecting';
  /** The last failure to load or stream, for a banner. */
  lastError: string | undefined;
  /** Bumped whenever anything changed (what `useSyncExternalStore` reads). */
  version = 0;

  private readonly listeners = new Set<() => void>();
  private readonly refresher: Throttle;
  private abort: AbortController | undefined;
  private stopped = false;
  private notifyPending = false;
  private lastRefreshMs = 0;
  private periodic: unknown;

  constructor(
    private readonly client: ApiClient,
    /** The world clock, fed with the `x-roam-time` of the client's replies. */
    readonly clock: WorldClockEstimate = new WorldClockEstimate(),
    private readonly timers: Timers = browserTimers,
    /** Runs a function before the next paint (the page passes requestAnimationFrame). */
    private readonly frame: (fn: () => void) => void = (fn) => void timers.setTimeout(fn, 16),
    private readonly realNow: () => number = () => Date.now(),
  ) {
    this.refresher = new Throttle(
      () => this.refreshJoined(),
      () => Math.max(MIN_REFRESH_GAP_MS, 5 * this.lastRefreshMs),
      realNow,
      timers,
    );
  }

  /** Starts loading and watching. */
  start(): void {
    void this.watchLoop();
    this.tick();
    for (const ms of CALIBRATE_AT_MS)
      this.timers.setTimeout(() => {
        if (!this.stopped) this.client.get('/whoami').catch(() => undefined);
      }, ms);
  }

  /** Stops watching and refreshing. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.refresher.stop();
    if (this.periodic !== undefined) this.timers.clearTimeout(this.periodic);
  }

  /** Registers a listener; returns its removal. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The world time now (estimated between replies). */
  worldNow(): number {
    return this.clock.now(this.realNow());
  }

  /** Fetches node fill and queue standing again soon (after an action, say). */
  refreshSoon(): void {
    this.refresher.request();
  }

  private async watchLoop(): Promise<void> {
    let delay = RECONNECT_MS;
    while (!this.stopped) {
      const abort = (this.abort = new AbortController());
      for (const c of [
        this.workloads,
        this.queues,
        this.pools,
        this.colonies,
        this.nodes,
        this.events,
      ])
        c.beginSync();
      try {
        // The server sends `sync` once the subscription exists: lists taken after it miss nothing.
        await this.client.stream(
          `${API}/watch`,
          (event, data) => {
            if (event === 'sync') void this.loadAll().then(() => (delay = RECONNECT_MS));
            else if (event === 'change' || event === 'event') this.onWatch(data as WatchEvent);
          },
          abort.signal,
        );
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return;
        this.lastError = (e as Error).message;
      }
      if (this.stopped) return;
      this.connection = 'reconnecting';
      this.changed();
      await new Promise((ok) => this.timers.setTimeout(() => ok(undefined), delay));
      delay = Math.min(MAX_RECONNECT_MS, delay * 2);
    }
  }

  private async loadAll(): Promise<void> {
    try {
      const [workloads, queues, pools, colonies, nodes, offerings, status, events] =
        await Promise.all([
          this.client.get<List<WorkloadDoc>>(`${API}/workloads`),
          this.client.get<List<QueueDoc>>(`${API}/queues`),
          this.client.get<List<NodePoolDoc>>(`${API}/nodepools`),
          this.client.get<List<ColonyDoc>>(`${API}/colonies`),
          this.client.get<List<NodeDoc>>(`${API}/nodes`),
          this.client.get<List<OfferingDoc>>(`${API}/offerings`),
          this.client.get<List<QueueView>>(`${API}/queuestatus`),
          this.client.get<List<EventView>>(`${API}/events?limit=500`),
        ]);
      this.workloads.reset(workloads.items);
      this.queues.reset(queues.items);
      this.pools.reset(pools.items);
      this.colonies.reset(colonies.items);
      this.nodes.reset(nodes.items);
      this.events.reset(events.items);
      this.offerings = offerings.items;
      this.queueStatus = status.items;
      this.observeNodes();
      this.connection = 'live';
      this.lastError = undefined;
    } catch (e) {
      this.lastError = (e as Error).message;
      this.abort?.abort();
    }
    this.changed();
  }

  private onWatch(e: WatchEvent): void {
    if (e.type === 'EVENT') {
      this.events.push(e.object);
      if (e.object.node !== undefined) this.refresher.request();
    } else {
      const target = this.collectionOf(e.kind);
      if (!target) return;
      // A node's live allocation is joined on read, not streamed: keep the one held.
      const doc =
        e.kind === 'Node'
          ? withAllocation(e.object as unknown as NodeDoc, this.nodes.get(e.object.metadata.name))
          : e.object;
      target.apply(e.type, doc as unknown as Named);
      this.refresher.request();
    }
    this.changed();
  }

  private collectionOf(kind: string): Collection<Named> | undefined {
    const byKind: Record<string, Collection<Named>> = {
      Workload: this.workloads,
      Queue: this.queues,
      NodePool: this.pools,
      Colony: this.colonies,
      Node: this.nodes,
    };
    return byKind[kind];
  }

  private async refreshJoined(): Promise<void> {
    const started = this.realNow();
    this.nodes.beginSync();
    this.colonies.beginSync();
    try {
      // Colonies' status (nodes, running work) is joined on read too.
      const [nodes, status, colonies] = await Promise.all([
        this.client.get<List<NodeDoc>>(`${API}/nodes`),
        this.client.get<List<QueueView>>(`${API}/queuestatus`),
        this.client.get<List<ColonyDoc>>(`${API}/colonies`),
      ]);
      this.nodes.reset(nodes.items);
      this.colonies.reset(colonies.items);
      this.queueStatus = status.items;
      this.observeNodes();
    } catch (e) {
      this.lastError = (e as Error).message;
    }
    this.lastRefreshMs = this.realNow() - started;
    this.changed();
  }

  /** Integrates savings and records spot prices after the nodes were read. */
  private observeNodes(): void {
    const now = this.worldNow();
    const fleet = summarizeFleet(this.nodes.all());
    this.savings.observe(now, fleet.costPerHour, fleet.onDemandPerHour);
    this.spot.observe(now, this.nodes.all());
  }

  private tick(): void {
    if (this.stopped) return;
    this.periodic = this.timers.setTimeout(() => {
      this.refresher.request();
      this.tick();
    }, REFRESH_EVERY_MS);
  }

  private changed(): void {
    if (this.notifyPending) return;
    this.notifyPending = true;
    this.frame(() => {
      this.notifyPending = false;
      this.version++;
      for (const fn of this.listeners) fn();
    });
  }
}

function withAllocation(doc: NodeDoc, held: NodeDoc | undefined): NodeDoc {
  const allocation = held?.status?.allocation;
  if (!allocation) return doc;
  return { ...doc, status: { ...(doc.status ?? {}), allocation } };
}
