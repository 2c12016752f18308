import type { QueueRow } from '../../model/queue-tree.js';
import { formatGpus } from '../../ui/format.js';

/**
 * One queue's GPUs on the common scale: allocated within its deserved share, borrowed
 * above it (what reclaim would take back), pending after that; ticks mark the deserved
 * share, the fair share and the limit.
 */
export function QueueBar({ row, scale }: { row: QueueRow; scale: number }) {
  const v = row.view;
  const pct = (gpus: number): string => `${Math.min(100, (100 * gpus) / scale)}%`;
  const summary =
    `${v.name}: ${formatGpus(v.allocatedGpus)} GPUs allocated` +
    (row.borrowedGpus > 0
      ? ` (${formatGpus(row.borrowedGpus)} borrowed above its deserved share)`
      : '') +
    `, ${formatGpus(v.pendingGpus)} pending, deserved ${formatGpus(v.deservedGpus)}, fair share ${formatGpus(v.fairShareGpus)}` +
    (v.limitGpus !== null ? `, limit ${formatGpus(v.limitGpus)}` : '');
  return (
    <div className="qbar" role="img" aria-label={summary}>
      <span className="seg alloc" style={{ left: 0, width: pct(row.withinDeservedGpus) }} />
      {row.borrowedGpus > 0 && (
        <span
          className="seg borrow"
          style={{ left: pct(v.deservedGpus), width: pct(row.borrowedGpus) }}
        />
      )}
      {v.pendingGpus > 0 && (
        <span
          className="seg pending"
          style={{ left: pct(v.allocatedGpus), width: pct(v.pendingGpus) }}
        />
      )}
      {v.deservedGpus > 0 && (
        <span
          className="tick deserved"
          style={{ left: pct(v.deservedGpus) }}
          title={`deserved ${formatGpus(v.deservedGpus)}`}
        />
      )}
      <span
        className="tick fair"
        style={{ left: pct(v.fairShareGpus) }}
        title={`fair share ${formatGpus(v.fairShareGpus)}`}
      />
      {v.limitGpus !== null && (
        <span
          className="tick limit"
          style={{ left: pct(v.limitGpus) }}
          title={`limit ${formatGpus(v.limitGpus)}`}
        />
      )}
    </div>
  );
}

/** What the bars' colours and ticks mean. */
export function QueueLegend() {
  return (
    <div className="legend" aria-label="Legend">
      <span>
        <i className="key alloc" /> allocated within deserved
      </span>
      <span>
        <i className="key borrow" /> borrowed above deserved
      </span>
      <span>
        <i className="key pending" /> pending
      </span>
      <span>
        <i className="key tick-deserved" /> deserved
      </span>
      <span>
        <i className="key tick-fair" /> fair share
      </span>
      <span>
        <i className="key tick-limit" /> limit
      </span>
    </div>
  );
}
