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
