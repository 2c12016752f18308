import {
  offeringId,
  planMoves,
  type CatalogOffering,
  type LaunchPlan,
  type MarketOffering,
  type MoveDecision,
  type MoverConfig,
  type NodeInfo,
  type RunningOnCloud,
  type Booking,
} from '@roam/core';
import type { CapacityEvent } from './capacity.js';
import type { Engine } from './engine.js';

/** What the moves need from the capacity manager around them. */
export interface MovesHost {
  readonly engine: Engine;
  readonly mover?: Partial<MoverConfig>;
  /** Only reactive and deadline moves. */
  readonly conservative?: boolean;
  /** Reclaims per ms of a spot place, as a constant rate over the next `horizonMs`. */
  hazard(offering: CatalogOffering, zone: string, horizonMs: number): number;
  /** When each node with a reclaim notice goes. */
  reclaimAt(node: string): number | undefined;
  /** Whether the pool may have `count` more nodes. */
  hasRoom(pool: string, count: number): boolean;
  /** Launches an instance for a move; returns its instance id. */
  launch(plan: LaunchPlan): string;
  emit(e: CapacityEvent): void;
  countMigration(): void;
}

/**
 * Runs the mover's decisions. A reclaim notice moves the workload at once (break before
 * make: the node is going). Proactive, opportunistic and deadline moves are make before
 * break: the target instance is launched first while the workload keeps running; when it
 * is ready it joins reserved for the workload, and only then is the workload evicted
 * (checkpointed) and placed there; a gang moved as a unit, once all its targets (one per
 * node) have joined. A multi-node gang moved for its deadline is the
 * exception: one target holds one node's share, so it is checkpointed at once and waits
 * for on-demand capacity, which the provisioner launches for all of it. A workload moved
 * for its deadline asks for on-demand capacity only from then on.
 */
export class Moves {
  /** Moves whose target is launching, by instance id. */
  private readonly launching = new Map<string, MoveDecision>();
  /** Reserved target nodes and the workload each is for. */
  private readonly reserved = new Map<string, string>();
  /** Per workload moving to several target instances (a gang), how many are not ready. */
  private readonly awaiting = new Map<string, number>();
  /** Nodes a move left empty (or emptying), to terminate once empty. */
  private readonly vacated = new Set<string>();

  constructor(private readonly host: MovesHost) {}

  /**
   * Whether an instance being launched is the target of a move whose workload still runs
   * (its room is not for other work). A reactive move's workload is pending again, so its
   * target is room like any launch in flight: nothing else is launched for it.
   */
  isMoveTarget(instanceId: string): boolean {
    const d = this.launching.get(instanceId);
    return d !== undefined && d.kind !== 'reactive';
  }

  /** Plans and starts moves for what runs on cloud capacity now. */
  run(market: readonly MarketOffering[], now: number): void {
    const engine = this.host.engine;
    const state = engine.state;
    const moving = new Set([...this.launching.values()].map((d) => d.workload));
    const running: RunningOnCloud[] = [];
    for (const b of state.bookingsAll()) {
      const nodes = nodesOf(b);
      const { node, reclaimAt } = this.goingFirst(nodes);
      const slot = state.node(node);
      if (b.evicting || !slot?.info.cloud) continue;
      // A workload whose move is under way is only moved again if its node is going.
      if (moving.has(b.workload.key) && reclaimAt === undefined) continue;
      const slots = nodes.map((n) => state.node(n));
      const alone = slots.every((s) => s?.residents.size === 1);
      const gangNodes = nodes.length > 1 ? slots.flatMap((s) => (s ? [s.info] : [])) : undefined;
      const pool = state.pool(slot.info.pool)?.elastic;
      running.push({
        booking: b,
        node: slot.info,
        alone,
        ...(gangNodes !== undefined ? { gangNodes } : {}),
        ...(reclaimAt !== undefined ? { reclaimAt } : {}),
        ...(pool !== undefined ? { pool } : {}),
      });
    }
    const decisions = planMoves({
      running,
      market,
      hazard: (o, z, h) => this.host.hazard(o, z, h),
      now,
      ...(this.host.mover ? { config: this.host.mover } : {}),
    });
    this.checkpointStranded(running, decisions, now);
    for (const d of decisions) {
      if (this.host.conservative && (d.kind === 'proactive' || d.kind === 'opportunistic'))
        continue;
      // A reclaim notice leaves no time to wait: evict now, and the target (launched all
      // the same) is kept for the workload when it is ready.
      if (d.kind === 'reactive') this.evict(d);
      // One target holds one node's share: a multi-node gang short of slack checkpoints now
      // and waits for on-demand capacity only, which the provisioner launches for all of it.
      if (d.kind === 'deadline' && this.nodesOf(d.workload).length > 1) {
        this.evict(d);
        continue;
      }
      this.launchTarget(d, market);
    }
  }

