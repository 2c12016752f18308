import { ClusterState, MILLI_PER_GPU, quotaIn, SeededRng, type SchedulerConfig } from '@roam/core';
import { Engine, ManualClock } from '@roam/engine';
import { createHash } from 'node:crypto';
import type { ClusterSpec, Trace } from '../traces/types.js';
import { EventQueue } from './event-queue.js';
import { Fleet, type FleetReport, type ReplayCloud } from './fleet.js';
import { ReplayRecorder, type ReplaySample } from './recorder.js';
import { SimRuntime } from './sim-runtime.js';
import { jainIndex, summarize, type Summary } from './stats.js';

/** What a replay needs. */
export interface ReplayInput {
  readonly trace: Trace;
  readonly cluster: ClusterSpec;
  /** Scheduler configuration (placement policy, preemption, reclaim). */
  readonly config: SchedulerConfig;
  readonly policyName: string;
  readonly seed: number;
  /** Time an evicted job takes to checkpoint before it stops, ms (default 0). */
  readonly checkpointMs?: number;
  /**
   * Run a scheduling cycle at most this often (virtual ms), like a scheduler's session
   * period; 0 (default) runs one after every batch of simultaneous events.
   */
  readonly cycleIntervalMs?: number;
  /** Elastic cloud capacity (provisioner, spot market, mover). */
  readonly cloud?: ReplayCloud;
  /** Keep every event to hash the decision log (default true). */
  readonly keepLog?: boolean;
  /** Called with virtual time progress (0…1). */
  readonly onProgress?: (fraction: number) => void;
}

/** One queue's outcome: mean allocation against its fair and deserved shares, GPUs. */
export interface QueueOutcome {
  readonly queue: string;
  readonly deservedGpus: number;
  readonly meanFairShareGpus: number;
  readonly meanAllocatedGpus: number;
  /** Mean allocation ÷ mean fair share (1 = got exactly its fair share). */
  readonly shareOfFair: number;
}

/** What `roam sim replay --json` prints. */
export interface ReplayReport {
  readonly policy: string;
  readonly seed: number;
  readonly trace: string;
  readonly cluster: string;
  readonly jobs: number;
  readonly completed: number;
  readonly unfinished: number;
  /** Job completion time (finish − submit), seconds. */
  readonly jctSeconds: Summary;
  /** Queueing delay (first start − submit), seconds. */
  readonly queueingDelaySeconds: Summary;
  /** Last finish − first submission, seconds. */
  readonly makespanSeconds: number;
  /** Mean GPU allocation over the run, % of the cluster's GPU-time (elastic clusters grow and shrink). */
  readonly meanGpuAllocationPct: number;
  readonly preemptions: number;
  readonly gpuHoursLost: number;
  readonly queues: QueueOutcome[];
  /** Jain's index over the queues' allocation ÷ fair share (queues with a fair share). */
  readonly jainFairness: number;
  readonly cycles: number;
  readonly events: number;
  /** SHA-256 of the event log: equal for equal inputs and seed. */
  readonly decisionLogSha256: string;
  readonly wallMs: number;
  /** GPU allocation over time, and each queue's, for charts (not in --json unless asked). */
  readonly samples: readonly ReplaySample[];
  /** With a cloud: what the fleet cost and did. */
  readonly fleet?: FleetReport;
  readonly deadlinesMissed?: number;
  readonly gpuHoursLostToReclaims?: number;
}

/**
 * Replays a trace on a cluster through the engine: jobs arrive at their submission times,
 * the engine schedules them with the given configuration, and the simulated runtime runs
 * them for their durations. A scheduling cycle runs after each batch of simultaneous
 * events.
 */
export function replay(input: ReplayInput, clock: () => number): ReplayReport {
  const wallStart = clock();
  const queue = new EventQueue();
  const time = new ManualClock(0);
  const state = new ClusterState({
    nodes: input.cluster.nodes,
    pools: input.cluster.pools,
    queues: input.cluster.queues,
  });
  const runtime = new SimRuntime(queue, () => time.now(), input.checkpointMs ?? 0);
  const lastSubmit = input.trace.jobs.reduce((a, j) => Math.max(a, j.submitMs), 0);
  const recorder = new ReplayRecorder(
    input.keepLog ?? true,
    Math.max(1, Math.floor(lastSubmit / 2000)),
  );
  const engine = new Engine({
    state,
    config: input.config,
    clock: time,
    rng: new SeededRng(input.seed),
    runtime,
    sink: recorder,
  });
  runtime.attach(engine);
  const fleet = input.cloud
    ? new Fleet(
        input.cloud,
        engine,
        queue,
        () => time.now(),
        new SeededRng(input.seed + 1),
        (e) => recorder.capacityEvent(e, time.now()),
      )
    : undefined;
  for (const job of input.trace.jobs) {
    runtime.add(
      job.checkpointIntervalMs !== undefined
        ? {
            workload: job.workload,
            durationMs: job.durationMs,
            checkpointIntervalMs: job.checkpointIntervalMs,
          }
        : { workload: job.workload, durationMs: job.durationMs },
    );
    queue.at(job.submitMs, () => engine.submit(job.workload));
  }
  const deserved = deservedByQueue(input.cluster);
  let cycles = 0;
  let events = 0;
  let lastReported = -1;
  const interval = input.cycleIntervalMs ?? 0;
  let nextCycleAt = 0;
  let wakeUpAt = -1;
  for (let t = queue.nextTime(); t !== undefined; t = queue.nextTime()) {
    time.advanceTo(t);
    events += queue.runAt(t);
    if (t < nextCycleAt) {
      // Too soon for another cycle: make sure one happens when the period ends.
      if (wakeUpAt !== nextCycleAt) queue.at((wakeUpAt = nextCycleAt), () => undefined);
      continue;
    }
    // Nothing the scheduler acts on happened (e.g. only checkpoints): no cycle, unless the
    // fleet is due its periodic look at the market.
    if (!engine.needsCycle && !(fleet?.due(t) ?? false)) continue;
    nextCycleAt = t + interval;
    let result = engine.cycle();
    // Evictions and completions the cycle caused right away (no checkpoint delay) free
    // room now: schedule again at the same instant, a few times at most.
    for (let again = 0; again < 4 && engine.needsCycle; again++) result = engine.cycle();
    fleet?.afterCycle(result, t);
    cycles++;
    recorder.afterCycle(t, state, result, deserved);
    const progress = lastSubmit > 0 ? Math.min(1, t / lastSubmit) : 1;
    if (input.onProgress && progress - lastReported >= 0.01) {
      lastReported = progress;
      input.onProgress(progress);
    }
    if (t > lastSubmit && !hasFutureWork(queue, state)) break;
  }
  recorder.close(time.now());
  const fleetReport = fleet?.finish();
  const base = report(input, recorder, { cycles, events, wallMs: Math.round(clock() - wallStart) });
  return fleetReport
    ? {
        ...base,
        fleet: fleetReport,
        deadlinesMissed: deadlinesMissed(input, recorder),
        gpuHoursLostToReclaims:
          Math.round((recorder.lostToReclaimsGpuMilliMs / 1000 / 3_600_000) * 100) / 100,
      }
    : base;
}

