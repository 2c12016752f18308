import {
  schedule,
  type ReplicaPlacement,
  workloadGpuMilli,
  type ClusterState,
  type NodeInfo,
  type Rng,
  type ScheduleResult,
  type SchedulerConfig,
  type WorkloadInfo,
} from '@roam/core';
import type { EngineEvent } from './events.js';
import type { Clock, EventSink, Runtime } from './ports.js';
import { isFinished, restrictedToOnDemand, type WorkloadRecord } from './records.js';

/** What an engine is built from. */
export interface EngineOptions {
  readonly state: ClusterState;
  readonly config: SchedulerConfig;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly runtime: Runtime;
  readonly sink?: EventSink;
}

/**
 * The control loop around the core: it keeps the cluster state and a record of every
 * workload, reacts to events (submissions, completions, node changes, evictions done),
 * runs scheduling cycles and carries out their decisions through the runtime. The same
 * engine runs under the simulator's virtual clock and the system clock.
 *
 * A workload that preempts others waits outside the pending set until every victim has
 * checkpointed and stopped, so it neither plans a second eviction nor loses its room.
 */
export class Engine {
  readonly state: ClusterState;
  private readonly records = new Map<string, WorkloadRecord>();
  /** Preemptor → victims still stopping. */
  private readonly nominations = new Map<string, Set<string>>();
  private readonly preemptorOf = new Map<string, string>();
  /** Running workloads being stopped because a user cancelled them. */
  private readonly cancelling = new Set<string>();
  private changed = true;
  /** Preemptors whose victims have all stopped: considered first in the next cycle. */
  private readonly ready = new Set<string>();

  constructor(private readonly options: EngineOptions) {
    this.state = options.state;
  }

  private get now(): number {
    return this.options.clock.now();
  }

  /**
   * Whether something happened since the last cycle that a new cycle could act on
   * (arrivals, completions, evictions done, node changes).
   */
  get needsCycle(): boolean {
    return this.changed;
  }

  /** Accepts a workload. Throws if its key is taken by a workload that has not finished. */
  submit(w: WorkloadInfo): void {
    const existing = this.records.get(w.key);
    if (existing && !isFinished(existing.phase))
      throw new Error(`workload ${w.key} already exists`);
    this.records.set(w.key, { info: w, phase: 'Pending', reason: 'submitted', preemptions: 0 });
    this.state.submit(w);
    this.emit({ kind: 'submitted', workload: w.key, reason: `submitted to queue ${w.queue}` });
  }

  /** Takes over a pending workload after a restart (no new event: it was submitted before). */
  adoptPending(w: WorkloadInfo, preemptions: number, onDemandOnly?: string): void {
    if (this.records.has(w.key)) throw new Error(`workload ${w.key} already exists`);
    const rec: WorkloadRecord = {
      info: onDemandOnly === undefined ? w : restrictedToOnDemand(w),
      phase: 'Pending',
      reason: 'pending (recovered after a restart)',
      preemptions,
      ...(onDemandOnly !== undefined ? { onDemandOnly } : {}),
    };
    this.records.set(w.key, rec);
    this.state.submit(rec.info);
    this.changed = true;
  }

  /**
   * Takes over a workload that was already running when the control plane restarted:
   * books it at its placements (throws if they no longer fit) and tells the runtime to
   * carry on. Nothing is emitted: it is not a new start.
   */
  adoptRunning(
    w: WorkloadInfo,
    placements: readonly ReplicaPlacement[],
    since: {
      startedAt: number;
      firstStartedAt: number;
      preemptions: number;
      onDemandOnly?: string;
    },
  ): void {
    if (this.records.has(w.key)) throw new Error(`workload ${w.key} already exists`);
    const info = since.onDemandOnly === undefined ? w : restrictedToOnDemand(w);
    this.state.bind(info, placements, since.startedAt);
    this.records.set(w.key, {
      info,
      phase: 'Running',
      reason: 'running (recovered after a restart)',
      startedAt: since.startedAt,
      firstStartedAt: since.firstStartedAt,
      placements,
      preemptions: since.preemptions,
      ...(since.onDemandOnly !== undefined ? { onDemandOnly: since.onDemandOnly } : {}),
    });
    this.options.runtime.start(w.key, placements);
  }

