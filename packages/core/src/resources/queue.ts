import { parseGpuAmountMilli } from '../units.js';
import type { FieldError } from './errors.js';
import { NAME_RULE, type Resource } from './meta.js';
import type { FieldReader } from './reader.js';

/** A queue's quota in one node pool, in milli-GPU. */
export interface QuotaEntry {
  nodePool: string;
  /** Guaranteed share: never reclaimed by queues that are over theirs. */
  deservedMilli: number;
  /** Weight for borrowing idle capacity above `deserved`. */
  overQuotaWeight: number;
  /** Hard cap; `null` is no limit. */
  limitMilli: number | null;
}

/** The normalised spec of a Queue: a team or a project in a hierarchy. */
export interface QueueSpec {
  /** The department (another Queue) this queue belongs to, if any. */
  parent?: string;
  /** Quota per node pool. A pool not listed gives deserved 0, weight 1, no limit. */
  quota: QuotaEntry[];
}

/** A Queue document. */
export type Queue = Resource<'Queue', QueueSpec>;

/** Reads and checks a Queue's `spec`. */
export function readQueueSpec(
  root: FieldReader,
  errors: FieldError[],
  name: string | undefined,
): QueueSpec | undefined {
  const s = root.object('spec', true);
  if (!s) return undefined;
  const start = errors.length;
  const parent = s.string('parent', NAME_RULE);
  if (parent !== undefined && parent === name)
    s.error('parent', 'a queue cannot be its own parent');
  const quota = (s.objectList('quota') ?? []).map(readQuotaEntry);
  s.rejectUnknown();
  const seen = new Set<string>();
  quota.forEach((q, i) => {
    if (!q) return;
    if (seen.has(q.nodePool))
      errors.push({
        path: `spec.quota[${i}].nodePool`,
        reason: `node pool ${q.nodePool} is listed twice`,
      });
    seen.add(q.nodePool);
  });
  if (errors.length > start) return undefined;
  const spec: QueueSpec = { quota: quota.filter((q): q is QuotaEntry => q !== undefined) };
  if (parent !== undefined) spec.parent = parent;
  return spec;
}

function readQuotaEntry(q: FieldReader): QuotaEntry | undefined {
  const nodePool = q.string('nodePool', { required: true, ...NAME_RULE });
  const deservedMilli = q.parsed('deservedGpus', parseGpuAmountMilli) ?? 0;
  const overQuotaWeight = q.number('overQuotaWeight', { min: 0, max: 1_000_000 }) ?? 1;
  const limit = q.raw('limitGpus');
  let limitMilli: number | null = null;
  if (limit !== undefined && limit !== -1) {
    const parsed = parseGpuAmountMilli(limit);
    if (!parsed.ok) q.error('limitGpus', `${parsed.reason} (or -1 for no limit)`);
    else if (parsed.value < deservedMilli)
      q.error(
        'limitGpus',
        `must be at least deservedGpus (${deservedMilli / 1000}), got ${String(limit)}`,
      );
    else limitMilli = parsed.value;
  }
  q.rejectUnknown();
  return nodePool === undefined
    ? undefined
    : { nodePool, deservedMilli, overQuotaWeight, limitMilli };
}
