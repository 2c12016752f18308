import type { ReplicaPlacement } from '@roam/core';
import type { Clock, Engine, Runtime, StopRequest } from '@roam/engine';

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Longest delay a Node.js timer takes (about 24.8 days); longer waits must re-arm. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real timers of the process. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Run {
  readonly startedAt: number;
  /** The timer that completes it, if it has a duration. */
  handle: unknown;
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
    const run: Run = { startedAt, handle: undefined };
    this.runs.set(key, run);
    if (left !== undefined) this.arm(key, run, Math.ceil(left / this.speed));
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

  /**
   * Completes `run` in `ms` real milliseconds, in steps a Node.js timer takes (a longer
   * delay would fire at once).
   */
  private arm(key: string, run: Run, ms: number): void {
    const step = Math.min(ms, MAX_TIMER_MS);
    run.handle = this.timers.setTimeout(() => {
      if (this.runs.get(key) !== run) return;
      if (ms > step) this.arm(key, run, ms - step);
      else this.complete(key);
    }, step);
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
