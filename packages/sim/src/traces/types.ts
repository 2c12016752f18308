import type { NodeInfo, PoolInfo, QueueInfo, WorkloadInfo } from '@roam/core';

/** One job of a workload trace: what it asks for, when it arrives and how long it runs. */
export interface TraceJob {
  /** The workload as the scheduler sees it (its `submittedAt` equals `submitMs`). */
  readonly workload: WorkloadInfo;
  /** Arrival time, ms since the start of the trace. */
  readonly submitMs: number;
  /** Run time once started, ms; null when the trace does not say (the job never ends). */
  readonly durationMs: number | null;
  /** How often the job checkpoints, ms, when known. */
  readonly checkpointIntervalMs?: number;
}

/** A workload trace: jobs sorted by submission time (stable for ties). */
export interface Trace {
  /** Where it was read from, for messages and reports. */
  readonly source: string;
  readonly jobs: readonly TraceJob[];
}

/** A cluster to simulate: nodes, their pools and the queues jobs are charged to. */
export interface ClusterSpec {
  readonly source: string;
  readonly nodes: readonly NodeInfo[];
  readonly pools: readonly PoolInfo[];
  readonly queues: readonly QueueInfo[];
}

/**
 * A malformed row: reported as `file:line: column: reason` and the run stops. `line` is
 * 1-based and counts the header; `column` is a CSV column name or a JSON field path.
 */
export class TraceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${column}: ${reason}`);
    this.name = 'TraceError';
  }
}
