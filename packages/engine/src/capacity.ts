import {
  HazardBook,
  launchPlace,
  planLaunches,
  planScaleDown,
  quotaBlock,
  spotPlace,
  type CatalogOffering,
  type ElasticPoolState,
  type LaunchPlan,
  type MarketOffering,
  type MoverConfig,
  type NodeInfo,
  type ScheduleResult,
  type WorkloadInfo,
} from '@roam/core';
import type { CloudEvent, CloudPort, LaunchRequest } from './cloud.js';
import type { Engine } from './engine.js';
import { Colonies } from './colonies.js';
import { LaunchBackoff } from './launch-backoff.js';
import { Moves } from './moves.js';

/** A launch on its way. */
interface InFlight {
  readonly plan: LaunchPlan;
  readonly instanceId: string;
}

/** What the capacity manager reports (as engine-style events). */
export interface CapacityEvent {
  readonly kind:
    | 'launching'
    | 'launch-failed'
    | 'node-ready'
    | 'reclaim-notice'
    | 'reclaimed'
    | 'scaled-down'
    | 'moving'
    /** Work checkpointed ahead of a reclaim with nowhere to move yet: it waits, pending. */
    | 'checkpointing'
    | 'colony-torn-down';
  readonly node?: string;
  readonly workload?: string;
  readonly reason: string;
}

/**
 * Capacity events after which a scheduling cycle has nothing new to do: a launch has only
 * started, and work being stopped frees its room only once it has stopped (the engine
 * then asks for a cycle itself).
 */
export const NEEDS_NO_CYCLE: ReadonlySet<CapacityEvent['kind']> = new Set([
  'launching',
  'moving',
  'checkpointing',
]);

/** Options of the capacity manager. */
export interface CapacityOptions {
  readonly engine: Engine;
  readonly cloud: CloudPort;
  readonly now: () => number;
  readonly mover?: Partial<MoverConfig>;
  /** Turn proactive and opportunistic moves off (reactive and deadline moves stay). */
  readonly conservative?: boolean;
  readonly onEvent?: (e: CapacityEvent) => void;
}

/**
 * Elastic capacity around the engine: after each scheduling cycle it launches cloud
 * instances for work that fits nowhere (the provisioner), removes cloud nodes idle past
 * their pool's time-to-live, learns each spot place's reclaim hazard from what the market
 * shows, and moves workloads away from spot capacity that is being reclaimed, risky,
 * dearer than elsewhere, or too slow for a deadline (the mover). Cloud events (instance
 * ready, reclaim notice, instance gone) become node changes in the engine.
 */
export class CapacityManager {
  readonly hazards = new HazardBook();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly reclaimAt = new Map<string, number>();
  private readonly idleSince = new Map<string, number>();
  /** Instances Roam asked the cloud to terminate (scale-down), until they are gone. */
  private readonly terminating = new Set<string>();
  private readonly moves: Moves;
  /** The colonies pools belong to (labels of new nodes, ephemeral teardown). */
  readonly colonies = new Colonies();
  private readonly lastAvailable = new Map<string, boolean>();
  /** Spot places paused after a failed launch. */
  private readonly backoff = new LaunchBackoff();
  /** The last "cannot launch" reason told per workload, so it is told once. */
  private readonly lastUnserved = new Map<string, string>();
  private readonly unsubscribe: () => void;
  /** Counts for reports and metrics. */
  readonly counters = { launches: 0, reclaims: 0, migrations: 0, scaleDowns: 0 };

  constructor(private readonly options: CapacityOptions) {
    this.unsubscribe = options.cloud.subscribe((e) => this.onCloud(e));
    this.moves = new Moves({
      engine: options.engine,
      ...(options.mover ? { mover: options.mover } : {}),
      ...(options.conservative ? { conservative: true } : {}),
      hazard: (o, z, h) => this.hazard(o, z, h),
      reclaimAt: (node) => this.reclaimAt.get(node),
      hasRoom: (pool, count) => this.hasRoom(pool, count),
      launch: (plan) => this.launch(plan),
      emit: (e) => this.emit(e),
      countMigration: () => this.counters.migrations++,
    });
  }

