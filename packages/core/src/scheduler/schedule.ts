import {
  computeDemand,
  computeFairShares,
  eligiblePools,
  type FairShares,
} from '../fairshare/fair-share.js';
import type { ClusterState } from '../model/cluster-state.js';
import { emptyUsage, type Usage, type WorkloadInfo } from '../model/types.js';
import type { Rng } from '../rng.js';
import { compareStrings, Heap } from '../util/heap.js';
import { reclaimLossBounded } from '../provisioner/market-rule.js';
import type { SchedulerConfig } from './config.js';
import type {
  Bind,
  Decision,
  Eviction,
  GangPartial,
  PendingCode,
  PendingReason,
  ScheduleResult,
} from './decisions.js';
import { placeGang } from './gang.js';
import type { PlacementContext, PlacementPolicy } from './placement/policy.js';
import { TaskMix } from './placement/task-mix.js';
import { lostWork, planPreemption, type PreemptionPlan } from './preemption.js';
import { quotaBlock, type QuotaBlock } from './quota.js';
import { fairnessRatio } from './queue-order.js';
import { explainNoFit } from './reasons.js';

/** What the caller knows from earlier cycles. */
export interface ScheduleHints {
  /**
   * Pending workloads whose evictions have completed: the room was made for them, so they
   * are considered before queue order (like Kubernetes' nominated pods).
   */
  readonly nominated?: ReadonlySet<string>;
}

/**
 * One scheduling cycle: decides which pending workloads start where, which running ones
 * are evicted to make room, and why the rest wait. Pure: `state` is changed only
 * tentatively and restored before returning; the engine applies the decisions.
 *
 * Queues are served furthest-below-fair-share first (re-ranked after every placement);
 * within a queue by priority, then submission time. Each workload is checked against
 * quota, placed as a gang (all replicas or none) by its pool's placement policy, and,
 * failing that, may preempt lower-priority work of its queue or reclaim from queues over
 * their fair share.
 */
export function schedule(
  state: ClusterState,
  config: SchedulerConfig,
  now: number,
  rng: Rng,
  hints: ScheduleHints = {},
): ScheduleResult {
  const mark = state.journal.mark();
  try {
    return new Cycle(state, config, now, rng, hints).run();
  } finally {
    state.journal.rollback(mark);
  }
}

interface QueueEntry {
  readonly name: string;
  readonly pending: WorkloadInfo[];
  next: number;
  ratio: number;
}

class Cycle {
  private readonly pools: string[];
  private readonly capacity: Map<string, Usage>;
  private readonly totals: Usage;
  private readonly fairShares: FairShares;
  private readonly ctx: PlacementContext;
  private readonly result: { binds: Bind[]; evictions: Eviction[]; pending: PendingReason[] };
  /** Requests known not to fit (by shape), valid while no capacity is freed. */
  private readonly noFit = new Map<
    string,
    { epoch: number; code: PendingCode; reason: string; partial?: GangPartial }
  >();
  private preemptionAttempts = 0;
  private readonly eligibleCache = new Map<string, readonly string[]>();
  /** Preemption attempts that found no plan, by request, queue and priority: the epoch they failed in. */
  private readonly noVictims = new Map<string, number>();
  /** Workloads started or given room this cycle; they are not evicted in the same cycle. */
  private readonly startedThisCycle = new Set<string>();

  constructor(
    private readonly state: ClusterState,
    private readonly config: SchedulerConfig,
    private readonly now: number,
    rng: Rng,
    private readonly hints: ScheduleHints,
  ) {
    this.capacity = state.capacityByPool();
    this.pools = [...this.capacity.keys()].sort(compareStrings);
    this.totals = emptyUsage();
    for (const c of this.capacity.values()) {
      this.totals.gpuMilli += c.gpuMilli;
      this.totals.cpuMilli += c.cpuMilli;
      this.totals.memoryMiB += c.memoryMiB;
    }
    this.fairShares = computeFairShares(state, this.capacity, computeDemand(state, this.pools));
    let mix = config.taskMix;
    // The task mix costs O(workloads); only fragmentation-aware policies read it.
    this.ctx = {
      rng,
      state,
      get taskMix(): TaskMix {
        return (mix ??= mixOf(state));
      },
    };
    this.result = { binds: [], evictions: [], pending: [] };
  }

