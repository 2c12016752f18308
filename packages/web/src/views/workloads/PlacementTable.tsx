import type { NodeDoc, Placement } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { nodeMarket, nodePrice } from '../../model/nodes.js';
import { MarketLabel } from '../../ui/Badge.js';
import { formatMoney } from '../../ui/format.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** Where each replica runs: node, its market and price, and each GPU index with the fraction taken. */
export function PlacementTable({
  placements,
  nodeOf,
}: {
  placements: readonly Placement[];
  nodeOf: (name: string) => NodeDoc | undefined;
}) {
  return (
    <table className="table" aria-label="Placement">
      <thead>
        <tr>
          <th scope="col">Replica</th>
          <th scope="col">Node</th>
          <th scope="col">Market</th>
          <NumHeader>Price/h</NumHeader>
          <th scope="col">GPUs (index: share)</th>
        </tr>
      </thead>
      <tbody>
        {placements.map((p, i) => {
          const node = nodeOf(p.node ?? '');
          const price = node ? nodePrice(node) : undefined;
          return (
            <tr key={i}>
              <td>#{i}</td>
              <td>
                <a href={routeHref({ view: 'fleet', node: p.node ?? '' })}>{p.node}</a>
                {node?.status?.gpuModel !== undefined && (
                  <span className="muted"> · {node.status.gpuModel}</span>
                )}
              </td>
              <td>{node ? <MarketLabel market={nodeMarket(node)} /> : '—'}</td>
              <td className="num">{price !== undefined ? formatMoney(price) : '—'}</td>
              <td>
                <div className="gpu-chips">
                  {(p.gpus ?? []).map((g) => (
                    <span
                      key={g.index}
                      className="gpu-chip"
                      title={`GPU ${g.index}: ${Math.round((g.fraction ?? 0) * 100)}%`}
                    >
                      <span
                        className="gpu-chip-fill"
                        style={{ height: `${(g.fraction ?? 0) * 100}%` }}
                      />
                      <span className="gpu-chip-label">
                        gpu{g.index}
                        {(g.fraction ?? 1) < 1 ? ` · ${g.fraction}` : ''}
                      </span>
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