  /**
   * Work on a node with a reclaim notice that has nowhere to move now (no place its
   * constraints allow has spot, or on-demand, to offer) is checkpointed all the same and
   * waits, pending, for capacity: staying would lose everything since its last checkpoint
   * when the node goes. Work that cannot checkpoint loses its progress either way, and
   * work expected to finish before the node goes may as well finish: both stay.
   * O(running + decisions).
   */
  private checkpointStranded(
    running: readonly RunningOnCloud[],
    decisions: readonly MoveDecision[],
    now: number,
  ): void {
    const moved = new Set(decisions.map((d) => d.workload));
    for (const r of running) {
      const key = r.booking.workload.key;
      if (r.reclaimAt === undefined || moved.has(key) || !checkpointHelps(r, now)) continue;
      const reason = `reclaim notice: ${r.node.name} goes in ${Math.round(Math.max(0, r.reclaimAt - now) / 1000)} s, and no capacity it may use is on offer: checkpointed to wait for some`;
      // Of a gang, only the going node is left: it restarts on the others when it can.
      this.leave(r.node.name, 'reactive');
      this.host.emit({ kind: 'checkpointing', workload: key, node: r.node.name, reason });
      this.host.engine.evict(key, reason);
    }
  }

  /**
   * The node a booking is seen from: of its nodes (a multi-node gang has several), the one
   * reclaimed soonest, so that a notice on any of them checkpoints the whole gang and
   * replaces that node; else the first. O(nodes of the booking).
   */
  private goingFirst(nodes: readonly string[]): { node: string; reclaimAt?: number } {
    let going: { node: string; reclaimAt: number } | undefined;
    for (const node of nodes) {
      const at = this.host.reclaimAt(node);
      if (at !== undefined && (going === undefined || at < going.reclaimAt))
        going = { node, reclaimAt: at };
    }
    return going ?? { node: nodes[0] ?? '' };
  }

  /**
   * An instance is ready. For a move's target whose workload still waits for it, the node
   * joins reserved for the workload and `move` is the move to finish once it has joined.
   */
  targetReady(instanceId: string, node: NodeInfo): { node: NodeInfo; move?: MoveDecision } {
    const d = this.launching.get(instanceId);
    this.launching.delete(instanceId);
    if (!d) return { node };
    const reserved = { ...node, reservedFor: d.workload };
    if (d.kind === 'reactive') {
      // Evicted already: the node waits for the workload only while it is still pending.
      if (!this.host.engine.state.isPending(d.workload)) return { node };
      this.reserved.set(node.name, d.workload);
      return { node: reserved };
    }
    if (!this.stillOn(d)) {
      this.awaiting.delete(d.workload);
      return { node };
    }
    this.reserved.set(node.name, d.workload);
    if (d.instances > 1) {
      // A gang moves once all its targets have joined.
      const left = (this.awaiting.get(d.workload) ?? 1) - 1;
      if (left > 0) {
        this.awaiting.set(d.workload, left);
        return { node: reserved };
      }
      this.awaiting.delete(d.workload);
    }
    return { node: reserved, move: d };
  }

  /** Finishes a move whose reserved target has joined: the workload leaves its old node. */
  finish(d: MoveDecision): void {
    this.evict(d);
  }

  /**
   * A move's target could not be launched: the workload stays where it is. A gang's other
   * targets are no longer the move's: they join as plain nodes (idle ones are removed after
   * their pool's time-to-live), and those already reserved are released once it runs on.
   */
  targetFailed(instanceId: string): MoveDecision | undefined {
    const d = this.launching.get(instanceId);
    this.launching.delete(instanceId);
    if (d === undefined || d.instances === 1) return d;
    this.awaiting.delete(d.workload);
    for (const [id, other] of this.launching) if (other === d) this.launching.delete(id);
    return d;
  }

  /** Lifts reservations whose workload was placed, finished or is gone. */
  releaseReservations(): void {
    const engine = this.host.engine;
    for (const [name, workload] of this.reserved) {
      const b = engine.state.booking(workload);
      const waiting = engine.state.isPending(workload) || b?.evicting === true;
      if (waiting) continue;
      this.reserved.delete(name);
      const slot = engine.state.node(name);
      if (slot?.info.reservedFor === undefined) continue;
      const { reservedFor: _done, ...info } = slot.info;
      engine.state.updateNode(info);
    }
  }