  /**
   * The latest market, with every place's hazard observed. A place where a node of ours
   * has a reclaim notice, or where a spot launch failed in the last few minutes, is shown
   * without spot: its capacity is being withdrawn or is not there, so nothing should
   * launch or move there (the cloud's quote may still say otherwise).
   */
  observeMarket(): readonly MarketOffering[] {
    const now = this.options.now();
    const gone = this.noticedPlaces();
    for (const place of this.backoff.paused(now)) gone.add(place);
    const market = withdrawn(this.options.cloud.market(), gone);
    for (const { offering, spot } of market)
      for (const [zone, q] of spot) {
        const place = spotPlace(offering, zone);
        if (this.lastAvailable.get(place) === q.available) continue;
        this.lastAvailable.set(place, q.available);
        this.hazards.of(place).observeAvailability(now, q.available);
      }
    return market;
  }

  /**
   * Takes over what the cloud already holds for Roam, after a restart of the control plane
   * (call it once nodes and pools are loaded, before running work is adopted): running
   * instances of elastic pools become nodes again, with any reclaim notice they were
   * given; booting ones count as launches in flight (they join when ready); instances of a
   * pool that is gone or no longer elastic, and running ones the cloud cannot describe as
   * a node (their offering left the catalog), are terminated, so none is paid for unseen.
   * Returns what it did. O(instances).
   */
  reconcile(): { adopted: number; booting: number; terminated: number } {
    const state = this.options.engine.state;
    const now = this.options.now();
    const done = { adopted: 0, booting: 0, terminated: 0 };
    for (const i of this.options.cloud.instances()) {
      if (i.state === 'terminating') continue;
      const unusable =
        state.pool(i.request.pool)?.elastic === undefined
          ? `belongs to pool ${i.request.pool}, which is gone or no longer elastic`
          : i.state === 'running' && i.node === undefined
            ? `runs ${i.request.offeringId}, which the catalog no longer has`
            : undefined;
      if (unusable !== undefined) {
        this.options.cloud.terminate(i.instanceId);
        this.terminating.add(i.instanceId);
        done.terminated++;
        this.emit({
          kind: 'scaled-down',
          ...(i.node ? { node: i.node.name } : {}),
          reason: `cloud instance ${i.instanceId} ${unusable}`,
        });
        continue;
      }
      if (i.state === 'booting') {
        this.inFlight.set(i.instanceId, { plan: adoptedPlan(i.request), instanceId: i.instanceId });
        done.booting++;
      } else if (i.node !== undefined && state.node(i.node.name) === undefined) {
        state.addNode(i.node);
        this.idleSince.set(i.node.name, now);
        if (i.reclaimAt !== undefined) this.reclaimAt.set(i.node.name, i.reclaimAt);
        done.adopted++;
        this.emit({
          kind: 'node-ready',
          node: i.node.name,
          reason: `cloud instance ${i.instanceId} taken over after a restart (${i.node.market}, ${i.node.zone ?? ''})`,
        });
      }
    }
    return done;
  }

  /**
   * Terminates a cloud node Roam no longer needs: cordoned at once so nothing lands on it
   * while the cloud shuts it down, and not chosen again.
   */
  private retire(name: string, reason: string): void {
    const node = this.options.engine.state.node(name)?.info;
    if (node?.cloud === undefined || this.terminating.has(node.cloud.instanceId)) return;
    this.counters.scaleDowns++;
    this.options.engine.state.updateNode({ ...node, schedulable: false });
    this.terminating.add(node.cloud.instanceId);
    this.options.cloud.terminate(node.cloud.instanceId);
    this.emit({ kind: 'scaled-down', node: name, reason });
  }

