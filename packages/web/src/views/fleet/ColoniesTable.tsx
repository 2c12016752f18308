import type { ColonyDoc } from '../../api/types.js';
import { formatGpus } from '../../ui/format.js';
import { NumHeader } from '../../ui/NumHeader.js';

/** Colonies: their pools, lifetime, the dependencies every node carries, and what runs on them now. */
export function ColoniesTable({ colonies }: { colonies: readonly ColonyDoc[] }) {
  return (
    <table className="table" aria-label="Colonies">
      <thead>
        <tr>
          <th scope="col">Colony</th>
          <th scope="col">Node pools</th>
          <th scope="col">Lifetime</th>
          <th scope="col">Dependencies</th>
          <NumHeader>Nodes</NumHeader>
          <NumHeader>GPUs</NumHeader>
          <NumHeader>Running</NumHeader>
        </tr>
      </thead>
      <tbody>
        {colonies.map((c) => (
          <tr key={c.metadata.name}>
            <td>
              <strong>{c.metadata.name}</strong>
              {c.status?.phase && <span className="muted"> · {c.status.phase.toLowerCase()}</span>}
            </td>
            <td>
              {c.spec.nodePools.join(', ')}
              {(c.status?.missingNodePools ?? []).length > 0 && (
                <span className="muted"> (missing: {c.status?.missingNodePools?.join(', ')})</span>
              )}
            </td>
            <td>{c.spec.lifetime ?? 'persistent'}</td>
            <td>
              {(c.spec.dependencies ?? [])
                .map((d) => (d.version ? `${d.name} ${d.version}` : d.name))
                .join(', ') || '—'}
            </td>
            <td className="num">{c.status?.nodes ?? 0}</td>
            <td className="num">{formatGpus(c.status?.gpus ?? 0)}</td>
            <td className="num">{c.status?.runningWorkloads ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
