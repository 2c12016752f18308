import type { FairShares } from '../fairshare/fair-share.js';
import { quotaIn } from '../fairshare/fair-share.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { NodeSlot } from '../model/node-slot.js';
import type { Booking, ReplicaPlacement, WorkloadInfo } from '../model/types.js';
import { workloadGpuMilli } from '../model/types.js';
import { compareStrings } from '../util/heap.js';
import { findNode } from './placement/find-node.js';
import { MILLI_PER_GPU } from '../units.js';
import { capacityAllows, labelsMatch, modelAllowed } from './placement/filters.js';
import type { PlacementContext, PlacementPolicy } from './placement/policy.js';

/** Who may be evicted to make room: lower priority in the same queue, or reclaim across queues. */
export type PreemptionMode = 'preempt' | 'reclaim';

/** A plan that makes room for a workload by evicting others. */
export interface PreemptionPlan {
  readonly mode: PreemptionMode;
  readonly placements: ReplicaPlacement[];
  readonly victims: Booking[];
}

/** Work a victim loses if evicted now: its GPUs × time since its last checkpoint (milli-GPU·ms). */
export function lostWork(b: Booking, now: number): number {
  const since = b.lastCheckpointAt ?? b.startedAt;
  return Math.max(1, workloadGpuMilli(b.workload)) * Math.max(0, now - since);
}

/** What a preemption plan needs to know besides the state. */
export interface PreemptionInput {
  readonly state: ClusterState;
  readonly w: WorkloadInfo;
  readonly pool: string;
  readonly policy: PlacementPolicy;
  readonly ctx: PlacementContext;
  readonly fairShares: FairShares;
  readonly now: number;
  /** Workloads placed or given room in this cycle: never victims in the same cycle. */
  readonly protected: ReadonlySet<string>;
}

/**
 * Plans evictions that let every replica of `w` run in `pool`, choosing for each replica
 * the node where the victims lose the least work (ties: fewer victims, then slot order).
 * `preempt` evicts preemptible work of lower priority in `w`'s own queue. `reclaim`
 * (only for a queue that stays within its deserved share) evicts preemptible work of
 * queues over their fair share, never taking a victim's queue (or department) below its
 * deserved share. The state is unchanged on return.
 */
export function planPreemption(
  input: PreemptionInput,
  mode: PreemptionMode,
): PreemptionPlan | undefined {
  const { state, w, pool } = input;
  if (mode === 'reclaim' && !withinDeserved(input)) return undefined;
  const mark = state.journal.mark();
  try {
    const placements: ReplicaPlacement[] = [];
    const victims: Booking[] = [];
    let candidates: NodeSlot[] | undefined;
    for (let r = 0; r < w.replicas; r++) {
      const free = findNode(state, w, pool, input.policy, input.ctx);
      let placement: ReplicaPlacement | undefined = free && {
        node: free.slot.info.name,
        gpus: free.choice.gpus,
      };
      if (!placement) {
        candidates ??= candidateNodes(input, mode);
        const best = cheapestNode(input, mode, candidates);
        if (!best) return undefined;
        for (const v of best.victims) {
          state.release(v.workload.key, false);
          victims.push(v);
        }
        const choice = input.policy.evaluate(best.slot, w.request, input.ctx);
        if (!choice) return undefined;
        placement = { node: best.slot.info.name, gpus: choice.gpus };
      }
      state.hold(placement, w.request);
      placements.push(placement);
    }
    return { mode, placements, victims };
  } finally {
    state.journal.rollback(mark);
  }
}

/** Whether `w`'s queue stays within its deserved share in the pool after taking `w`. */
function withinDeserved({ state, w, pool }: PreemptionInput): boolean {
  const deserved = quotaIn(state.queue(w.queue), pool).deservedMilli;
  return state.usageOf(w.queue, pool).gpuMilli + workloadGpuMilli(w) <= deserved;
}

interface NodeOption {
  readonly slot: NodeSlot;
  readonly victims: Booking[];
  readonly cost: number;
}

/** Feasible nodes to compare at least (Kubernetes' default preemption compares 100). */
const MIN_CANDIDATES = 50;
/** …or this share of the candidate nodes, whichever is more (Kubernetes: 10%). */
const CANDIDATE_SHARE = 0.01;

/**
 * The node where evictions for one replica lose the least work. Like Kubernetes' default
 * preemption, it compares a bounded number of feasible nodes — max(50, 1% of the
 * candidates; Kubernetes uses max(100, 10%)) — starting at an offset drawn from the rng,
 * so a plan costs O(that bound) however large the cluster.
 */
/** Nodes of the pool, in slot order, that host a workload `w` may evict (computed once per plan). */
function candidateNodes(input: PreemptionInput, mode: PreemptionMode): NodeSlot[] {
  const { state, w, pool } = input;
  const candidates = new Map<number, NodeSlot>();
  for (const b of eligibleVictims(input, mode))
    for (const p of b.placements) {
      const slot = state.node(p.node);
      if (
        slot &&
        slot.info.pool === pool &&
        slot.info.schedulable &&
        modelAllowed(slot.info.gpuModel, w.request)
      )
        candidates.set(slot.index, slot);
    }
  return [...candidates.values()].sort((a, b) => a.index - b.index);
}