  /**
   * A spot launch in `place` failed: the place is paused, and its hazard sees spot end
   * there now (a failed launch is the market saying no, as a reclaim is).
   */
  private spotLaunchFailed(place: string): void {
    const now = this.options.now();
    this.backoff.failed(place, now);
    if (this.lastAvailable.get(place) === false) return;
    this.lastAvailable.set(place, false);
    this.hazards.of(place).observeAvailability(now, false);
  }

  /** Spot places of nodes with a reclaim notice. O(notices). */
  private noticedPlaces(): Set<string> {
    const places = new Set<string>();
    for (const name of this.reclaimAt.keys()) {
      const node = this.options.engine.state.node(name)?.info;
      if (node?.cloud !== undefined && node.zone !== undefined)
        places.add(spotPlace(node.cloud, node.zone));
    }
    return places;
  }

  /**
   * How long to plan a workload's run for: its expected duration when it gives one;
   * otherwise an hour, doubled for every time it was evicted or lost its node (work that
   * keeps being interrupted is longer than assumed, so it drifts to safer capacity).
   */
  private runEstimate(w: WorkloadInfo): number {
    if (w.expectedDurationMs !== undefined) return w.expectedDurationMs;
    const preemptions = this.options.engine.record(w.key)?.preemptions ?? 0;
    return 3_600_000 * 2 ** Math.min(10, preemptions);
  }

  /** Reclaims per ms of a spot place, as a constant rate over the next `horizonMs`. */
  hazard(offering: CatalogOffering, zone: string, horizonMs: number): number {
    return this.hazards.of(spotPlace(offering, zone)).rate(this.options.now(), horizonMs);
  }

  /** Runs after a scheduling cycle: provision, scale down, move. */
  afterCycle(result: ScheduleResult): void {
    const engine = this.options.engine;
    const state = engine.state;
    const market = this.observeMarket();
    const now = this.options.now();
    this.moves.releaseReservations();
    this.trackIdle(now);
    const pools = this.elasticPools();
    if (pools.length === 0) return;
    const waiting = new Map(
      result.pending
        .filter((p) => ['no-capacity', 'gang', 'no-pool'].includes(p.code))
        .map((p) => [p.workload, p.partial]),
    );
    const pending = [...state.pending()].filter((w) => waiting.has(w.key)).sort(byPriorityThenAge);
    const { launches, unserved } = planLaunches({
      pending,
      pools,
      market,
      hazard: (o, z, h) => this.hazard(o, z, h),
      inFlight: [...this.inFlight.values()]
        .filter((f) => !this.moves.isMoveTarget(f.instanceId))
        .map((f) => ({
          pool: f.plan.pool,
          offeringId: f.plan.offeringId,
          market: f.plan.market,
        })),
      now,
      admits: (w, pool) => quotaBlock(state, w, pool) === undefined,
      runEstimate: (w) => this.runEstimate(w),
      fitsNow: (w) => waiting.get(w.key),
    });
    for (const plan of launches) this.launch(plan);
    for (const u of unserved) {
      if (this.lastUnserved.get(u.workload) === u.reason) continue;
      this.lastUnserved.set(u.workload, u.reason);
      this.emit({
        kind: 'launch-failed',
        workload: u.workload,
        reason: `no capacity can be launched: ${u.reason}`,
      });
    }
    for (const n of planScaleDown(this.cloudNodes(), pools, now))
      this.retire(
        n.name,
        `idle for ${Math.round((now - (n.idleSince ?? now)) / 60_000)} min (pool ${n.pool} keeps idle nodes ${Math.round((pools.find((p) => p.name === n.pool)?.spec.idleTtlMs ?? 0) / 60_000)} min)`,
      );
    for (const name of this.moves.takeVacated())
      this.retire(name, 'left empty by a move (risky, dear or too slow for a deadline)');
    for (const c of this.colonies.emptied(state)) {
      const pools = new Set(c.spec.nodePools);
      const nodes = this.cloudNodes().filter((n) => pools.has(n.pool));
      for (const n of nodes)
        this.retire(n.name, `colony ${c.name} is ephemeral and its work is done`);
      this.emit({
        kind: 'colony-torn-down',
        reason: `colony ${c.name} is ephemeral and its work is done: ${nodes.length} cloud node(s) terminated`,
      });
    }
    this.moves.run(market, now);
  }