  run(): ScheduleResult {
    const heap = new Heap<QueueEntry>(
      (a, b) => a.ratio < b.ratio || (a.ratio === b.ratio && a.name < b.name),
    );
    const nominated = this.hints.nominated;
    if (nominated && nominated.size > 0) {
      const first = [...this.state.pending()].filter((w) => nominated.has(w.key));
      first.sort(byPriorityThenAge);
      for (const w of first) this.consider(w);
    }
    for (const entry of this.queueEntries()) heap.push(entry);
    while (heap.size > 0) {
      const entry = heap.pop() as QueueEntry;
      const ratio = this.ratioOf(entry.name);
      const top = heap.peek();
      if (ratio > entry.ratio && top && ratio > top.ratio) {
        // Evictions changed this queue's standing since it was ranked: rank it again.
        entry.ratio = ratio;
        heap.push(entry);
        continue;
      }
      this.consider(entry.pending[entry.next++] as WorkloadInfo);
      if (entry.next < entry.pending.length) {
        entry.ratio = this.ratioOf(entry.name);
        heap.push(entry);
      }
    }
    return { ...this.result, fairShares: this.fairShares };
  }

  private queueEntries(): QueueEntry[] {
    const byQueue = new Map<string, WorkloadInfo[]>();
    for (const w of this.state.pending()) {
      if (this.hints.nominated?.has(w.key)) continue;
      const list = byQueue.get(w.queue) ?? [];
      list.push(w);
      byQueue.set(w.queue, list);
    }
    const entries: QueueEntry[] = [];
    for (const [name, pending] of byQueue) {
      pending.sort(byPriorityThenAge);
      entries.push({ name, pending, next: 0, ratio: this.ratioOf(name) });
    }
    return entries;
  }

  private ratioOf(queue: string): number {
    return fairnessRatio(this.state, queue, this.pools, this.totals, this.fairShares);
  }

  private consider(w: WorkloadInfo): void {
    if (!this.state.queue(w.queue))
      return this.wait(w, 'unknown-queue', `queue ${w.queue} does not exist`);
    const pools = this.eligible(w);
    if (pools.length === 0) return this.wait(w, 'no-pool', noPoolReason(w));
    const open: string[] = [];
    let block: QuotaBlock | undefined;
    for (const pool of pools) {
      const b = quotaBlock(this.state, w, pool);
      if (b) block ??= b;
      else open.push(pool);
    }
    if (open.length === 0 && block) return this.wait(w, block.code, block.reason);
    if (this.placeOnReserved(w, open)) return;
    const shape = shapeKey(w, open);
    const known = this.noFit.get(shape);
    if (known && known.epoch === this.state.freedEpoch) {
      // Same request shape failed since capacity was last freed: only preemption can help.
      if (!this.tryPreemption(w, this.fixedOf(open)))
        this.wait(w, known.code, known.reason, known.partial);
      return;
    }
    let partial: GangPartial | undefined;
    for (const pool of open) {
      const gang = placeGang(this.state, w, pool, this.policyFor(pool), this.ctx);
      if (gang.ok) return this.bind(w, pool, gang.placements);
      if (gang.placed > (partial?.replicas ?? 0)) partial = { pool, replicas: gang.placed };
    }
    const placed = partial?.replicas ?? 0;
    const code: PendingCode = placed > 0 ? 'gang' : 'no-capacity';
    const reason = open.map((pool) => explainNoFit(this.state, w, pool, placed)).join('; ');
    this.noFit.set(shape, {
      epoch: this.state.freedEpoch,
      code,
      reason,
      ...(partial && { partial }),
    });
    if (!this.tryPreemption(w, this.fixedOf(open))) this.wait(w, code, reason, partial);
  }

  /** The pools that cannot grow: elastic pools below their maximum launch for work instead. */
  private fixedOf(pools: readonly string[]): string[] {
    return pools.filter((pool) => !this.canGrow(pool));
  }