function cheapestNode(
  input: PreemptionInput,
  mode: PreemptionMode,
  order: readonly NodeSlot[],
): NodeOption | undefined {
  const enough = Math.max(MIN_CANDIDATES, Math.ceil(order.length * CANDIDATE_SHARE));
  const offset = order.length > enough ? input.ctx.rng.int(order.length) : 0;
  let best: NodeOption | undefined;
  let feasible = 0;
  for (let i = 0; i < order.length && feasible < enough; i++) {
    const option = evictUntilFits(input, mode, order[(offset + i) % order.length] as NodeSlot);
    if (!option) continue;
    feasible++;
    if (
      !best ||
      option.cost < best.cost ||
      (option.cost === best.cost && option.victims.length < best.victims.length)
    )
      best = option;
  }
  return best;
}

/**
 * The cheapest eligible residents of a node whose eviction lets one replica fit, found by
 * arithmetic on a copy of the node's free capacity (no state changes). O(r log r) for r
 * residents.
 */
function evictUntilFits(
  input: PreemptionInput,
  mode: PreemptionMode,
  slot: NodeSlot,
): NodeOption | undefined {
  const { state, w, now, pool } = input;
  const req = w.request;
  if (!labelsMatch(slot, w.nodeSelector) || !capacityAllows(slot, w)) return undefined;
  const gpuFree = Int32Array.from(slot.gpuFree);
  let cpuFree = slot.cpuFree;
  let memFree = slot.memFree;
  const fits = (): boolean =>
    cpuFree >= req.cpuMilli && memFree >= req.memoryMiB && gpuArrayFits(gpuFree, req.gpuMilli);
  if (fits()) return undefined; // room without evictions is findNode's to find
  /** GPU taken so far from each queue of the victims' lineages, milli-GPU in this pool. */
  const taken = new Map<string, number>();
  const residents = [...slot.residents]
    .map((key) => state.booking(key))
    .filter((b): b is Booking => b !== undefined && isEligible(input, mode, b))
    .sort(
      (a, b) =>
        lostWork(a, now) - lostWork(b, now) || compareStrings(a.workload.key, b.workload.key),
    );
  const victims: Booking[] = [];
  let cost = 0;
  for (const b of residents) {
    if (fits()) break;
    const inPool = gpuInPool(state, b, pool);
    if (!isEligible(input, mode, b, taken)) continue;
    if (mode === 'reclaim' && !keepsDeserved(input, b.workload, inPool, taken)) continue;
    for (const q of state.lineage(b.workload.queue)) taken.set(q, (taken.get(q) ?? 0) + inPool);
    for (const p of b.placements) {
      if (p.node !== slot.info.name) continue;
      for (const g of p.gpus) gpuFree[g.index] = (gpuFree[g.index] as number) + g.milli;
      cpuFree += b.workload.request.cpuMilli;
      memFree += b.workload.request.memoryMiB;
    }
    victims.push(b);
    cost += lostWork(b, now);
  }
  return fits() ? { slot, victims, cost } : undefined;
}

function gpuArrayFits(gpuFree: Int32Array, gpuMilli: number): boolean {
  if (gpuMilli === 0) return true;
  if (gpuMilli >= MILLI_PER_GPU) {
    let full = 0;
    for (const f of gpuFree) if (f === MILLI_PER_GPU) full++;
    return full >= gpuMilli / MILLI_PER_GPU;
  }
  for (const f of gpuFree) if (f >= gpuMilli) return true;
  return false;
}

/** GPU a booking holds in a pool, milli-GPU. */
function gpuInPool(state: ClusterState, b: Booking, pool: string): number {
  let sum = 0;
  for (const p of b.placements)
    if (state.node(p.node)?.info.pool === pool) for (const g of p.gpus) sum += g.milli;
  return sum;
}

function eligibleVictims(input: PreemptionInput, mode: PreemptionMode): Booking[] {
  const { state, w } = input;
  const out: Booking[] = [];
  if (mode === 'preempt') {
    for (const key of state.runningIn(w.queue)) {
      const b = state.booking(key);
      if (b && isEligible(input, mode, b)) out.push(b);
    }
    return out;
  }
  for (const q of state.allQueues()) {
    if (
      state.usageOf(q.name, input.pool).gpuMilli <=
      (input.fairShares.get(q.name)?.get(input.pool) ?? 0)
    )
      continue;
    for (const key of state.runningIn(q.name)) {
      const b = state.booking(key);
      if (b && isEligible(input, mode, b)) out.push(b);
    }
  }
  return out;
}

/** Whether `b` may be evicted for `w`; `taken` is GPU already planned away from each queue. */
function isEligible(
  input: PreemptionInput,
  mode: PreemptionMode,
  b: Booking,
  taken?: ReadonlyMap<string, number>,
): boolean {
  const v = b.workload;
  const { w, state, pool, fairShares } = input;
  if (!v.preemptible || b.evicting || v.key === w.key || input.protected.has(v.key)) return false;
  if (mode === 'preempt') return v.queue === w.queue && v.priority < w.priority;
  if (v.queue === w.queue) return false;
  const share = fairShares.get(v.queue)?.get(pool) ?? 0;
  return state.usageOf(v.queue, pool).gpuMilli - (taken?.get(v.queue) ?? 0) > share;
}

/**
 * Whether evicting `victim` (holding `gpu` milli-GPU in the pool), on top of what is
 * already `taken`, leaves every queue in its lineage but not `w`'s at or above its
 * deserved share.
 */
function keepsDeserved(
  input: PreemptionInput,
  victim: WorkloadInfo,
  gpu: number,
  taken: ReadonlyMap<string, number>,
): boolean {
  const { state, w, pool } = input;
  const own = state.lineage(w.queue);
  for (const q of state.lineage(victim.queue)) {
    if (own.includes(q)) continue;
    const left = state.usageOf(q, pool).gpuMilli - (taken.get(q) ?? 0) - gpu;
    if (left < quotaIn(state.queue(q), pool).deservedMilli) return false;
  }
  return true;
}
