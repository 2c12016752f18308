import { MILLI_PER_GPU } from '@roam/core';
import { sortedTrace, trainingJob } from './jobs.js';
import { PHILLY_GPUS_PER_NODE, PHILLY_OTHER_QUEUE, vcName } from './philly.js';
import { csvRows } from './table.js';
import type { Trace, TraceJob } from './types.js';
import { UniqueNames } from './unique.js';

/** Columns of the Philly job list that the reader uses (`submit_time`, `gpu_time_s` are ignored). */
export const PHILLY_JOB_COLUMNS = ['job_idx', 'vc', 'submit_s', 'duration_s', 'num_gpus'] as const;

/** Options of `readPhillyJobs`. */
export interface PhillyJobOptions {
  /** The VCs that get their own queue (default: every VC). */
  readonly queues?: ReadonlySet<string>;
  /** The queue of jobs whose VC is not in `queues` (default `other`). */
  readonly otherQueue?: string;
}

const ANY_MODEL: readonly string[] = Object.freeze([]);

/**
 * Reads the Microsoft Philly job list (`philly_jobs.csv.gz`; columns
 * `job_idx,vc,submit_time,submit_s,duration_s,num_gpus,gpu_time_s`) as a trace. Each job is
 * a training workload `philly-<job_idx>` (priority 50, preemptible) of the queue named by its
 * VC (or `otherQueue` when `queues` is given and lacks the VC), submitted at `submit_s` and
 * running `duration_s` seconds. The trace has no CPU or memory figures: both are 0.
 *
 * A job of up to 8 GPUs is one replica of `num_gpus` GPUs. A larger job is a gang of
 * replicas of equal size, as large as an 8-GPU machine allows: `num_gpus / d` replicas of
 * `d` GPUs, `d` the largest divisor of `num_gpus` from 1 to 8 (so 16 → 2 × 8, and the
 * trace's 12-GPU jobs → 2 × 6).
 */
export function readPhillyJobs(text: string, file: string, options: PhillyJobOptions = {}): Trace {
  const { queues, otherQueue = PHILLY_OTHER_QUEUE } = options;
  const keys = new UniqueNames(file, 'workload');
  const jobs: TraceJob[] = [];
  for (const row of csvRows(text, file, { required: PHILLY_JOB_COLUMNS })) {
    const key = `philly-${row.int('job_idx', 0)}`;
    keys.add(key, row.line, 'job_idx');
    const vc = vcName(row, 'vc');
    const submitMs = row.seconds('submit_s');
    const durationMs = row.seconds('duration_s', true);
    const numGpus = row.int('num_gpus', 1);
    const perReplica = gpusPerReplica(numGpus);
    const request = {
      key,
      queue: queues === undefined || queues.has(vc) ? vc : otherQueue,
      replicas: numGpus / perReplica,
      gpuMilli: perReplica * MILLI_PER_GPU,
      gpuModels: ANY_MODEL,
      cpuMilli: 0,
      memoryMiB: 0,
    };
    jobs.push(trainingJob(request, submitMs, durationMs));
  }
  return sortedTrace(file, jobs);
}

/** GPUs per replica of a job of `numGpus` GPUs: the largest divisor from 1 to 8. */
function gpusPerReplica(numGpus: number): number {
  let d = Math.min(numGpus, PHILLY_GPUS_PER_NODE);
  while (numGpus % d !== 0) d--;
  return d;
}
