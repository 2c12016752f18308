import type { OfferingRow } from '../../model/offerings.js';
import { formatMoney, formatPercent } from '../../ui/format.js';
import { VirtualTable, type Column } from '../../ui/VirtualTable.js';

const money = (x: number | undefined): string => (x !== undefined ? formatMoney(x) : '—');

const COLUMNS: readonly Column<OfferingRow>[] = [
  {
    key: 'cloud',
    header: 'Cloud',
    width: '70px',
    render: (r) => r.cloud,
    sortValue: (r) => r.cloud,
  },
  {
    key: 'region',
    header: 'Region',
    width: 'minmax(120px, 1fr)',
    render: (r) => r.region,
    sortValue: (r) => r.region,
  },
  {
    key: 'type',
    header: 'Instance',
    width: 'minmax(150px, 1.2fr)',
    render: (r) => <span className="mono">{r.instanceType}</span>,
    sortValue: (r) => r.instanceType,
  },
  {
    key: 'gpus',
    header: 'GPUs',
    width: '110px',
    render: (r) => `${r.gpuCount} × ${r.gpuModel}`,
    sortValue: (r) => `${r.gpuModel}${String(r.gpuCount).padStart(3, '0')}`,
  },
  {
    key: 'od',
    header: 'On-demand/h',
    width: '110px',
    align: 'right',
    render: (r) => money(r.onDemandPerHour),
    sortValue: (r) => r.onDemandPerHour ?? Infinity,
  },
  {
    key: 'spot',
    header: 'Spot/h',
    width: '96px',
    align: 'right',
    render: (r) => money(r.spotPerHour),
    sortValue: (r) => r.spotPerHour ?? Infinity,
  },
  {
    key: 'gpuh',
    header: 'Per GPU-h',
    width: '96px',
    align: 'right',
    render: (r) => money(r.perGpuHour),
    sortValue: (r) => r.perGpuHour ?? Infinity,
  },
  {
    key: 'disc',
    header: 'Spot saves',
    width: '92px',
    align: 'right',
    render: (r) => (r.spotDiscount !== undefined ? formatPercent(r.spotDiscount) : '—'),
    sortValue: (r) => -(r.spotDiscount ?? -1),
  },
  {
    key: 'band',
    header: 'Interruptions',
    width: '104px',
    render: (r) => r.interruptionBand ?? '—',
  },
];

/** Cloud offerings with on-demand and spot prices, sortable (cheapest GPU-hour first). */
export function OfferingsTable({ rows }: { rows: readonly OfferingRow[] }) {
  return (
    <VirtualTable
      label="Offerings"
      rows={rows}
      columns={COLUMNS}
      rowKey={(r) => r.name}
      height={420}
      initialSort={{ key: 'gpuh' }}
    />
  );
}