  /** Places a moving workload on the nodes reserved for it, if they hold it. O(nodes) when it has any. */
  private placeOnReserved(w: WorkloadInfo, pools: readonly string[]): boolean {
    const reserved = this.state.reservedFor(w.key);
    if (reserved.length === 0) return false;
    for (const pool of pools) {
      const policy = onlyOn(this.policyFor(pool), new Set(reserved));
      const gang = placeGang(this.state, w, pool, policy, this.ctx);
      if (gang.ok) {
        this.bind(w, pool, gang.placements);
        return true;
      }
    }
    return false;
  }

  /** Whether the pool is elastic and below its maximum size. */
  private canGrow(pool: string): boolean {
    const elastic = this.state.pool(pool)?.elastic;
    return elastic !== undefined && this.state.poolSize(pool) < elastic.maxNodes;
  }

  /** Eligible pools, shared by workloads with the same pool list and GPU models. */
  private eligible(w: WorkloadInfo): readonly string[] {
    const key = `${w.nodePools.join(',')}|${w.request.gpuMilli > 0 ? w.request.gpuModels.join(',') : '-'}`;
    let pools = this.eligibleCache.get(key);
    if (!pools) this.eligibleCache.set(key, (pools = eligiblePools(this.state, w, this.pools)));
    return pools;
  }

  private tryPreemption(w: WorkloadInfo, pools: readonly string[]): boolean {
    // Reclaim first: on equal loss, take back from queues over their share rather than from the workload's own.
    const modes = [
      ...(this.config.reclaim ? (['reclaim'] as const) : []),
      ...(this.config.preemption ? (['preempt'] as const) : []),
    ];
    if (modes.length === 0 || this.preemptionAttempts >= this.config.maxPreemptionAttempts)
      return false;
    // The same request, queue and priority finds no victims again until capacity is freed.
    const attempt = `${shapeKey(w, pools)}|${w.queue}|${w.priority}`;
    if (this.noVictims.get(attempt) === this.state.freedEpoch) return false;
    this.preemptionAttempts++;
    // Every mode and pool may have a plan; the one that loses the least work wins.
    let best: { pool: string; plan: PreemptionPlan; cost: number } | undefined;
    for (const mode of modes)
      for (const pool of pools) {
        const plan = planPreemption(
          {
            state: this.state,
            w,
            pool,
            policy: this.policyFor(pool),
            ctx: this.ctx,
            fairShares: this.fairShares,
            now: this.now,
            protected: this.startedThisCycle,
          },
          mode,
        );
        if (!plan) continue;
        const cost = plan.victims.reduce((a, v) => a + lostWork(v, this.now), 0);
        if (!best || cost < best.cost) best = { pool, plan, cost };
      }
    if (best) {
      this.applyPlan(w, best.pool, best.plan);
      return true;
    }
    this.noVictims.set(attempt, this.state.freedEpoch);
    return false;
  }

  private applyPlan(w: WorkloadInfo, pool: string, plan: PreemptionPlan): void {
    for (const v of plan.victims) {
      const lost = lostWork(v, this.now);
      this.state.release(v.workload.key, false);
      const reason =
        plan.mode === 'preempt'
          ? `preempted by ${w.key} (priority ${w.priority} > ${v.workload.priority}) in queue ${w.queue}`
          : `reclaimed by queue ${w.queue} (within its deserved share in pool ${pool}) for ${w.key}; queue ${v.workload.queue} is over its fair share`;
      this.emit(this.result.evictions, {
        type: 'evict',
        workload: v.workload.key,
        cause: plan.mode,
        for: w.key,
        lostGpuMilliMs: lost,
        reason,
      });
    }
    // Hold the room until the victims have checkpointed and stopped.
    this.state.bind(w, plan.placements, this.now);
    this.startedThisCycle.add(w.key);
    const victims = plan.victims.map((v) => v.workload.key).join(', ');
    this.wait(
      w,
      'preempting',
      `waiting for ${plan.victims.length} evicted workload(s) to checkpoint and stop: ${victims}`,
    );
  }