  /**
   * The chance that a spot node is reclaimed within `horizonMs`, by the hazard learnt for
   * its place (offering × zone); undefined for nodes not on spot.
   */
  reclaimRisk(node: NodeInfo, horizonMs: number): number | undefined {
    if (node.market !== 'spot' || node.cloud === undefined || node.zone === undefined)
      return undefined;
    return this.hazards
      .of(spotPlace(node.cloud, node.zone))
      .reclaimProbability(this.options.now(), horizonMs);
  }

  /** Whether cloud capacity runs or is on its way (then the market is worth watching). O(nodes). */
  active(): boolean {
    if (this.inFlight.size > 0) return true;
    for (const slot of this.options.engine.state.nodes()) if (slot.info.cloud) return true;
    return false;
  }

  /** When the next idle cloud node reaches its pool's time-to-live (for a wake-up), if any. */
  nextScaleDownAt(): number | undefined {
    let next: number | undefined;
    for (const slot of this.options.engine.state.nodes()) {
      const idle = this.idleSince.get(slot.info.name);
      const ttl = this.options.engine.state.pool(slot.info.pool)?.elastic?.idleTtlMs;
      if (idle === undefined || ttl === undefined) continue;
      next = Math.min(next ?? Infinity, idle + ttl);
    }
    return next;
  }

  /** Terminates every cloud instance (the end of an experiment). */
  terminateAll(): void {
    for (const slot of this.options.engine.state.nodes())
      if (slot.info.cloud) this.options.cloud.terminate(slot.info.cloud.instanceId);
  }

  /** Stops listening to the cloud. */
  close(): void {
    this.unsubscribe();
  }

  private elasticPools(): ElasticPoolState[] {
    const state = this.options.engine.state;
    const out: ElasticPoolState[] = [];
    for (const p of state.allPools()) {
      if (!p.elastic) continue;
      out.push({ name: p.name, spec: p.elastic, nodes: this.poolNodes(p.name) });
    }
    return out;
  }

  private cloudNodes(): { name: string; pool: string; idleSince?: number }[] {
    const out: { name: string; pool: string; idleSince?: number }[] = [];
    for (const slot of this.options.engine.state.nodes()) {
      if (!slot.info.cloud || this.terminating.has(slot.info.cloud.instanceId)) continue;
      const idle = this.idleSince.get(slot.info.name);
      out.push(
        idle !== undefined
          ? { name: slot.info.name, pool: slot.info.pool, idleSince: idle }
          : { name: slot.info.name, pool: slot.info.pool },
      );
    }
    return out;
  }

  private trackIdle(now: number): void {
    for (const slot of this.options.engine.state.nodes()) {
      if (!slot.info.cloud) continue;
      if (slot.residents.size > 0) this.idleSince.delete(slot.info.name);
      else if (!this.idleSince.has(slot.info.name)) this.idleSince.set(slot.info.name, now);
    }
  }

  private launch(plan: LaunchPlan): string {
    const pool = this.options.engine.state.pool(plan.pool);
    const instanceId = this.options.cloud.launch({
      pool: plan.pool,
      offeringId: plan.offeringId,
      zone: plan.zone,
      market: plan.market,
      ...(plan.bidPerHourMicros !== undefined ? { bidPerHourMicros: plan.bidPerHourMicros } : {}),
      labels: { ...(pool?.labels ?? {}), ...this.colonies.labelsFor(plan.pool) },
    });
    this.inFlight.set(instanceId, { plan, instanceId });
    this.counters.launches++;
    for (const w of plan.forWorkloads)
      this.emit({ kind: 'launching', workload: w, reason: `launching ${plan.reason}` });
    return instanceId;
  }

