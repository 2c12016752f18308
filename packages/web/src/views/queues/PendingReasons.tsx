import type { WorkloadDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { workloadGpus } from '../../model/workloads.js';
import { formatGpus } from '../../ui/format.js';

/** How many pending workloads a queue lists before linking to the table. */
const SHOWN = 8;

/** A queue's pending workloads and why each waits, in the scheduler's words. */
export function PendingReasons({
  queue,
  pending,
}: {
  queue: string;
  pending: readonly WorkloadDoc[];
}) {
  if (pending.length === 0) return null;
  return (
    <ul className="pending-list" aria-label={`Why the pending workloads of ${queue} wait`}>
      {pending.slice(0, SHOWN).map((w) => (
        <li key={w.metadata.name}>
          <a href={routeHref({ view: 'workload', name: w.metadata.name })}>{w.metadata.name}</a>
          <span className="muted"> · {formatGpus(workloadGpus(w))} GPU</span>
          {w.status?.pendingCode !== undefined && (
            <span className="badge plain code">{w.status.pendingCode}</span>
          )}
          <span className="why">{w.status?.reason ?? 'not scheduled yet'}</span>
        </li>
      ))}
      {pending.length > SHOWN && (
        <li>
          <a href={routeHref({ view: 'workloads', query: { queue, phase: 'Pending' } })}>
            all {pending.length} pending workloads of {queue}
          </a>
        </li>
      )}
    </ul>
  );
}
