import type { QueueSpec } from '@roam/core';
import { errors } from '../http/errors.js';
import type { Principal } from './tokens.js';

/** Kinds any signed-in principal may read. */
const READABLE_BY_ALL = new Set(['NodePool', 'Node', 'Offering', 'Colony']);

/** Whether a principal may see a workload of `queue`. */
export function canSeeQueueWork(p: Principal, queue: string): boolean {
  return p.role === 'admin' || p.queues.includes(queue);
}

/** Throws 403 unless the principal may create, change or delete a workload in `queue`. */
export function assertWorkloadAccess(p: Principal, queue: string, verb: string): void {
  if (!canSeeQueueWork(p, queue))
    throw errors.forbidden(
      `${p.name} (${p.role} of ${describeQueues(p)}) may not ${verb} workloads in queue ${queue}`,
    );
}

/** Whether a principal may read an object of a kind (workloads are checked per queue). */
export function canRead(p: Principal, kind: string, queueOf?: string): boolean {
  if (p.role === 'admin' || READABLE_BY_ALL.has(kind)) return true;
  if (kind === 'Queue') return queueOf !== undefined && p.queues.includes(queueOf);
  if (kind === 'Workload') return queueOf !== undefined && p.queues.includes(queueOf);
  return false;
}

/** Throws 403 unless the principal may write objects of this kind at all. */
export function assertKindWritable(p: Principal, kind: string): void {
  if (p.role === 'admin' || kind === 'Workload') return;
  if (kind === 'Queue' && p.role === 'queue-admin') return;
  throw errors.forbidden(
    `${p.name} (${p.role}) may not change ${kind} resources; an admin token is needed`,
  );
}

/**
 * A queue-admin may change the quota of its own queues, keeping them inside their
 * parent's: in each pool a queue's deserved share and limit may not exceed the
 * parent's, and the deserved shares of the parent's children together may not exceed
 * the parent's deserved share. It may not move a queue to another parent nor change a
 * top-level queue.
 */
export function assertQueueChange(
  p: Principal,
  name: string,
  next: QueueSpec,
  current: QueueSpec | undefined,
  parent: QueueSpec | undefined,
  siblings: readonly { name: string; spec: QueueSpec }[],
): void {
  if (p.role === 'admin') return;
  if (p.role !== 'queue-admin' || !p.queues.includes(name))
    throw errors.forbidden(
      `${p.name} (${p.role} of ${describeQueues(p)}) may not change queue ${name}`,
    );
  if (!current)
    throw errors.forbidden(`${p.name} (queue-admin) may not create queues; ask an admin`);
  if (next.parent !== current.parent)
    throw errors.forbidden(`${p.name} (queue-admin) may not move queue ${name} to another parent`);
  if (current.parent === undefined || !parent)
    throw errors.forbidden(
      `queue ${name} is a top-level queue: only an admin may change its quota`,
    );
  for (const q of next.quota) {
    const cap = parent.quota.find((e) => e.nodePool === q.nodePool);
    const pool = q.nodePool;
    if (!cap)
      throw errors.forbidden(
        `parent ${current.parent} has no quota in pool ${pool}: queue ${name} cannot have one`,
      );
    if (q.deservedMilli > cap.deservedMilli)
      throw errors.forbidden(
        `queue ${name}: deservedGpus ${q.deservedMilli / 1000} in pool ${pool} exceeds its parent's ${cap.deservedMilli / 1000}`,
      );
    if (cap.limitMilli !== null && (q.limitMilli === null || q.limitMilli > cap.limitMilli))
      throw errors.forbidden(
        `queue ${name}: limitGpus in pool ${pool} must stay within its parent's ${cap.limitMilli / 1000}`,
      );
    const others = siblings
      .filter((s) => s.name !== name)
      .reduce(
        (sum, s) => sum + (s.spec.quota.find((e) => e.nodePool === pool)?.deservedMilli ?? 0),
        0,
      );
    if (others + q.deservedMilli > cap.deservedMilli)
      throw errors.forbidden(
        `queue ${name}: with its siblings the deserved shares in pool ${pool} would be ${(others + q.deservedMilli) / 1000} GPUs, more than parent ${current.parent}'s ${cap.deservedMilli / 1000}`,
      );
  }
}

function describeQueues(p: Principal): string {
  return p.role === 'admin'
    ? 'all queues'
    : p.queues.length > 0
      ? `queue ${p.queues.join(', ')}`
      : 'no queue';
}
