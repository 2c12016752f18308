import { routeHref } from '../../app/routes.js';
import type { WorkloadRow } from '../../model/workloads.js';
import { MarketLabel, PhaseBadge } from '../../ui/Badge.js';
import { formatAge, formatGpus } from '../../ui/format.js';
import type { Column } from '../../ui/VirtualTable.js';

// Sort keys live at module level: the same functions every render, so a table sorted by
// one is not sorted again when only the clock moved.
const byName = (r: WorkloadRow): string => r.name;
const byQueue = (r: WorkloadRow): string => r.queue;
const byClass = (r: WorkloadRow): string => r.cls;
const byPhase = (r: WorkloadRow): string => r.phase;
const byGpus = (r: WorkloadRow): number => r.gpus;
const byMarket = (r: WorkloadRow): string => r.market;
const newestFirst = (r: WorkloadRow): number => -r.submittedAt;

/** The workload table's columns; ages are counted to world time `now`. */
export function workloadColumns(now: number): Column<WorkloadRow>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.4fr)',
      render: (r) => <a href={routeHref({ view: 'workload', name: r.name })}>{r.name}</a>,
      sortValue: byName,
    },
    {
      key: 'queue',
      header: 'Queue',
      width: 'minmax(100px, 0.8fr)',
      render: (r) => r.queue,
      sortValue: byQueue,
    },
    { key: 'class', header: 'Class', width: '96px', render: (r) => r.cls, sortValue: byClass },
    {
      key: 'phase',
      header: 'Phase',
      width: '112px',
      render: (r) => <PhaseBadge phase={r.phase} />,
      sortValue: byPhase,
    },
    {
      key: 'gpus',
      header: 'GPUs',
      width: '64px',
      align: 'right',
      render: (r) => formatGpus(r.gpus),
      sortValue: byGpus,
    },
    {
      key: 'market',
      header: 'Market',
      width: '104px',
      render: (r) => <MarketLabel market={r.market} />,
      sortValue: byMarket,
    },
    {
      key: 'nodes',
      header: 'Nodes',
      width: 'minmax(100px, 1fr)',
      render: (r) => r.nodes || <span className="muted">—</span>,
    },
    {
      key: 'age',
      header: 'Age',
      width: '56px',
      align: 'right',
      render: (r) => formatAge(now - r.submittedAt),
      sortValue: newestFirst,
    },
    {
      key: 'reason',
      header: 'Reason',
      width: 'minmax(200px, 2.4fr)',
      render: (r) => <span title={r.reason}>{r.reason}</span>,
    },
  ];
}
