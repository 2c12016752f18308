import { Journal } from './journal.js';
import { NodeGroup } from './node-index.js';
import { NodeSlot } from './node-slot.js';
import {
  emptyUsage,
  type Booking,
  type GpuSlice,
  type NodeInfo,
  type PoolInfo,
  type QueueInfo,
  type ReplicaPlacement,
  type ReplicaRequest,
  type Usage,
  type WorkloadInfo,
} from './types.js';

/**
 * Everything the deciders see: nodes with their free capacity (indexed by pool, GPU model
 * and free capacity), pools, queues, pending workloads and running bookings, and each
 * queue's usage per pool (a department's usage includes its projects').
 *
 * The engine keeps one `ClusterState` and changes it as events arrive. Deciders change it
 * only inside a journal mark and roll back before they return, so a decision call leaves
 * the state as it found it.
 */
export class ClusterState {
  readonly journal = new Journal();
  private readonly slots: (NodeSlot | undefined)[] = [];
  private readonly slotByName = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly groupsByPool = new Map<string, Map<string | null, NodeGroup>>();
  private readonly pools = new Map<string, PoolInfo>();
  private readonly queues = new Map<string, QueueInfo>();
  private readonly lineages = new Map<string, readonly string[]>();
  private readonly pendingByKey = new Map<string, WorkloadInfo>();
  private readonly bookings = new Map<string, Booking>();
  private readonly runningByQueue = new Map<string, Set<string>>();
  /** usage[queue][pool], including ancestors' aggregated usage. */
  private readonly usage = new Map<string, Map<string, Usage>>();
  /** Bumped whenever capacity is freed, so cached "does not fit" answers expire. */
  freedEpoch = 0;
  private readonly poolSizes = new Map<string, number>();
  /** Reserved node names by the workload they are reserved for. */
  private readonly reservations = new Map<string, string[]>();
  /** Bumped on every change of any node's free capacity or facts, for caches. */
  version = 0;

  constructor(
    init: {
      nodes?: readonly NodeInfo[];
      pools?: readonly PoolInfo[];
      queues?: readonly QueueInfo[];
    } = {},
  ) {
    for (const p of init.pools ?? []) this.pools.set(p.name, p);
    for (const q of init.queues ?? []) this.queues.set(q.name, q);
    for (const n of init.nodes ?? []) this.addNode(n);
  }

  // ---- nodes ----

  /** Adds a node (empty). Its name must be new. */
  addNode(info: NodeInfo): NodeSlot {
    if (this.slotByName.has(info.name)) throw new Error(`node ${info.name} already exists`);
    const index = this.freeSlots.pop() ?? this.slots.length;
    const slot = new NodeSlot(index, info);
    this.slots[index] = slot;
    this.slotByName.set(info.name, index);
    this.reindex(slot);
    this.track(info, 1);
    this.journal.record(() => this.dropNode(slot));
    return slot;
  }

  /** Removes a node. Its bookings must have been released first. */
  removeNode(name: string): void {
    const slot = this.node(name);
    if (!slot) return;
    if (slot.residents.size > 0)
      throw new Error(`node ${name} still runs ${[...slot.residents].join(', ')}`);
    this.dropNode(slot);
    this.journal.record(() => this.restoreNode(slot));
  }

  /** Replaces a node's facts (labels, schedulable, price) keeping its bookings. */
  updateNode(info: NodeInfo): void {
    const slot = this.node(info.name);
    if (!slot) throw new Error(`node ${info.name} does not exist`);
    const before = slot.info;
    if (
      before.gpus !== info.gpus ||
      before.cpuMilli !== info.cpuMilli ||
      before.memoryMiB !== info.memoryMiB
    )
      throw new Error(`node ${info.name}: capacity cannot change; remove and add the node instead`);
    this.unindex(slot);
    this.track(before, -1);
    slot.info = info;
    this.reindex(slot);
    this.track(info, 1);
    this.journal.record(() => {
      this.unindex(slot);
      this.track(info, -1);
      slot.info = before;
      this.reindex(slot);
      this.track(before, 1);
    });
  }

  node(name: string): NodeSlot | undefined {
    const i = this.slotByName.get(name);
    return i === undefined ? undefined : this.slots[i];
  }

  slot(index: number): NodeSlot {
    const s = this.slots[index];
    if (!s) throw new Error(`no node in slot ${index}`);
    return s;
  }

