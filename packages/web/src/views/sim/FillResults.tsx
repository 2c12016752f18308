import { useMemo } from 'react';
import type { FillReport } from '@roam/sim';
import { fillAllocation, fillFragmentation } from '../../model/sim-series.js';
import { LazyChart } from '../../ui/LazyChart.js';
import { NumHeader } from '../../ui/NumHeader.js';

const fmt = (x: unknown): string => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '—');

/** Fill experiments: allocation and fragmentation against arrived load per policy, and the summary table. */
export function FillResults({ reports }: { reports: readonly FillReport[] }) {
  const allocation = useMemo(() => fillAllocation(reports), [reports]);
  const fragmentation = useMemo(() => fillFragmentation(reports), [reports]);
  const maxX = Math.max(100, ...reports.map((r) => Math.floor(100 * r.inflate)));
  return (
    <section className="card" aria-labelledby="fill-results">
      <h2 id="fill-results">
        Fill experiment{' '}
        <span className="muted">{reports.length} runs · pods arrive and never leave</span>
      </h2>
      <div className="grid two">
        <LazyChart
          title="GPU allocation vs arrived load"
          data={allocation}
          xLabel="Arrived workloads (% of cluster GPU capacity)"
          yLabel="GPU allocation (%)"
          xRange={[0, maxX]}
          yRange={[0, 100]}
        />
        <LazyChart
          title="GPU fragmentation vs arrived load"
          data={fragmentation}
          xLabel="Arrived workloads (% of cluster GPU capacity)"
          yLabel="Fragmented GPU (% of cluster)"
          xRange={[0, maxX]}
        />
      </div>
      <table className="table" aria-label="Fill results by policy" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <NumHeader>Unallocated GPU at 100% (%)</NumHeader>
            <NumHeader>Seeds</NumHeader>
            <NumHeader>Nodes</NumHeader>
            <NumHeader>GPUs</NumHeader>
            <NumHeader>Placed</NumHeader>
            <NumHeader>Failed</NumHeader>
          </tr>
        </thead>
        <tbody>
          {reports.map((r, i) => (
            <tr key={i}>
              <td>{r.policy}</td>
              <td className="num">{fmt(r.unallocatedAt100Pct)}</td>
              <td className="num">{r.seeds.length}</td>
              <td className="num">{r.nodes}</td>
              <td className="num">{r.gpus}</td>
              <td className="num">{r.placed}</td>
              <td className="num">{r.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
