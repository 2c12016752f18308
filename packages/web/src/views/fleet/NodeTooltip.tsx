import type { NodeDoc } from '../../api/types.js';
import { nodeGpuFill, nodeMarket, nodePrice, nodeRisk } from '../../model/nodes.js';
import { formatMoney, formatPercent } from '../../ui/format.js';

/** A node's essentials next to the pointer on the fleet map. */
export function NodeTooltip({
  node,
  x,
  y,
  width,
}: {
  node: NodeDoc;
  x: number;
  y: number;
  width: number;
}) {
  const s = node.status;
  const fill = nodeGpuFill(node);
  const price = nodePrice(node);
  const risk = nodeRisk(node);
  const left = x + 260 > width ? x - 252 : x + 14;
  return (
    <div className="fleet-tip" style={{ left, top: y + 14 }} role="tooltip">
      <strong>{node.metadata.name}</strong>
      <div className="muted">
        {s?.pool} · {s?.gpuModel ?? 'no GPU'} × {s?.gpus ?? 0} · {nodeMarket(node)}
        {s?.zone !== undefined ? ` · ${s.zone}` : ''}
      </div>
      <div>GPUs: {fill.map((f) => formatPercent(f)).join(' ')}</div>
      {price !== undefined && <div>{formatMoney(price)}/h</div>}
      {risk !== undefined && <div>reclaim risk (1 h): {formatPercent(risk)}</div>}
      {s?.cordoned && <div style={{ color: 'var(--danger)' }}>cordoned</div>}
    </div>
  );
}
