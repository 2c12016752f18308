import type { Trace, TraceJob } from './types.js';

/**
 * Compresses (factor < 1) or stretches (> 1) a trace's arrival times, keeping durations:
 * a way to replay the same jobs under more or less load.
 */
export function scaleArrivals(trace: Trace, factor: number): Trace {
  if (!(factor > 0)) throw new RangeError(`arrival scale must be above 0, got ${factor}`);
  if (factor === 1) return trace;
  const jobs: TraceJob[] = trace.jobs.map((j) => {
    const submitMs = Math.round(j.submitMs * factor);
    return { ...j, submitMs, workload: { ...j.workload, submittedAt: submitMs } };
  });
  return { source: `${trace.source} (arrivals ×${factor})`, jobs };
}

/**
 * Gives every job that does not say how often it checkpoints a checkpoint interval: a way
 * to ask "what if these jobs checkpointed every N minutes?" (a reclaim then costs at most
 * one interval of work instead of the whole run).
 */
export function withCheckpoints(trace: Trace, intervalMs: number): Trace {
  if (!(intervalMs > 0))
    throw new RangeError(`checkpoint interval must be above 0, got ${intervalMs}`);
  const jobs: TraceJob[] = trace.jobs.map((j) =>
    j.checkpointIntervalMs !== undefined
      ? j
      : {
          ...j,
          checkpointIntervalMs: intervalMs,
          workload: { ...j.workload, checkpointIntervalMs: intervalMs },
        },
  );
  return {
    source: `${trace.source} (checkpoints every ${Math.round(intervalMs / 60_000)} min)`,
    jobs,
  };
}

/** The first `count` jobs of the trace (by submission): a slice to replay quickly. */
export function firstJobs(trace: Trace, count: number): Trace {
  if (!(Number.isInteger(count) && count > 0))
    throw new RangeError(`job count must be a whole number above 0, got ${count}`);
  if (count >= trace.jobs.length) return trace;
  return { source: `${trace.source} (first ${count} jobs)`, jobs: trace.jobs.slice(0, count) };
}