  /** Every node, in slot order. */
  *nodes(): IterableIterator<NodeSlot> {
    for (const s of this.slots) if (s) yield s;
  }

  get nodeCount(): number {
    return this.slotByName.size;
  }

  /** How many nodes the pool has, cordoned ones included. O(1). */
  poolSize(pool: string): number {
    return this.poolSizes.get(pool) ?? 0;
  }

  /** Nodes reserved for a workload (see {@link NodeInfo.reservedFor}). O(1). */
  reservedFor(workload: string): readonly string[] {
    return this.reservations.get(workload) ?? [];
  }

  /** The index groups of a pool (one per GPU model). */
  groupsOf(pool: string): Iterable<NodeGroup> {
    return this.groupsByPool.get(pool)?.values() ?? [];
  }

  /** Names of pools that have nodes or are declared. */
  poolNames(): string[] {
    const names = new Set<string>([...this.pools.keys(), ...this.groupsByPool.keys()]);
    return [...names].sort();
  }

  pool(name: string): PoolInfo | undefined {
    return this.pools.get(name);
  }

  /** Every declared pool. */
  allPools(): IterableIterator<PoolInfo> {
    return this.pools.values();
  }

  setPools(pools: readonly PoolInfo[]): void {
    this.pools.clear();
    for (const p of pools) this.pools.set(p.name, p);
    for (const slot of this.nodes()) this.stampPoolMarket(slot);
  }

  // ---- queues ----

  setQueues(queues: readonly QueueInfo[]): void {
    this.queues.clear();
    this.lineages.clear();
    for (const q of queues) this.queues.set(q.name, q);
    this.recomputeUsage();
  }

  queue(name: string): QueueInfo | undefined {
    return this.queues.get(name);
  }

  allQueues(): IterableIterator<QueueInfo> {
    return this.queues.values();
  }

  /** The queue and its ancestors, nearest first; stops at a missing parent or a cycle. */
  lineage(queue: string): readonly string[] {
    let out = this.lineages.get(queue);
    if (out) return out;
    const chain: string[] = [];
    for (
      let q: string | undefined = queue;
      q !== undefined && !chain.includes(q);
      q = this.queues.get(q)?.parent
    )
      chain.push(q);
    this.lineages.set(queue, (out = chain));
    return out;
  }

  /** A queue's usage in a pool (zero when it has none). */
  usageOf(queue: string, pool: string): Usage {
    return this.usage.get(queue)?.get(pool) ?? emptyUsage();
  }

  // ---- workloads ----

  /** Adds a workload to the pending set. */
  submit(w: WorkloadInfo): void {
    if (this.pendingByKey.has(w.key) || this.bookings.has(w.key))
      throw new Error(`workload ${w.key} already exists`);
    this.pendingByKey.set(w.key, w);
    this.journal.record(() => this.pendingByKey.delete(w.key));
  }

  /** Removes a pending workload. */
  withdraw(key: string): void {
    const w = this.pendingByKey.get(key);
    if (!w) return;
    this.pendingByKey.delete(key);
    this.journal.record(() => this.pendingByKey.set(key, w));
  }

  isPending(key: string): boolean {
    return this.pendingByKey.has(key);
  }

  pending(): IterableIterator<WorkloadInfo> {
    return this.pendingByKey.values();
  }

  get pendingCount(): number {
    return this.pendingByKey.size;
  }

  booking(key: string): Booking | undefined {
    return this.bookings.get(key);
  }

  bookingsAll(): IterableIterator<Booking> {
    return this.bookings.values();
  }

  /** Keys of the running workloads of a queue. */
  runningIn(queue: string): ReadonlySet<string> {
    return this.runningByQueue.get(queue) ?? new Set();
  }

  /**
   * Books a workload onto its placements (it leaves the pending set if it was there).
   * Throws if a placement does not fit: callers place only what fits.
   */
  bind(
    w: WorkloadInfo,
    placements: readonly ReplicaPlacement[],
    startedAt: number,
    lastCheckpointAt?: number,
  ): void {
    if (this.bookings.has(w.key)) throw new Error(`workload ${w.key} is already running`);
    if (placements.length !== w.replicas)
      throw new Error(
        `workload ${w.key}: ${placements.length} placements for ${w.replicas} replicas`,
      );
    for (const p of placements) this.allocate(p, w);
    const booking: Booking = { workload: w, placements, startedAt };
    if (lastCheckpointAt !== undefined) booking.lastCheckpointAt = lastCheckpointAt;
    this.bookings.set(w.key, booking);
    this.runningSet(w.queue).add(w.key);
    const wasPending = this.pendingByKey.delete(w.key);
    this.journal.record(() => {
      this.bookings.delete(w.key);
      this.runningSet(w.queue).delete(w.key);
      if (wasPending) this.pendingByKey.set(w.key, w);
    });
  }