  private bind(w: WorkloadInfo, pool: string, placements: Bind['placements']): void {
    this.state.bind(w, placements, this.now);
    this.startedThisCycle.add(w.key);
    const where = placements
      .map((p) =>
        p.gpus.length > 0
          ? `${p.node} [${p.gpus.map((g) => `gpu${g.index}${g.milli < 1000 ? `:${g.milli}m` : ''}`).join(' ')}]`
          : p.node,
      )
      .join(', ');
    const policy = this.policyFor(pool).name;
    this.emit(this.result.binds, {
      type: 'bind',
      workload: w.key,
      pool,
      placements,
      reason: `placed by ${policy} in pool ${pool} on ${where}`,
    });
  }

  private wait(w: WorkloadInfo, code: PendingCode, reason: string, partial?: GangPartial): void {
    this.emit(this.result.pending, {
      type: 'pending',
      workload: w.key,
      code,
      reason,
      ...(partial && { partial }),
    });
  }

  private emit<D extends Decision>(list: D[], decision: D): void {
    list.push(decision);
    this.config.onDecision?.(decision);
  }

  private policyFor(pool: string): PlacementPolicy {
    if (this.config.policyOverride) return this.config.policyOverride;
    const strategy = this.state.pool(pool)?.placement ?? this.config.defaultStrategy;
    return this.config.policies[strategy];
  }
}

/** The policy restricted to the named nodes (scoring all of them). */
function onlyOn(policy: PlacementPolicy, nodes: ReadonlySet<string>): PlacementPolicy {
  return {
    name: policy.name,
    order: policy.order,
    maxCandidates: Infinity,
    evaluate: (node, req, ctx) =>
      nodes.has(node.info.name) ? policy.evaluate(node, req, ctx) : undefined,
    ...(policy.normalize
      ? { normalize: (scores) => policy.normalize?.(scores) ?? [...scores] }
      : {}),
  };
}

function noPoolReason(w: WorkloadInfo): string {
  const named = w.nodePools.length > 0 ? `node pool ${w.nodePools.join(' or ')}` : 'no node pool';
  const models =
    w.request.gpuMilli > 0 && w.request.gpuModels.length > 0
      ? `${w.request.gpuModels.join(' or ')} `
      : '';
  const what =
    w.request.gpuMilli > 0 ? `schedulable nodes with ${models}GPUs` : 'schedulable nodes';
  return w.nodePools.length > 0 ? `${named} has no ${what}` : `${named} has ${what}`;
}

/** Higher priority first, then older, then by key. */
function byPriorityThenAge(a: WorkloadInfo, b: WorkloadInfo): number {
  return b.priority - a.priority || a.submittedAt - b.submittedAt || compareStrings(a.key, b.key);
}

const shapeKeys = new WeakMap<WorkloadInfo, string>();

/** Requests with the same shape and pools fit or fail alike. */
function shapeKey(w: WorkloadInfo, pools: readonly string[]): string {
  let own = shapeKeys.get(w);
  if (own === undefined) shapeKeys.set(w, (own = ownShape(w)));
  return `${pools.join(',')}|${own}`;
}

/** Everything of a workload the node filters read: its request, selector and capacity. */
function ownShape(w: WorkloadInfo): string {
  const r = w.request;
  const selector = Object.entries(w.nodeSelector)
    .map(([k, v]) => `${k}=${v}`)
    .sort(compareStrings)
    .join(',');
  const c = w.capacity;
  const capacity = c ? `${c.market}:${c.clouds.join(',')}:${c.regions.join(',')}` : 'any';
  return `${w.replicas}|${r.gpuMilli}|${r.cpuMilli}|${r.memoryMiB}|${r.gpuModels.join(',')}|${selector}|${capacity}|${reclaimLossBounded(w) ? 'bounded' : 'unbounded'}`;
}

/** The request mix of every pending and running workload, weighted by replicas. */
function mixOf(state: ClusterState): TaskMix {
  const requests: WorkloadInfo['request'][] = [];
  for (const w of state.pending()) for (let i = 0; i < w.replicas; i++) requests.push(w.request);
  for (const b of state.bookingsAll())
    for (let i = 0; i < b.workload.replicas; i++) requests.push(b.workload.request);
  return TaskMix.fromRequests(requests);
}
