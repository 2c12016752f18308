import { useEffect, useMemo, useState } from 'react';
import { API } from '../../api/client.js';
import type { EventView } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { useSession, useStore } from '../../data/store-context.js';
import { useWorldNow } from '../../data/use-world-now.js';
import { runCost } from '../../model/run-cost.js';
import { buildTimeline } from '../../model/timeline.js';
import { workloadGpus } from '../../model/workloads.js';
import { PhaseBadge } from '../../ui/Badge.js';
import { Empty } from '../../ui/Empty.js';
import { EventList } from '../../ui/EventList.js';
import { formatDuration, formatGpus, formatMoney, formatTime } from '../../ui/format.js';
import { Notice } from '../../ui/Notice.js';
import { Stat } from '../../ui/Stat.js';
import { PlacementTable } from './PlacementTable.js';
import { TimelineChart } from './TimelineChart.js';
import { WorkloadActions } from './WorkloadActions.js';

/** One workload: its request, status, timeline, placement down to GPU fractions, cost so far and events. */
export function WorkloadDetail({ name }: { name: string }) {
  const store = useStore();
  const { client } = useSession();
  const now = useWorldNow(store);
  const w = store.workloads.get(name);
  const version = w?.metadata.resourceVersion;
  const [events, setEvents] = useState<readonly EventView[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    client
      .get<{ items: EventView[] }>(`${API}/workloads/${encodeURIComponent(name)}/events`)
      .then((r) => live && (setEvents(r.items), setError(undefined)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [client, name, version]);
  const timeline = useMemo(() => buildTimeline(events, now), [events, now]);

  if (!w)
    return (
      <div className="view">
        <Notice tone={store.connection === 'live' ? 'warn' : 'info'}>
          {store.connection === 'live' ? (
            <>
              No workload <code>{name}</code> that you may see.{' '}
              <a href={routeHref({ view: 'workloads', query: {} })}>All workloads</a>
            </>
          ) : (
            'Loading…'
          )}
        </Notice>
      </div>
    );

  const s = w.spec;
  const st = w.status ?? {};
  const cost = runCost(w, (n) => store.nodes.get(n), now);
  const started = Date.parse(st.startedAt ?? '');
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <a href={routeHref({ view: 'workloads', query: {} })}>Workloads</a> /{' '}
            <a href={routeHref({ view: 'workloads', query: { queue: s.queue } })}>{s.queue}</a>
          </p>
          <h1 style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            {name} <PhaseBadge phase={st.phase ?? 'Pending'} />
          </h1>
          <p className="lede">{st.reason}</p>
        </div>
        <WorkloadActions workload={w} />
      </header>
      <div className="grid stats">
        <Stat
          label="GPUs"
          value={formatGpus(workloadGpus(w))}
          hint={`${s.replicas ?? 1} × ${formatGpus(s.template.gpu ?? 0)} GPU${s.template.gpuModels ? ` (${s.template.gpuModels.join(', ')})` : ''}`}
        />
        <Stat
          label="Running for"
          value={
            Number.isFinite(started) && (st.phase === 'Running' || st.phase === 'Preempting')
              ? formatDuration(now - started)
              : '—'
          }
          hint={`${st.progressSeconds !== undefined ? `${formatDuration(st.progressSeconds * 1000)} of work done · ` : ''}${st.preemptions ?? 0} evictions`}
        />
        <Stat
          testId="stat-run-cost"
          label="Cost so far (this run)"
          value={cost ? formatMoney(cost.dollars) : '—'}
          hint={
            cost
              ? `${formatMoney(cost.perHour)}/h on its nodes`
              : 'its nodes have no price (on-prem), or it is not running'
          }
        />
      </div>
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {error !== undefined ? (
          <Notice tone="danger">{error}</Notice>
        ) : timeline.marks.length === 0 ? (
          <Empty title="No events yet" />
        ) : (
          <TimelineChart timeline={timeline} />
        )}
      </section>
      <div className="grid two">
        <section className="card" aria-labelledby="request">
          <h2 id="request">Request</h2>
          <dl className="kv">
            <dt>Queue</dt>
            <dd>{s.queue}</dd>
            <dt>Class</dt>
            <dd>{s.class ?? 'training'}</dd>
            <dt>Priority</dt>
            <dd>{s.priority ?? 'class default'}</dd>
            <dt>Preemptible</dt>
            <dd>{s.preemptible === undefined ? 'class default' : s.preemptible ? 'yes' : 'no'}</dd>
            <dt>Per replica</dt>
            <dd>
              {formatGpus(s.template.gpu ?? 0)} GPU · {String(s.template.cpu ?? '—')} CPU ·{' '}
              {String(s.template.memory ?? '—')} memory
            </dd>
            <dt>Capacity</dt>
            <dd>
              {st.onDemandOnly !== undefined ? (
                <span title={st.onDemandOnly}>on-demand only (Roam moved it for its deadline)</span>
              ) : (
                <>
                  {s.capacity?.market ?? 'any'}
                  {s.capacity?.maxPricePerHour !== undefined
                    ? ` · at most ${formatMoney(s.capacity.maxPricePerHour)}/h`
                    : ''}
                </>
              )}
            </dd>
            <dt>Expected duration</dt>
            <dd>{s.expectedDuration ?? '—'}</dd>
            <dt>Submitted</dt>
            <dd>{st.submittedAt ? formatTime(Date.parse(st.submittedAt)) : '—'}</dd>
            <dt>Finished</dt>
            <dd>{st.finishedAt ? formatTime(Date.parse(st.finishedAt)) : '—'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="placement">
          <h2 id="placement">Placement</h2>
          {st.placements &&
          st.placements.length > 0 &&
          (st.phase === 'Running' || st.phase === 'Preempting') ? (
            <PlacementTable placements={st.placements} nodeOf={(n) => store.nodes.get(n)} />
          ) : (
            <Empty title="Not placed">
              {st.phase === 'Pending' ? st.reason : 'It holds no GPUs now.'}
            </Empty>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="events">
        <h2 id="events">
          Events <span className="muted">with reasons</span>
        </h2>
        {events.length === 0 ? (
          <Empty title="No events yet" />
        ) : (
          <EventList events={events} showSubject={false} />
        )}
      </section>
    </div>
  );
}