  /** Nodes of a pool, running or launching. */
  private poolNodes(pool: string): number {
    let nodes = this.options.engine.state.poolSize(pool);
    for (const f of this.inFlight.values()) if (f.plan.pool === pool) nodes++;
    return nodes;
  }

  private hasRoom(pool: string, count: number): boolean {
    const max = this.options.engine.state.pool(pool)?.elastic?.maxNodes;
    return max !== undefined && this.poolNodes(pool) + count <= max;
  }

  private onCloud(e: CloudEvent): void {
    const engine = this.options.engine;
    switch (e.type) {
      case 'ready': {
        this.inFlight.delete(e.instanceId);
        const { node, move } = this.moves.targetReady(e.instanceId, e.node);
        engine.addNode(
          node,
          `cloud instance ${e.instanceId} is ready (${node.market}, ${node.zone ?? ''})`,
        );
        this.idleSince.set(node.name, this.options.now());
        this.emit({
          kind: 'node-ready',
          node: node.name,
          reason: `${node.cloud?.instanceType ?? ''} ${node.market} in ${node.zone ?? ''}${move ? `, reserved for ${move.workload}` : ''}`,
        });
        if (move) this.moves.finish(move);
        break;
      }
      case 'launch-failed': {
        const flight = this.inFlight.get(e.instanceId);
        this.inFlight.delete(e.instanceId);
        if (flight?.plan.market === 'spot') this.spotLaunchFailed(launchPlace(flight.plan));
        this.moves.targetFailed(e.instanceId);
        for (const w of flight?.plan.forWorkloads ?? [])
          this.emit({ kind: 'launch-failed', workload: w, reason: e.reason });
        break;
      }
      case 'interruption-notice':
        this.reclaimAt.set(e.node, e.at);
        this.emit({
          kind: 'reclaim-notice',
          node: e.node,
          reason: `spot reclaim notice: ${e.node} goes at ${new Date(e.at).toISOString()}`,
        });
        break;
      case 'terminated': {
        this.reclaimAt.delete(e.node);
        this.idleSince.delete(e.node);
        // A scale-down was announced when Roam decided it; the engine reports the removal.
        const scaledDown = this.terminating.delete(e.instanceId);
        if (e.reason.startsWith('reclaim')) this.counters.reclaims++;
        engine.removeNode(e.node, e.reason);
        if (!scaledDown)
          this.emit({
            kind: e.reason.startsWith('reclaim') ? 'reclaimed' : 'scaled-down',
            node: e.node,
            reason: e.reason,
          });
        break;
      }
    }
  }

  private emit(e: CapacityEvent): void {
    this.options.onEvent?.(e);
  }
}

function byPriorityThenAge(a: WorkloadInfo, b: WorkloadInfo): number {
  return (
    b.priority - a.priority ||
    a.submittedAt - b.submittedAt ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** The plan of a launch made before a restart: what it asked for, for no workload in particular. */
function adoptedPlan(request: LaunchRequest): LaunchPlan {
  return {
    pool: request.pool,
    offeringId: request.offeringId,
    zone: request.zone,
    market: request.market,
    ...(request.bidPerHourMicros !== undefined
      ? { bidPerHourMicros: request.bidPerHourMicros }
      : {}),
    pricePerHourMicros: 0,
    forWorkloads: [],
    expectedCostMicros: 0,
    reason: 'launched before the control plane restarted',
  };
}

/** The market with no spot in `places` (copies only the offerings that change). */
function withdrawn(
  market: readonly MarketOffering[],
  places: ReadonlySet<string>,
): readonly MarketOffering[] {
  if (places.size === 0) return market;
  return market.map((m) => {
    const gone = [...m.spot.keys()].filter((z) => places.has(spotPlace(m.offering, z)));
    if (gone.length === 0) return m;
    const spot = new Map(m.spot);
    for (const z of gone) {
      const q = spot.get(z);
      if (q) spot.set(z, { ...q, available: false });
    }
    return { ...m, spot };
  });
}
