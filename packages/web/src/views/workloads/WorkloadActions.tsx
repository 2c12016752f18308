import { API } from '../../api/client.js';
import type { WorkloadDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { navigate } from '../../app/use-route.js';
import { useSession, useStore } from '../../data/store-context.js';
import { canWriteWorkloads } from '../../model/permissions.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';

/** Edit, requeue and delete, for principals that may change the workload's queue. */
export function WorkloadActions({ workload }: { workload: WorkloadDoc }) {
  const { client, principal } = useSession();
  const store = useStore();
  if (!canWriteWorkloads(principal, workload.spec.queue)) return null;
  const name = workload.metadata.name;
  const path = `${API}/workloads/${encodeURIComponent(name)}`;
  const phase = workload.status?.phase ?? 'Pending';
  const finished = phase === 'Succeeded' || phase === 'Failed' || phase === 'Cancelled';
  return (
    <div className="actions">
      {!finished && (
        <a className="button" href={routeHref({ view: 'editor', name })}>
          Edit
        </a>
      )}
      {phase === 'Running' && (
        <ConfirmButton
          label="Requeue"
          title={`Requeue ${name}?`}
          confirmLabel="Requeue"
          onConfirm={async () => {
            await client.request('POST', `${path}/requeue`);
            store.refreshSoon();
          }}
        >
          It checkpoints, stops, and waits in its queue again; it keeps the work saved in its
          checkpoints.
        </ConfirmButton>
      )}
      <ConfirmButton
        label="Delete"
        title={`Delete ${name}?`}
        confirmLabel="Delete"
        danger
        onConfirm={async () => {
          await client.request('DELETE', path);
          navigate({ view: 'workloads', query: {} });
        }}
      >
        {phase === 'Running' ? 'It is running: it will be stopped. ' : ''}This cannot be undone.
      </ConfirmButton>
    </div>
  );
}
