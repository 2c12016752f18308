import type { GpuTally } from '../../model/fleet-summary.js';
import type { Market } from '../../model/nodes.js';
import { formatGpus, formatPercent } from '../../ui/format.js';
import { Meter } from '../../ui/Meter.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** Rows of GPU capacity (total, allocated, idle) with a use bar each. */
export function CapacityTable({
  label,
  rows,
}: {
  label: string;
  rows: readonly { name: string; tally: GpuTally; market?: Market; href?: string }[];
}) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <NumHeader>Nodes</NumHeader>
          <NumHeader>GPUs</NumHeader>
          <NumHeader>Allocated</NumHeader>
          <NumHeader>Idle</NumHeader>
          <th scope="col" style={{ width: '32%' }}>
            Use
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, tally, market, href }) => (
          <tr key={name}>
            <th scope="row" className="row-name">
              {market !== undefined && (
                <span className="swatch" data-market={market} aria-hidden="true" />
              )}{' '}
              {href !== undefined ? <a href={href}>{name}</a> : name}
            </th>
            <td className="num">{tally.nodes}</td>
            <td className="num">{formatGpus(tally.total)}</td>
            <td className="num">{formatGpus(tally.allocated)}</td>
            <td className="num">{formatGpus(tally.idle)}</td>
            <td>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Meter
                  used={tally.allocated}
                  total={tally.total}
                  label={`${name}: GPUs allocated`}
                />
                <span className="muted num" style={{ minWidth: 36 }}>
                  {tally.total > 0 ? formatPercent(tally.allocated / tally.total) : '—'}
                </span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
