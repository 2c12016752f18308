import { useMemo } from 'react';
import { routeHref } from '../../app/routes.js';
import { useSession, useStore } from '../../data/store-context.js';
import { useWorldNow } from '../../data/use-world-now.js';
import { summarizeFleet } from '../../model/fleet-summary.js';
import { EventList } from '../../ui/EventList.js';
import { Empty } from '../../ui/Empty.js';
import { formatGpus, formatMoney, formatPercent } from '../../ui/format.js';
import { Stat } from '../../ui/Stat.js';
import { CapacityTable } from './CapacityTable.js';

/** The fleet at a glance: GPUs, cost against all on-demand, savings, workloads and recent events. */
export function OverviewView() {
  const store = useStore();
  const { principal } = useSession();
  const now = useWorldNow(store, 2000);
  // Collections hand out a new array after each change: memos key on it.
  const nodes = store.nodes.all();
  const fleet = useMemo(() => summarizeFleet(nodes), [nodes]);
  const workloads = store.workloads.all();
  const counts = useMemo(() => {
    const c = { running: 0, pending: 0, finished: 0 };
    for (const w of workloads) {
      const phase = w.status?.phase ?? 'Pending';
      if (phase === 'Running' || phase === 'Preempting') c.running++;
      else if (phase === 'Pending') c.pending++;
      else c.finished++;
    }
    return c;
  }, [workloads]);
  const pools = store.pools.all();
  // Every pool, also those without nodes yet (an elastic pool before it scales up).
  const poolRows = useMemo(() => {
    const names = new Set([...pools.map((p) => p.metadata.name), ...fleet.byPool.keys()]);
    return [...names].sort().map((name) => ({
      name,
      tally: fleet.byPool.get(name) ?? { nodes: 0, total: 0, allocated: 0, idle: 0 },
      href: routeHref({ view: 'fleet' }),
    }));
  }, [pools, fleet]);
  const saved = store.savings.savedUntil(now);
  const savingShare = fleet.onDemandPerHour > 0 ? 1 - fleet.costPerHour / fleet.onDemandPerHour : 0;
  const events = store.events.all().slice(-14);
  const scope = principal.role === 'admin' ? '' : ' (your queues)';
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Overview</h1>
          <p className="lede">
            Where every GPU is, what the fleet costs, and what happened lately.
          </p>
        </div>
      </header>
      <div className="grid stats">
        <Stat
          testId="stat-gpus"
          label="GPUs allocated"
          value={
            <>
              {formatGpus(fleet.total.allocated)} <small>/ {formatGpus(fleet.total.total)}</small>
            </>
          }
          hint={`${formatGpus(fleet.total.idle)} idle on ${fleet.total.nodes} nodes${fleet.total.total > 0 ? ` · ${formatPercent(fleet.total.allocated / fleet.total.total)} used` : ''}`}
        />
        <Stat
          testId="stat-cost"
          label="Cost per hour now"
          value={formatMoney(fleet.costPerHour)}
          hint={
            fleet.onDemandPerHour > 0
              ? `vs ${formatMoney(fleet.onDemandPerHour)} all on-demand (${formatPercent(savingShare)} less)`
              : 'no priced capacity: on-prem nodes have no price'
          }
        />
        <Stat
          testId="stat-saved"
          label="Saved against on-demand"
          value={formatMoney(saved)}
          hint={`${formatMoney(Math.max(0, fleet.onDemandPerHour - fleet.costPerHour))}/h now · since this page opened`}
        />
        <Stat
          testId="stat-workloads"
          label={`Workloads${scope}`}
          value={
            <>
              {counts.running} <small>running</small>
            </>
          }
          hint={
            <>
              <a href={routeHref({ view: 'workloads', query: { phase: 'Pending' } })}>
                {counts.pending} pending
              </a>{' '}
              · {counts.finished} finished
            </>
          }
        />
      </div>
      <div className="grid two">
        <section className="card" aria-labelledby="by-pool">
          <h2 id="by-pool">GPUs by node pool</h2>
          {poolRows.length === 0 ? (
            <Empty title="No nodes yet">Node pools with machines appear here.</Empty>
          ) : (
            <CapacityTable label="GPUs by node pool" rows={poolRows} />
          )}
        </section>
        <section className="card" aria-labelledby="by-market">
          <h2 id="by-market">
            GPUs by market <span className="muted">on-prem, on-demand, spot</span>
          </h2>
          <CapacityTable
            label="GPUs by market"
            rows={[...fleet.byMarket].map(([name, t]) => ({ name, tally: t, market: name }))}
          />
        </section>
      </div>
      <section className="card" aria-labelledby="recent-events">
        <h2 id="recent-events">
          Recent events <span className="muted">newest first</span>
        </h2>
        {events.length === 0 ? <Empty title="No events yet" /> : <EventList events={events} />}
      </section>
    </div>
  );
}
