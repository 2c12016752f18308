import type { ReplicaPlacement } from '@roam/core';
import type { Clock, Engine, Runtime, StopRequest } from '@roam/engine';

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real timers of the process. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Run {
  readonly startedAt: number;
  readonly handle: unknown;
}

/**
 * A runtime that simulates workloads on the live clock: a workload "runs" for its
 * expected duration (of world time; the clock may run faster than real time) and then
 * succeeds; one without a duration runs until stopped. Progress survives evictions (the
 * workload resumes where it stopped). It stands in for real runtimes (processes,
 * Kubernetes) until those are wired, and lets `roam up` show a living cluster.
 */
export class SimulatedRuntime implements Runtime {
  private engine: Engine | undefined;
  private readonly runs = new Map<string, Run>();
  /** Work done so far per workload, ms of world time. */
  private readonly done = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    /** World milliseconds per real millisecond (the clock's speed). */
    private readonly speed: number,
    /** A workload's run time, ms of world time; undefined: runs until stopped. */
    private readonly durationOf: (key: string) => number | undefined,
    private readonly timers: Timers = systemTimers,
  ) {}

  /** Connects the engine to report to. */
  attach(engine: Engine): void {
    this.engine = engine;
  }

  /** Sets how much work a workload has done (recovered from the store after a restart). */
  resume(key: string, doneMs: number): void {
    this.done.set(key, doneMs);
  }

  /** Work done so far, ms (including the current run). */
  progress(key: string): number {
    const run = this.runs.get(key);
    return (this.done.get(key) ?? 0) + (run ? this.clock.now() - run.startedAt : 0);
  }

  start(key: string, _placements: readonly ReplicaPlacement[]): void {
    this.cancelTimer(key);
    const startedAt = this.clock.now();
    const duration = this.durationOf(key);
    const left =
      duration === undefined ? undefined : Math.max(0, duration - (this.done.get(key) ?? 0));
    const handle =
      left === undefined
        ? undefined
        : this.timers.setTimeout(() => this.complete(key), Math.ceil(left / this.speed));
    this.runs.set(key, { startedAt, handle });
  }

  stop(key: string, _request: StopRequest): void {
    const run = this.runs.get(key);
    if (!run) return;
    this.done.set(key, this.progress(key));
    this.cancelTimer(key);
    this.runs.delete(key);
    // Simulated workloads checkpoint instantly: nothing is lost.
    queueMicrotask(() => this.engine?.stopped(key, 0));
  }

  /** Stops every timer (shutdown). */
  close(): void {
    for (const key of [...this.runs.keys()]) this.cancelTimer(key);
    this.runs.clear();
  }

  private complete(key: string): void {
    if (!this.runs.has(key)) return;
    this.runs.delete(key);
    this.done.delete(key);
    this.engine?.finished(key, true);
  }

  private cancelTimer(key: string): void {
    const run = this.runs.get(key);
    if (run?.handle !== undefined) this.timers.clearTimeout(run.handle);
  }
}
