import { CLASS_DEFAULTS, type WorkloadInfo } from '@roam/core';
import type { Trace, TraceJob } from './types.js';

/** What a CSV trace says about a job; the rest is a training workload's defaults. */
export interface TrainingJobRequest {
  readonly key: string;
  readonly queue: string;
  /** Gang size. */
  readonly replicas: number;
  /** Per replica, milli-GPU. */
  readonly gpuMilli: number;
  /** Allowed GPU models; empty means any. */
  readonly gpuModels: readonly string[];
  /** Per replica, milli-CPU. */
  readonly cpuMilli: number;
  /** Per replica, MiB. */
  readonly memoryMiB: number;
}

const NO_POOLS: readonly string[] = Object.freeze([]);
const NO_SELECTOR: Readonly<Record<string, string>> = Object.freeze({});

/**
 * A training workload (class defaults: priority 50, preemptible) submitted at `submitMs`,
 * running any pool and any node, as a trace job lasting `durationMs` (null: forever).
 */
export function trainingJob(
  request: TrainingJobRequest,
  submitMs: number,
  durationMs: number | null,
): TraceJob {
  const { priority, preemptible } = CLASS_DEFAULTS.training;
  const workload: WorkloadInfo = {
    key: request.key,
    queue: request.queue,
    class: 'training',
    priority,
    preemptible,
    replicas: request.replicas,
    request: {
      gpuMilli: request.gpuMilli,
      gpuModels: request.gpuModels,
      cpuMilli: request.cpuMilli,
      memoryMiB: request.memoryMiB,
    },
    nodePools: NO_POOLS,
    nodeSelector: NO_SELECTOR,
    submittedAt: submitMs,
  };
  return { workload, submitMs, durationMs };
}

/**
 * A trace of `jobs` sorted (in place) by submission time; jobs submitted at the same time
 * keep their order.
 */
export function sortedTrace(source: string, jobs: TraceJob[]): Trace {
  return { source, jobs: jobs.sort((a, b) => a.submitMs - b.submitMs) };
}
