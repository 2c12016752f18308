import { describe, toWorkloadInfo, validateResource, type Workload } from '@roam/core';
import { sortedTrace } from './jobs.js';
import { TraceError, type Trace, type TraceJob } from './types.js';
import { UniqueNames } from './unique.js';

/** The fields of one line of a Roam workload trace. */
const FIELDS = ['submitSeconds', 'durationSeconds', 'workload'] as const;

/** The column of errors about a whole line (not JSON, not an object), not one field. */
const JSONL_LINE = '(line)';

/**
 * Reads a Roam workload trace: JSON Lines, one job per line.
 *
 * ```jsonl
 * # a comment
 * {"submitSeconds": 0, "durationSeconds": 3600, "workload": {"apiVersion": "roam.dev/v1alpha1", "kind": "Workload", "metadata": {"name": "llama"}, "spec": {"queue": "nlp", "replicas": 4, "template": {"gpu": 1, "cpu": 8, "memory": "64Gi"}, "checkpoint": {"intervalMinutes": 30}}}}
 * {"submitSeconds": 90.5, "workload": {"apiVersion": "roam.dev/v1alpha1", "kind": "Workload", "metadata": {"name": "notebook"}, "spec": {"queue": "cv", "class": "interactive", "template": {"gpu": 0.25, "cpu": 2}}}}
 * ```
 *
 * Each line is a JSON object with exactly these fields:
 *
 * - `submitSeconds` (required): a number ≥ 0, when the job arrives, in seconds from the
 *   start of the trace (fractions allowed; rounded to the millisecond).
 * - `durationSeconds` (optional): a number > 0, how long the job runs once started, in
 *   seconds (rounded to the millisecond, at least 1 ms). Absent or null: it runs until the
 *   end of the simulation.
 * - `workload` (required): a Workload document, exactly as `roam validate` accepts it in
 *   YAML or JSON (`apiVersion: roam.dev/v1alpha1`, `kind: Workload`, `metadata.name`,
 *   `spec` with `queue`, `template` and the optional fields of the resource reference).
 *   Its key (`namespace/name`, or `name`) must be unique in the trace. Its
 *   `spec.checkpoint.intervalMinutes`, when given, is the job's checkpoint interval.
 *
 * Empty lines, lines of spaces and lines whose first non-space character is `#` are
 * ignored. Lines end with `\n` or `\r\n`. Jobs are returned sorted by submission time,
 * jobs submitted at the same time in file order.
 *
 * Errors are TraceErrors `file:line: column: reason`, the column being the field's path:
 * `submitSeconds`, `durationSeconds`, or `workload.<path in the document>` such as
 * `workload.spec.template.gpu` for a field the Workload validation refuses (the first one
 * when several are). An unknown field is an error; a line that is not a JSON object has
 * the column `(line)`.
 */
export function readRoamJsonl(text: string, file: string): Trace {
  const keys = new UniqueNames(file, 'workload');
  const jobs: TraceJob[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const job = readJob(trimmed, file, i + 1);
    keys.add(job.workload.key, i + 1, 'workload.metadata.name');
    jobs.push(job);
  }
  return sortedTrace(file, jobs);
}

/** Reads the job on one non-empty, non-comment line. */
function readJob(text: string, file: string, line: number): TraceJob {
  const fail = (column: string, reason: string): never => {
    throw new TraceError(file, line, column, reason);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(JSONL_LINE, `not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(JSONL_LINE, `must be a JSON object, got ${describe(value)}`);
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (!(FIELDS as readonly string[]).includes(key))
      fail(key, `unknown field; the fields are ${FIELDS.join(', ')}`);

  const submit = fields.submitSeconds ?? undefined;
  if (submit === undefined) fail('submitSeconds', 'is required');
  if (typeof submit !== 'number' || !Number.isFinite(submit) || submit < 0)
    return fail('submitSeconds', `must be a number ≥ 0, got ${describe(submit)}`);
  const duration = fields.durationSeconds ?? undefined;
  if (
    duration !== undefined &&
    (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0)
  )
    fail('durationSeconds', `must be a number > 0, got ${describe(duration)}`);

  const workload = readWorkload(fields.workload ?? undefined, file, fail);
  const submitMs = Math.round(submit * 1000);
  const durationMs = typeof duration === 'number' ? Math.max(1, Math.round(duration * 1000)) : null;
  const job: TraceJob = { workload: toWorkloadInfo(workload, submitMs), submitMs, durationMs };
  const checkpoint = workload.spec.checkpoint;
  return checkpoint ? { ...job, checkpointIntervalMs: checkpoint.intervalMs } : job;
}

/** Validates the embedded Workload document, reporting its first error under `workload.`. */
function readWorkload(
  value: unknown,
  file: string,
  fail: (column: string, reason: string) => never,
): Workload {
  if (value === undefined) return fail('workload', 'is required');
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && kind !== 'Workload')
    fail('workload.kind', `must be Workload, got ${JSON.stringify(kind)}`);
  const { resource, errors } = validateResource(value, file);
  const first = errors[0];
  if (first !== undefined)
    fail(first.path === '' ? 'workload' : `workload.${first.path}`, first.reason);
  return resource as Workload;
}