  /** Releases a running workload's capacity; with `requeue` it goes back to pending. */
  release(key: string, requeue: boolean): Booking | undefined {
    const booking = this.bookings.get(key);
    if (!booking) return undefined;
    const w = booking.workload;
    for (const p of booking.placements) this.free(p, w);
    this.bookings.delete(key);
    this.runningSet(w.queue).delete(key);
    if (requeue) this.pendingByKey.set(key, w);
    this.journal.record(() => {
      if (requeue) this.pendingByKey.delete(key);
      this.bookings.set(key, booking);
      this.runningSet(w.queue).add(key);
    });
    return booking;
  }

  /** Marks a running workload as being evicted (checkpointing and stopping). */
  markEvicting(key: string): void {
    const booking = this.bookings.get(key);
    if (!booking || booking.evicting) return;
    booking.evicting = true;
    this.journal.record(() => {
      delete booking.evicting;
    });
  }

  /** Records that a running workload completed a checkpoint at `at`. */
  checkpointed(key: string, at: number): void {
    const booking = this.bookings.get(key);
    if (!booking) return;
    const before = booking.lastCheckpointAt;
    booking.lastCheckpointAt = at;
    this.journal.record(() => {
      booking.lastCheckpointAt = before;
    });
  }

  // ---- capacity ----

  private allocate(p: ReplicaPlacement, w: WorkloadInfo): void {
    const slot = this.node(p.node);
    if (!slot) throw new Error(`workload ${w.key}: node ${p.node} does not exist`);
    const { cpuMilli, memoryMiB } = w.request;
    if (slot.cpuFree < cpuMilli || slot.memFree < memoryMiB)
      throw new Error(`workload ${w.key}: node ${p.node} lacks CPU or memory`);
    for (const g of p.gpus) {
      const free = slot.gpuFree[g.index];
      if (free === undefined || free < g.milli)
        throw new Error(`workload ${w.key}: GPU ${g.index} of ${p.node} is full`);
    }
    this.adjust(slot, p.gpus, -1, cpuMilli, memoryMiB);
    slot.residents.add(w.key);
    this.addUsage(w, slot.info.pool, p.gpus, 1);
    this.journal.record(() => {
      this.adjust(slot, p.gpus, 1, cpuMilli, memoryMiB);
      slot.residents.delete(w.key);
      this.addUsage(w, slot.info.pool, p.gpus, -1);
    });
  }

  /**
   * Takes capacity for one replica without booking it: a tentative hold inside a journal
   * mark, undone by rolling back.
   */
  hold(p: ReplicaPlacement, request: ReplicaRequest): void {
    if (!this.journal.recording) throw new Error('hold is only allowed inside a journal mark');
    const slot = this.node(p.node);
    if (!slot) throw new Error(`node ${p.node} does not exist`);
    this.adjust(slot, p.gpus, -1, request.cpuMilli, request.memoryMiB);
    this.journal.record(() => this.adjust(slot, p.gpus, 1, request.cpuMilli, request.memoryMiB));
  }

  private free(p: ReplicaPlacement, w: WorkloadInfo): void {
    const slot = this.node(p.node);
    if (!slot) throw new Error(`workload ${w.key}: node ${p.node} does not exist`);
    const { cpuMilli, memoryMiB } = w.request;
    this.adjust(slot, p.gpus, 1, cpuMilli, memoryMiB);
    slot.residents.delete(w.key);
    this.addUsage(w, slot.info.pool, p.gpus, -1);
    this.freedEpoch++;
    this.journal.record(() => {
      this.adjust(slot, p.gpus, -1, cpuMilli, memoryMiB);
      slot.residents.add(w.key);
      this.addUsage(w, slot.info.pool, p.gpus, 1);
    });
  }