  /**
   * Replaces a pending workload's request (a user changed its spec). Throws unless it is
   * pending; it keeps its place (submission time) in its queue, and its restriction to
   * on-demand if Roam made one.
   */
  update(w: WorkloadInfo): void {
    const rec = this.records.get(w.key);
    if (!rec || rec.phase !== 'Pending') throw new Error(`workload ${w.key} is not pending`);
    const wasPending = this.state.isPending(w.key);
    if (wasPending) this.state.withdraw(w.key);
    this.nominations.delete(w.key);
    const info = rec.onDemandOnly === undefined ? w : restrictedToOnDemand(w);
    const updated: WorkloadRecord = { ...rec, info };
    delete updated.pendingCode;
    this.records.set(w.key, updated);
    this.state.submit(info);
    this.changed = true;
  }

  /** Removes a workload: a pending one at once, a running one after the runtime stops it. */
  cancel(key: string, reason = 'cancelled by a user'): void {
    const rec = this.records.get(key);
    if (!rec || isFinished(rec.phase)) return;
    if (rec.phase === 'Pending') {
      this.state.withdraw(key);
      this.nominations.delete(key);
      this.finish(rec, 'Cancelled', reason);
      return;
    }
    rec.phase = 'Preempting';
    rec.reason = reason;
    this.cancelling.add(key);
    this.state.markEvicting(key);
    this.options.runtime.stop(key, { cause: 'cancel', checkpoint: false, reason });
  }

  /**
   * Evicts a running workload (a user requeued it, or it moves): it checkpoints, stops and
   * waits again. With `onDemandOnly` (why), it asks for on-demand capacity only from then
   * on, for the rest of its life.
   */
  evict(key: string, reason: string, onDemandOnly?: string): void {
    const found = this.records.get(key);
    if (!found || found.phase !== 'Running') return;
    const rec =
      onDemandOnly === undefined
        ? found
        : { ...found, info: restrictedToOnDemand(found.info), onDemandOnly };
    this.records.set(key, rec);
    rec.phase = 'Preempting';
    rec.reason = reason;
    this.state.markEvicting(key);
    this.emit({ kind: 'preempting', workload: key, reason });
    this.options.runtime.stop(key, { cause: 'preempt', checkpoint: true, reason });
  }

  /** The runtime reports that a workload ran to completion (or failed). */
  finished(key: string, ok: boolean, reason = ok ? 'completed' : 'failed'): void {
    const rec = this.records.get(key);
    if (!rec || isFinished(rec.phase) || rec.phase === 'Pending') return;
    this.cancelling.delete(key);
    this.state.release(key, false);
    this.finish(rec, ok ? 'Succeeded' : 'Failed', reason);
    this.victimGone(key);
  }

  /**
   * The runtime reports that a workload it was asked to stop has stopped. An evicted one
   * goes back to pending (with its last checkpoint); a cancelled one is done.
   */
  stopped(key: string, lostGpuMilliMs = 0): void {
    const rec = this.records.get(key);
    if (!rec || rec.phase !== 'Preempting') return;
    this.state.release(key, false);
    if (this.cancelling.delete(key)) this.finish(rec, 'Cancelled', rec.reason);
    else this.requeue(rec, rec.reason, lostGpuMilliMs);
    this.victimGone(key);
  }

  /** The runtime reports a completed checkpoint. */
  checkpointed(key: string): void {
    if (!this.state.booking(key)) return;
    this.state.checkpointed(key, this.now);
    this.emit({ kind: 'checkpointed', workload: key, reason: 'checkpoint completed' });
  }

  /** Adds a node. */
  addNode(info: NodeInfo, reason = 'node joined'): void {
    this.state.addNode(info);
    this.emit({ kind: 'node-added', node: info.name, reason });
  }

  /** Removes a node; what ran there is requeued with the work since its last checkpoint lost. */
  removeNode(name: string, reason = 'node lost'): void {
    const slot = this.state.node(name);
    if (!slot) return;
    for (const key of [...slot.residents]) {
      const rec = this.records.get(key);
      const booking = this.state.booking(key);
      if (!rec || !booking) continue;
      const lost =
        workloadGpuMilli(rec.info) * (this.now - (booking.lastCheckpointAt ?? booking.startedAt));
      this.state.release(key, false);
      this.options.runtime.stop(key, { cause: 'preempt', checkpoint: false, reason });
      this.requeue(rec, `${reason}: ${name}`, lost);
      this.victimGone(key);
    }
    this.state.removeNode(name);
    this.emit({ kind: 'node-removed', node: name, reason });
  }

