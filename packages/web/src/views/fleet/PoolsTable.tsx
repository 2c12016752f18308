import type { NodePoolDoc } from '../../api/types.js';
import type { GpuTally } from '../../model/fleet-summary.js';
import { formatGpus, formatPercent } from '../../ui/format.js';
import { Meter } from '../../ui/Meter.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** Node pools: how they get machines (static or elastic, which market), placement policy, GPUs and use. */
export function PoolsTable({
  pools,
  tally,
}: {
  pools: readonly NodePoolDoc[];
  tally: ReadonlyMap<string, GpuTally>;
}) {
  return (
    <table className="table" aria-label="Node pools">
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Capacity</th>
          <th scope="col">Placement</th>
          <NumHeader>Nodes</NumHeader>
          <NumHeader>GPUs</NumHeader>
          <th scope="col" style={{ width: '24%' }}>
            Allocated
          </th>
        </tr>
      </thead>
      <tbody>
        {pools.map((p) => {
          const t = tally.get(p.metadata.name);
          const e = p.spec.elastic;
          return (
            <tr key={p.metadata.name}>
              <td>
                <strong>{p.metadata.name}</strong>
              </td>
              <td>
                {e
                  ? `elastic · ${e.market ?? 'auto'} · ${(e.gpuModels ?? []).join(', ') || 'any GPU'} · ${e.minNodes ?? 0}–${e.maxNodes ?? '∞'} nodes${e.clouds ? ` on ${e.clouds.join(', ')}` : ''}`
                  : `static · ${(p.spec.static?.machines ?? []).map((m) => `${m.count ?? 1}× ${m.gpus ?? 0} ${m.gpuModel ?? ''}`).join(', ')}`}
              </td>
              <td>{p.spec.placement ?? 'roam'}</td>
              <td className="num">{t?.nodes ?? 0}</td>
              <td className="num">{formatGpus(t?.total ?? 0)}</td>
              <td>
                <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <Meter
                    used={t?.allocated ?? 0}
                    total={t?.total ?? 0}
                    label={`${p.metadata.name}: GPUs allocated`}
                  />
                  <span className="muted num">
                    {t && t.total > 0 ? formatPercent(t.allocated / t.total) : '—'}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