  private adjust(
    slot: NodeSlot,
    gpus: readonly GpuSlice[],
    sign: 1 | -1,
    cpuMilli: number,
    memoryMiB: number,
  ): void {
    this.unindex(slot);
    for (const g of gpus)
      slot.gpuFree[g.index] = (slot.gpuFree[g.index] as number) + sign * g.milli;
    slot.cpuFree += sign * cpuMilli;
    slot.memFree += sign * memoryMiB;
    slot.refreshSummary();
    this.reindex(slot);
  }

  private addUsage(w: WorkloadInfo, pool: string, gpus: readonly GpuSlice[], sign: 1 | -1): void {
    let gpuMilli = 0;
    for (const g of gpus) gpuMilli += g.milli;
    for (const q of this.lineage(w.queue)) {
      const u = this.usageFor(q, pool);
      u.gpuMilli += sign * gpuMilli;
      u.cpuMilli += sign * w.request.cpuMilli;
      u.memoryMiB += sign * w.request.memoryMiB;
    }
  }

  private recomputeUsage(): void {
    this.usage.clear();
    for (const b of this.bookings.values())
      for (const p of b.placements) {
        const slot = this.node(p.node);
        if (slot) this.addUsage(b.workload, slot.info.pool, p.gpus, 1);
      }
  }

  private usageFor(queue: string, pool: string): Usage {
    let byPool = this.usage.get(queue);
    if (!byPool) this.usage.set(queue, (byPool = new Map()));
    let u = byPool.get(pool);
    if (!u) byPool.set(pool, (u = emptyUsage()));
    return u;
  }

  private runningSet(queue: string): Set<string> {
    let set = this.runningByQueue.get(queue);
    if (!set) this.runningByQueue.set(queue, (set = new Set()));
    return set;
  }

  // ---- index upkeep ----

  private groupFor(info: NodeInfo): NodeGroup {
    let byModel = this.groupsByPool.get(info.pool);
    if (!byModel) this.groupsByPool.set(info.pool, (byModel = new Map()));
    const model = info.gpus > 0 ? info.gpuModel : null;
    let group = byModel.get(model);
    if (!group) byModel.set(model, (group = new NodeGroup(info.pool, model, this.slots)));
    return group;
  }

  private unindex(slot: NodeSlot): void {
    if (slot.info.schedulable) this.groupFor(slot.info).remove(slot);
  }

  private stampPoolMarket(slot: NodeSlot): void {
    slot.poolMarket = this.pools.get(slot.info.pool)?.elastic?.market;
  }

  private reindex(slot: NodeSlot): void {
    this.stampPoolMarket(slot);
    if (slot.info.schedulable && this.slots[slot.index] === slot)
      this.groupFor(slot.info).add(slot);
  }

  private dropNode(slot: NodeSlot): void {
    this.unindex(slot);
    this.track(slot.info, -1);
    this.version++;
    this.slots[slot.index] = undefined;
    this.slotByName.delete(slot.info.name);
    this.freeSlots.push(slot.index);
  }

  private restoreNode(slot: NodeSlot): void {
    const at = this.freeSlots.lastIndexOf(slot.index);
    if (at >= 0) this.freeSlots.splice(at, 1);
    this.slots[slot.index] = slot;
    this.slotByName.set(slot.info.name, slot.index);
    this.reindex(slot);
    this.track(slot.info, 1);
  }

  /** Keeps the pool sizes and reservations in step with a node coming (+1) or going (−1). */
  private track(info: NodeInfo, delta: 1 | -1): void {
    this.poolSizes.set(info.pool, (this.poolSizes.get(info.pool) ?? 0) + delta);
    if (info.reservedFor === undefined) return;
    const nodes = this.reservations.get(info.reservedFor) ?? [];
    const rest = delta > 0 ? [...nodes, info.name] : nodes.filter((n) => n !== info.name);
    if (rest.length > 0) this.reservations.set(info.reservedFor, rest);
    else this.reservations.delete(info.reservedFor);
  }

  /** Capacity of the schedulable nodes per pool (pools with none are absent). O(pools × models). */
  capacityByPool(): Map<string, Usage> {
    const out = new Map<string, Usage>();
    for (const [pool, byModel] of this.groupsByPool) {
      const c = emptyUsage();
      for (const g of byModel.values()) {
        c.gpuMilli += g.capacity.gpuMilli;
        c.cpuMilli += g.capacity.cpuMilli;
        c.memoryMiB += g.capacity.memoryMiB;
      }
      if (c.gpuMilli > 0 || c.cpuMilli > 0) out.set(pool, c);
    }
    return out;
  }
}
