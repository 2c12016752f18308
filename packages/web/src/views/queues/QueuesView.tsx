import { useMemo } from 'react';
import type { WorkloadDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { useStore } from '../../data/store-context.js';
import { queueTree } from '../../model/queue-tree.js';
import { Empty } from '../../ui/Empty.js';
import { formatGpus, formatMoney } from '../../ui/format.js';
import { PendingReasons } from './PendingReasons.js';
import { QueueBar, QueueLegend } from './QueueBar.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** The queue hierarchy with deserved, fair-share, allocated and pending GPUs, and why work waits. */
export function QueuesView() {
  const store = useStore();
  const status = store.queueStatus;
  const tree = useMemo(() => queueTree(status), [status]);
  // Collections hand out a new array after each change: memos key on it.
  const workloads = store.workloads.all();
  const pendingByQueue = useMemo(() => {
    const m = new Map<string, WorkloadDoc[]>();
    for (const w of workloads)
      if ((w.status?.phase ?? 'Pending') === 'Pending') {
        const list = m.get(w.spec.queue) ?? [];
        list.push(w);
        m.set(w.spec.queue, list);
      }
    return m;
  }, [workloads]);
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Queues</h1>
          <p className="lede">
            Who gets what and why: each queue's deserved share, the fair share Roam computed this
            cycle, what it holds and what waits.
          </p>
        </div>
      </header>
      <section className="card flush" aria-labelledby="queue-table">
        <div className="queues-head">
          <h2 id="queue-table">Hierarchy</h2>
          <QueueLegend />
        </div>
        {tree.rows.length === 0 ? (
          <Empty title="No queues to show">Queues you may see appear here once they exist.</Empty>
        ) : (
          <table className="table queues" aria-label="Queues">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col" style={{ width: '38%' }}>
                  GPUs (scale 0–{formatGpus(tree.scaleGpus)})
                </th>
                <NumHeader>Deserved</NumHeader>
                <NumHeader>Fair share</NumHeader>
                <NumHeader>Allocated</NumHeader>
                <NumHeader>Pending</NumHeader>
                <NumHeader>Workloads</NumHeader>
                <NumHeader>Cost/h</NumHeader>
              </tr>
            </thead>
            <tbody>
              {tree.rows.map((row) => {
                const v = row.view;
                const pending = pendingByQueue.get(v.name) ?? [];
                return (
                  <tr key={v.name} data-queue={v.name}>
                    <th scope="row" className="qname" style={{ paddingLeft: 10 + row.depth * 20 }}>
                      {row.depth > 0 && (
                        <span className="muted" aria-hidden="true">
                          └{' '}
                        </span>
                      )}
                      <a href={routeHref({ view: 'workloads', query: { queue: v.name } })}>
                        {v.name}
                      </a>
                      {row.borrowedGpus > 0 && (
                        <span
                          className="badge"
                          data-tone="warn"
                          title="allocated above its deserved share: reclaim may take it back"
                        >
                          borrowing {formatGpus(row.borrowedGpus)}
                        </span>
                      )}
                      <PendingReasons queue={v.name} pending={pending} />
                    </th>
                    <td>
                      <QueueBar row={row} scale={tree.scaleGpus} />
                    </td>
                    <td className="num">{formatGpus(v.deservedGpus)}</td>
                    <td className="num">{formatGpus(v.fairShareGpus)}</td>
                    <td className="num">{formatGpus(v.allocatedGpus)}</td>
                    <td className="num">{formatGpus(v.pendingGpus)}</td>
                    <td className="num">
                      {v.runningWorkloads} running
                      <br />
                      <span className="muted">{v.pendingWorkloads} pending</span>
                    </td>
                    <td className="num">{v.costPerHour > 0 ? formatMoney(v.costPerHour) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
