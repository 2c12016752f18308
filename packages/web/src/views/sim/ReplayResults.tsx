import { useMemo, useState } from 'react';
import type { ReplayReport } from '@roam/sim';
import { replayQueues, replayUtilisation } from '../../model/sim-series.js';
import { Notice } from '../../ui/Notice.js';
import { LazyChart } from '../../ui/LazyChart.js';
import { NumHeader } from '../../ui/NumHeader.js';

const hours = (x: number): string => `${Math.round(x * 10) / 10}h`;

/** Trace replays: GPUs allocated over time per policy, one run's queues over time, and the summary table. */
export function ReplayResults({ reports }: { reports: readonly ReplayReport[] }) {
  const [chosen, setChosen] = useState(0);
  const utilisation = useMemo(() => replayUtilisation(reports), [reports]);
  const run = reports[Math.min(chosen, reports.length - 1)];
  const queues = useMemo(() => (run ? replayQueues(run) : undefined), [run]);
  const noSamples = reports.every((r) => r.samples.length === 0);
  return (
    <section className="card" aria-labelledby="replay-results">
      <h2 id="replay-results">
        Trace replay <span className="muted">{reports.length} runs</span>
      </h2>
      {noSamples ? (
        <Notice tone="warn">
          These reports have no time series (they were printed with --json): open the report.json a
          run wrote with --out to see charts.
        </Notice>
      ) : (
        <div className="grid two">
          <LazyChart
            title="GPUs allocated over time"
            data={utilisation}
            xLabel="Time (h)"
            yLabel="GPUs allocated"
            step
            xFormat={hours}
          />
          <div>
            <label className="field" style={{ marginBottom: 6 }}>
              Queues of the run
              <select
                className="select"
                value={chosen}
                onChange={(e) => setChosen(Number(e.target.value))}
              >
                {reports.map((r, i) => (
                  <option key={i} value={i}>
                    {r.policy} (seed {r.seed})
                  </option>
                ))}
              </select>
            </label>
            {queues && (
              <LazyChart
                title={`GPUs per queue over time (${run?.policy ?? ''})`}
                data={queues}
                xLabel="Time (h)"
                yLabel="GPUs allocated"
                step
                xFormat={hours}
                height={236}
              />
            )}
          </div>
        </div>
      )}
      <table className="table" aria-label="Replay results by policy" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <NumHeader>Jobs</NumHeader>
            <NumHeader>Completed</NumHeader>
            <NumHeader>JCT mean / p95 (s)</NumHeader>
            <NumHeader>Queueing p95 (s)</NumHeader>
            <NumHeader>Makespan (s)</NumHeader>
            <NumHeader>Mean alloc. (%)</NumHeader>
            <NumHeader>Preemptions</NumHeader>
            <NumHeader>Jain fairness</NumHeader>
          </tr>
        </thead>
        <tbody>
          {reports.map((r, i) => (
            <tr key={i}>
              <td>
                {r.policy} <span className="muted">seed {r.seed}</span>
              </td>
              <td className="num">{r.jobs}</td>
              <td className="num">{r.completed}</td>
              <td className="num">
                {r.jctSeconds.mean} / {r.jctSeconds.p95}
              </td>
              <td className="num">{r.queueingDelaySeconds.p95}</td>
              <td className="num">{r.makespanSeconds}</td>
              <td className="num">{r.meanGpuAllocationPct}</td>
              <td className="num">{r.preemptions}</td>
              <td className="num">{r.jainFairness}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
