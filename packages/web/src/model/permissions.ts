import type { Principal } from '../api/types.js';

/** Whether the principal may create, change, requeue and delete workloads of `queue`. */
export function canWriteWorkloads(p: Principal, queue: string): boolean {
  return p.role === 'admin' || p.queues.includes(queue);
}

/** Whether the principal may cordon and uncordon nodes (admins only). */
export function canCordon(p: Principal): boolean {
  return p.role === 'admin';
}

/** The queues the principal may submit to: an admin any it sees, others their own. */
export function submittableQueues(p: Principal, visible: readonly string[]): string[] {
  return p.role === 'admin' ? [...visible] : [...p.queues];
}

/** How the principal is described: `admin`, `member of nlp, cv`. */
export function describePrincipal(p: Principal): string {
  return p.role === 'admin' || p.queues.length === 0
    ? p.role
    : `${p.role} of ${p.queues.join(', ')}`;
}