  private launchTarget(d: MoveDecision, market: readonly MarketOffering[]): void {
    const pool = this.host.engine.state.node(d.from)?.info.pool;
    const offering = market.find((m) => offeringId(m.offering) === d.target.offeringId)?.offering;
    if (pool === undefined || !offering || !this.host.hasRoom(pool, d.instances)) return;
    const plan: LaunchPlan = {
      pool,
      offeringId: d.target.offeringId,
      zone: d.target.zone,
      market: d.target.market,
      pricePerHourMicros: d.target.pricePerHourMicros,
      forWorkloads: [d.workload],
      expectedCostMicros: d.moveCostMicros,
      reason: `the target of ${d.workload}'s ${d.kind} move off ${d.from} (${d.kind === 'reactive' ? 'checkpointed now, it restarts there' : 'it keeps running until the target is ready'}): ${d.reason}`,
      ...(d.target.market === 'spot' ? { bidPerHourMicros: offering.onDemandPerHourMicros } : {}),
    };
    for (let i = 0; i < d.instances; i++) this.launching.set(this.host.launch(plan), d);
    if (d.instances > 1) this.awaiting.set(d.workload, d.instances);
  }

  /**
   * Nodes a move emptied, to be terminated once their last workload has stopped (they were
   * left for being risky, dear or slow: waiting out the idle time-to-live only costs).
   * Returns them once, when empty.
   */
  takeVacated(): string[] {
    const out: string[] = [];
    for (const name of this.vacated) {
      const slot = this.host.engine.state.node(name);
      if (slot !== undefined && slot.residents.size > 0) continue;
      this.vacated.delete(name);
      if (slot !== undefined) out.push(name);
    }
    return out;
  }

  /**
   * Moves the workload off its node now: cordons a node that is going or risky (nothing new
   * lands there, and it empties for scale-down) and evicts the workload with a checkpoint.
   * A node the workload had to itself is also cordoned when it leaves for price or a
   * deadline, and is terminated once empty (`takeVacated`); a reclaimed one goes anyway.
   */
  private evict(d: MoveDecision): void {
    const engine = this.host.engine;
    // A gang moved as a unit leaves all its nodes; otherwise only the one it moves from.
    const left = d.instances > 1 ? this.nodesOf(d.workload) : [d.from];
    for (const name of left) this.leave(name, d.kind);
    this.host.countMigration();
    this.host.emit({ kind: 'moving', workload: d.workload, node: d.from, reason: d.reason });
    if (d.kind !== 'deadline') return engine.evict(d.workload, d.reason);
    // From now on it asks for on-demand capacity only: the scheduler keeps it off spot and
    // the provisioner launches on-demand for it.
    engine.evict(d.workload, d.reason, `moved off spot for its deadline: ${d.reason}`);
  }

  /** Cordons and marks for termination a node a move leaves, as {@link evict} says. */
  private leave(name: string, kind: MoveDecision['kind']): void {
    const engine = this.host.engine;
    const slot = engine.state.node(name);
    const alone = slot !== undefined && slot.residents.size === 1;
    const cordon = kind === 'reactive' || kind === 'proactive' || alone;
    if (slot && slot.info.schedulable && cordon)
      engine.state.updateNode({ ...slot.info, schedulable: false });
    if (alone && kind !== 'reactive') this.vacated.add(name);
  }

  /** Whether the workload still runs on the node it was to move from. */
  private stillOn(d: MoveDecision): boolean {
    const b = this.host.engine.state.booking(d.workload);
    return b !== undefined && !b.evicting && b.placements.some((p) => p.node === d.from);
  }

  /** The nodes a running workload is on (none when it is not running). */
  private nodesOf(workload: string): string[] {
    const b = this.host.engine.state.booking(workload);
    return b ? nodesOf(b) : [];
  }
}

/** Whether checkpointing before the reclaim saves anything, as `checkpointStranded` says. */
function checkpointHelps(r: RunningOnCloud, now: number): boolean {
  const w = r.booking.workload;
  if (w.checkpointIntervalMs === undefined && w.migration === undefined) return false;
  const expected = w.expectedDurationMs;
  return expected === undefined || r.booking.startedAt + expected > (r.reclaimAt ?? now);
}

/** The distinct nodes of a booking, in placement order (several for a multi-node gang). */
function nodesOf(b: Booking): string[] {
  return [...new Set(b.placements.map((p) => p.node))];
}
