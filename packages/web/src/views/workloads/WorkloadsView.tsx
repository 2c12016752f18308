import { useMemo } from 'react';
import { navigate } from '../../app/use-route.js';
import { routeHref } from '../../app/routes.js';
import { useSession, useStore } from '../../data/store-context.js';
import { useWorldNow } from '../../data/use-world-now.js';
import { submittableQueues } from '../../model/permissions.js';
import { filterFromQuery, filterRows, queryOfFilter, workloadRow } from '../../model/workloads.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import { workloadColumns } from './workload-columns.js';
import { WorkloadFilters } from './WorkloadFilters.js';

/** Every workload the principal may see, filterable by queue, class, phase and market. */
export function WorkloadsView({ query }: { query: Readonly<Record<string, string>> }) {
  const store = useStore();
  const { principal } = useSession();
  const now = useWorldNow(store, 5000);
  const filter = useMemo(() => filterFromQuery(query), [query]);
  // Collections hand out a new array after each change: memos key on it.
  const workloads = store.workloads.all();
  const nodes = store.nodes.all();
  const queueDocs = store.queues.all();
  const rows = useMemo(() => {
    const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
    return workloads.map((w) => workloadRow(w, (n) => byName.get(n)));
  }, [workloads, nodes]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const queues = useMemo(
    () =>
      [...new Set([...queueDocs.map((q) => q.metadata.name), ...rows.map((r) => r.queue)])].sort(),
    [queueDocs, rows],
  );
  const canSubmit = submittableQueues(principal, queues).length > 0;

  const columns = useMemo(() => workloadColumns(now), [now]);

  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Workloads</h1>
          <p className="lede">What runs where, and why the rest waits.</p>
        </div>
        <div className="actions">
          {canSubmit && (
            <a className="button primary" href={routeHref({ view: 'editor' })}>
              New workload
            </a>
          )}
        </div>
      </header>
      <section className="card" aria-label="Filters">
        <WorkloadFilters
          filter={filter}
          queues={queues}
          onChange={(f) => navigate({ view: 'workloads', query: queryOfFilter(f) }, true)}
        />
      </section>
      <section className="card flush">
        <VirtualTable
          label="Workloads"
          rows={shown}
          columns={columns}
          rowKey={(r) => r.name}
          onOpen={(r) => navigate({ view: 'workload', name: r.name })}
          height="calc(100vh - 330px)"
          initialSort={{ key: 'age' }}
        />
      </section>
    </div>
  );
}
