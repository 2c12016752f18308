import { workloadGpuMilli, type ReplicaPlacement, type WorkloadInfo } from '@roam/core';
import type { Engine, Runtime, StopRequest } from '@roam/engine';
import type { EventQueue } from './event-queue.js';

/** How the simulated world runs one job. */
export interface SimJob {
  readonly workload: WorkloadInfo;
  /** Work to do, ms of run time; null runs forever. */
  readonly durationMs: number | null;
  /** Periodic checkpoint interval, ms; without one, an evicted job restarts from scratch. */
  readonly checkpointIntervalMs?: number;
}

interface Running {
  readonly startedAt: number;
  /** Work already saved before this run, ms. */
  readonly savedBefore: number;
  /** Bumped on every start and stop, so stale finish events are ignored. */
  readonly generation: number;
}

/**
 * The simulated runtime: jobs run for their trace durations; periodic checkpoints save
 * progress; an eviction checkpoints first (taking `checkpointMs`) when the job can
 * checkpoint, so it loses nothing, and otherwise loses all work since it started. It
 * holds no policy: it only plays the world and reports to the engine.
 */
export class SimRuntime implements Runtime {
  private engine: Engine | undefined;
  private readonly jobs = new Map<string, SimJob>();
  /** Work saved so far per job, ms. */
  private readonly saved = new Map<string, number>();
  private readonly running = new Map<string, Running>();
  private generation = 0;

  constructor(
    private readonly queue: EventQueue,
    private readonly now: () => number,
    /** Time an on-demand checkpoint takes before an evicted job stops, ms. */
    private readonly checkpointMs = 0,
  ) {}

  /** Connects the engine to report to (the engine is built with this runtime). */
  attach(engine: Engine): void {
    this.engine = engine;
  }

  /** Registers a job before it is submitted. */
  add(job: SimJob): void {
    this.jobs.set(job.workload.key, job);
    this.saved.set(job.workload.key, 0);
  }

  start(key: string, _placements: readonly ReplicaPlacement[]): void {
    const job = this.jobs.get(key);
    if (!job) throw new Error(`simulated runtime: unknown job ${key}`);
    const generation = ++this.generation;
    const run: Running = {
      startedAt: this.now(),
      savedBefore: this.saved.get(key) ?? 0,
      generation,
    };
    this.running.set(key, run);
    if (job.durationMs !== null) {
      const left = Math.max(0, job.durationMs - run.savedBefore);
      this.queue.at(run.startedAt + left, () => this.complete(key, generation));
    }
    const interval = job.checkpointIntervalMs;
    if (interval !== undefined && interval > 0)
      this.scheduleCheckpoint(key, generation, run.startedAt + interval, interval);
  }

  stop(key: string, request: StopRequest): void {
    const run = this.running.get(key);
    const job = this.jobs.get(key);
    if (!run || !job) return;
    this.running.delete(key);
    this.generation++;
    const done = this.now() - run.startedAt;
    const canCheckpoint = request.checkpoint && job.checkpointIntervalMs !== undefined;
    const keptThisRun = canCheckpoint ? done : this.savedDuring(job, done);
    const lost = done - keptThisRun;
    this.saved.set(key, run.savedBefore + keptThisRun);
    const delay = canCheckpoint ? this.checkpointMs : 0;
    const report = (): void => this.engine?.stopped(key, workloadGpuMilli(job.workload) * lost);
    if (delay === 0) report();
    else this.queue.at(this.now() + delay, report);
  }

  /** Work of this run saved by periodic checkpoints. */
  private savedDuring(job: SimJob, done: number): number {
    const interval = job.checkpointIntervalMs;
    return interval !== undefined && interval > 0 ? Math.floor(done / interval) * interval : 0;
  }

  private scheduleCheckpoint(key: string, generation: number, at: number, interval: number): void {
    this.queue.at(at, () => {
      if (this.running.get(key)?.generation !== generation) return;
      this.engine?.checkpointed(key);
      this.scheduleCheckpoint(key, generation, at + interval, interval);
    });
  }

  private complete(key: string, generation: number): void {
    if (this.running.get(key)?.generation !== generation) return;
    this.running.delete(key);
    this.engine?.finished(key, true);
  }
}