  /** Runs one scheduling cycle and carries out its decisions. */
  cycle(): ScheduleResult {
    this.changed = false;
    const result = schedule(this.state, this.options.config, this.now, this.options.rng, {
      nominated: this.ready,
    });
    this.ready.clear();
    for (const e of result.evictions) {
      const rec = this.records.get(e.workload);
      if (!rec) continue;
      rec.phase = 'Preempting';
      rec.reason = e.reason;
      this.state.markEvicting(e.workload);
      this.preemptorOf.set(e.workload, e.for);
      const waiting = this.nominations.get(e.for) ?? new Set<string>();
      waiting.add(e.workload);
      this.nominations.set(e.for, waiting);
      this.emit({ kind: 'preempting', workload: e.workload, reason: e.reason });
      this.options.runtime.stop(e.workload, { cause: e.cause, checkpoint: true, reason: e.reason });
    }
    for (const p of result.pending) {
      const rec = this.records.get(p.workload);
      if (!rec) continue;
      if (p.code === 'preempting' && this.nominations.has(p.workload))
        this.state.withdraw(p.workload);
      if (rec.pendingCode === p.code && rec.reason === p.reason) continue;
      rec.pendingCode = p.code;
      rec.reason = p.reason;
      this.emit({ kind: 'pending', workload: p.workload, reason: p.reason, code: p.code });
    }
    for (const b of result.binds) {
      const rec = this.records.get(b.workload);
      if (!rec) continue;
      this.state.bind(rec.info, b.placements, this.now);
      rec.phase = 'Running';
      rec.reason = b.reason;
      delete rec.pendingCode;
      rec.startedAt = this.now;
      rec.firstStartedAt ??= this.now;
      rec.placements = b.placements;
      this.emit({
        kind: 'started',
        workload: b.workload,
        reason: b.reason,
        placements: b.placements,
      });
      this.options.runtime.start(b.workload, b.placements);
    }
    return result;
  }

  record(key: string): WorkloadRecord | undefined {
    return this.records.get(key);
  }

  allRecords(): IterableIterator<WorkloadRecord> {
    return this.records.values();
  }

  private requeue(rec: WorkloadRecord, reason: string, lostGpuMilliMs: number): void {
    rec.phase = 'Pending';
    rec.reason = reason;
    rec.preemptions++;
    delete rec.pendingCode;
    delete rec.placements;
    this.state.submit(rec.info);
    this.emit({ kind: 'preempted', workload: rec.info.key, reason, lostGpuMilliMs });
  }

  private finish(
    rec: WorkloadRecord,
    phase: 'Succeeded' | 'Failed' | 'Cancelled',
    reason: string,
  ): void {
    rec.phase = phase;
    rec.reason = reason;
    rec.finishedAt = this.now;
    delete rec.pendingCode;
    this.emit({
      kind: phase === 'Succeeded' ? 'succeeded' : phase === 'Failed' ? 'failed' : 'cancelled',
      workload: rec.info.key,
      reason,
    });
  }

  /** A victim stopped or ended: when a preemptor has no victims left it is pending again. */
  private victimGone(key: string): void {
    const preemptor = this.preemptorOf.get(key);
    if (preemptor === undefined) return;
    this.preemptorOf.delete(key);
    const waiting = this.nominations.get(preemptor);
    waiting?.delete(key);
    if (waiting && waiting.size === 0) this.resolveNomination(preemptor);
  }

  /** Ends a preemptor's wait: it goes back to the pending set (if it is still pending). */
  private resolveNomination(preemptor: string): void {
    if (!this.nominations.delete(preemptor)) return;
    const rec = this.records.get(preemptor);
    if (!rec || rec.phase !== 'Pending') return;
    if (!this.state.isPending(preemptor)) this.state.submit(rec.info);
    this.ready.add(preemptor);
  }

  private emit(e: Omit<EngineEvent, 'at'>): void {
    if (
      e.kind !== 'pending' &&
      e.kind !== 'checkpointed' &&
      e.kind !== 'started' &&
      e.kind !== 'preempting'
    )
      this.changed = true;
    this.options.sink?.record({ at: this.now, ...e });
  }
}