/** Jobs with a deadline that finished after it, or never. */
function deadlinesMissed(input: ReplayInput, rec: ReplayRecorder): number {
  let missed = 0;
  for (const job of input.trace.jobs) {
    const deadline = job.workload.deadlineAt;
    if (deadline === undefined) continue;
    const end = rec.finished.get(job.workload.key);
    if (end === undefined || end > deadline) missed++;
  }
  return missed;
}

/** Nothing can change any more: no events left and nothing running that would end. */
function hasFutureWork(queue: EventQueue, state: ClusterState): boolean {
  return queue.size > 0 || state.bookingsAll().next().done === false || state.pendingCount > 0;
}

function deservedByQueue(cluster: ClusterSpec): Map<string, number> {
  const out = new Map<string, number>();
  const pools = cluster.pools.map((p) => p.name);
  for (const q of cluster.queues)
    out.set(
      q.name,
      pools.reduce((a, pool) => a + quotaIn(q, pool).deservedMilli, 0),
    );
  return out;
}

function report(
  input: ReplayInput,
  rec: ReplayRecorder,
  run: { cycles: number; events: number; wallMs: number },
): ReplayReport {
  const jct: number[] = [];
  const delay: number[] = [];
  let lastFinish = 0;
  for (const [key, submit] of rec.submitted) {
    const start = rec.firstStart.get(key);
    const end = rec.finished.get(key);
    if (start !== undefined) delay.push((start - submit) / 1000);
    if (end !== undefined) {
      jct.push((end - submit) / 1000);
      lastFinish = Math.max(lastFinish, end);
    }
  }
  const firstSubmit = input.trace.jobs[0]?.submitMs ?? 0;
  const queues: QueueOutcome[] = rec.queueMeans().map((q) => ({
    queue: q.queue,
    deservedGpus: q.deservedMilli / MILLI_PER_GPU,
    meanFairShareGpus: round(q.fairShareMilli / MILLI_PER_GPU, 2),
    meanAllocatedGpus: round(q.allocatedMilli / MILLI_PER_GPU, 2),
    shareOfFair: q.fairShareMilli > 0 ? round(q.allocatedMilli / q.fairShareMilli, 3) : 0,
  }));
  const log = rec.eventLog();
  const hash = createHash('sha256');
  for (const line of log) hash.update(`${line}\n`);
  return {
    policy: input.policyName,
    seed: input.seed,
    trace: input.trace.source,
    cluster: input.cluster.source,
    jobs: input.trace.jobs.length,
    completed: rec.finished.size,
    unfinished: input.trace.jobs.length - rec.finished.size,
    jctSeconds: roundSummary(summarize(jct)),
    queueingDelaySeconds: roundSummary(summarize(delay)),
    makespanSeconds: Math.round((lastFinish - firstSubmit) / 1000),
    meanGpuAllocationPct: round(rec.allocationPct(), 2),
    preemptions: rec.preemptions,
    gpuHoursLost: round(rec.lostGpuMilliMs / MILLI_PER_GPU / 3_600_000, 2),
    queues,
    jainFairness: round(
      jainIndex(queues.filter((q) => q.meanFairShareGpus > 0).map((q) => q.shareOfFair)),
      4,
    ),
    cycles: run.cycles,
    events: run.events,
    decisionLogSha256: log.length > 0 ? hash.digest('hex') : '',
    wallMs: run.wallMs,
    samples: rec.samples,
  };
}

function roundSummary(s: Summary): Summary {
  return {
    count: s.count,
    mean: round(s.mean, 1),
    p50: round(s.p50, 1),
    p95: round(s.p95, 1),
    p99: round(s.p99, 1),
    max: round(s.max, 1),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
