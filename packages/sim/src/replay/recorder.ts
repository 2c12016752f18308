import type { ClusterState, ScheduleResult } from '@roam/core';
import type { CapacityEvent, EngineEvent, EventSink } from '@roam/engine';

/** Time-weighted accumulation of a piecewise-constant quantity. */
class Integral {
  private lastAt: number | undefined;
  private lastValue = 0;
  total = 0;

  /** The quantity is `value` from `at` on. */
  set(at: number, value: number): void {
    if (this.lastAt !== undefined) this.total += this.lastValue * (at - this.lastAt);
    this.lastAt = at;
    this.lastValue = value;
  }
}

/** One queue's time-integrated allocation and fair share, milli-GPU·ms. */
interface QueueTotals {
  readonly allocated: Integral;
  readonly fairShare: Integral;
  readonly deserved: number;
}

/** A sample of the cluster after a cycle, for charts. */
export interface ReplaySample {
  readonly at: number;
  readonly allocatedMilli: number;
  readonly byQueue: Readonly<Record<string, number>>;
}

/**
 * Watches a replay: counts events, times each job (submit, first start, finish), and
 * integrates GPU allocation and each queue's allocation and fair share over time.
 */
export class ReplayRecorder implements EventSink {
  readonly submitted = new Map<string, number>();
  readonly firstStart = new Map<string, number>();
  readonly finished = new Map<string, number>();
  preemptions = 0;
  lostGpuMilliMs = 0;
  /** Work lost when spot capacity was reclaimed under running jobs, milli-GPU·ms. */
  lostToReclaimsGpuMilliMs = 0;
  readonly samples: ReplaySample[] = [];
  private readonly allocated = new Integral();
  /** GPUs the cluster has (it changes with elastic capacity), milli-GPU. */
  private readonly capacity = new Integral();
  private readonly queues = new Map<string, QueueTotals>();
  /** Hash input: every event, in order. */
  private readonly log: string[] = [];
  private firstAt: number | undefined;
  private lastAt = 0;

  constructor(
    private readonly keepLog: boolean,
    private readonly sampleEveryMs: number,
  ) {}

  record(e: EngineEvent): void {
    if (this.keepLog) this.log.push(`${e.at} ${e.kind} ${e.workload ?? e.node ?? ''} ${e.reason}`);
    const key = e.workload;
    if (key === undefined) return;
    if (e.kind === 'submitted') this.submitted.set(key, e.at);
    else if (e.kind === 'started' && !this.firstStart.has(key)) this.firstStart.set(key, e.at);
    else if (e.kind === 'succeeded' || e.kind === 'failed') this.finished.set(key, e.at);
    else if (e.kind === 'preempted') {
      this.preemptions++;
      this.lostGpuMilliMs += e.lostGpuMilliMs ?? 0;
      if (e.reason.startsWith('reclaimed:')) this.lostToReclaimsGpuMilliMs += e.lostGpuMilliMs ?? 0;
    }
  }

  /** Capacity events (launches, reclaims, moves) join the event log. */
  capacityEvent(e: CapacityEvent, at: number): void {
    if (this.keepLog) this.log.push(`${at} ${e.kind} ${e.workload ?? e.node ?? ''} ${e.reason}`);
  }

  /** Records the cluster after a cycle at time `at`. */
  afterCycle(
    at: number,
    state: ClusterState,
    result: ScheduleResult,
    deserved: ReadonlyMap<string, number>,
  ): void {
    this.firstAt ??= at;
    this.lastAt = at;
    let total = 0;
    const byQueue: Record<string, number> = {};
    const queues = new Set<string>([...result.fairShares.keys(), ...deserved.keys()]);
    for (const q of queues) {
      let alloc = 0;
      for (const pool of state.poolNames()) alloc += state.usageOf(q, pool).gpuMilli;
      let share = 0;
      for (const v of result.fairShares.get(q)?.values() ?? []) share += v;
      const totals = this.queueTotals(q, deserved.get(q) ?? 0);
      totals.allocated.set(at, alloc);
      totals.fairShare.set(at, share);
      byQueue[q] = alloc;
      if (state.queue(q)?.parent === undefined) total += alloc;
    }
    this.allocated.set(at, total);
    let capacity = 0;
    for (const c of state.capacityByPool().values()) capacity += c.gpuMilli;
    this.capacity.set(at, capacity);
    const last = this.samples[this.samples.length - 1];
    if (!last || at - last.at >= this.sampleEveryMs)
      this.samples.push({ at, allocatedMilli: total, byQueue });
  }

  /** Closes the integrals at the end of the run. */
  close(at: number): void {
    this.allocated.set(at, 0);
    this.capacity.set(at, 0);
    for (const t of this.queues.values()) {
      t.allocated.set(at, 0);
      t.fairShare.set(at, 0);
    }
    this.lastAt = Math.max(this.lastAt, at);
  }

  /** Allocated GPU-time over the cluster's GPU-time, % (0 when it had none). */
  allocationPct(): number {
    return this.capacity.total > 0 ? (100 * this.allocated.total) / this.capacity.total : 0;
  }

  /** Per queue: mean allocation and fair share over the run (milli-GPU), and deserved. */
  queueMeans(): {
    queue: string;
    allocatedMilli: number;
    fairShareMilli: number;
    deservedMilli: number;
  }[] {
    const span = Math.max(1, this.lastAt - (this.firstAt ?? 0));
    return [...this.queues.entries()]
      .map(([queue, t]) => ({
        queue,
        allocatedMilli: t.allocated.total / span,
        fairShareMilli: t.fairShare.total / span,
        deservedMilli: t.deserved,
      }))
      .sort((a, b) => (a.queue < b.queue ? -1 : 1));
  }

  /** The event log, one line per event (empty unless kept). */
  eventLog(): readonly string[] {
    return this.log;
  }

  private queueTotals(q: string, deserved: number): QueueTotals {
    let t = this.queues.get(q);
    if (!t)
      this.queues.set(q, (t = { allocated: new Integral(), fairShare: new Integral(), deserved }));
    return t;
  }
}
