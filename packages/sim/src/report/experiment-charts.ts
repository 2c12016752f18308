import type { FillReport } from '../fill/experiment.js';
import type { ReplayReport } from '../replay/replay.js';
import { lineChart } from './svg-chart.js';

/** A chart ready to write: file name (without extension) and SVG. */
export interface NamedChart {
  readonly name: string;
  readonly svg: string;
}

/** FGD-style charts of fill reports: allocation and fragmentation against arrived load, one line per policy. */
export function fillCharts(reports: readonly FillReport[], subtitle: string): NamedChart[] {
  const maxX = Math.max(100, ...reports.map((r) => Math.floor(100 * r.inflate)));
  const series = (f: (p: FillReport['points'][number]) => number) =>
    reports.map((r) => ({
      name: r.policy,
      points: r.points.map((p) => [p.arrivedPct, f(p)] as const),
    }));
  return [
    {
      name: 'allocation',
      svg: lineChart({
        title: 'GPU allocation vs arrived load',
        subtitle,
        x: { label: 'Arrived workloads (% of cluster GPU capacity)', min: 0, max: maxX },
        y: { label: 'GPU allocation (%)', min: 0, max: 100 },
        series: series((p) => p.allocPct),
      }),
    },
    {
      name: 'unallocated',
      svg: lineChart({
        title: 'Unallocated GPU vs arrived load (from 85%)',
        subtitle,
        x: { label: 'Arrived workloads (% of cluster GPU capacity)', min: 85, max: maxX },
        y: { label: 'Unallocated GPU (% of cluster)' },
        series: reports.map((r) => ({
          name: r.policy,
          points: r.points
            .filter((p) => p.arrivedPct >= 85)
            .map((p) => [p.arrivedPct, 100 - p.allocPct] as const),
        })),
      }),
    },
    {
      name: 'fragmentation',
      svg: lineChart({
        title: 'GPU fragmentation vs arrived load',
        subtitle,
        x: { label: 'Arrived workloads (% of cluster GPU capacity)', min: 0, max: maxX },
        y: { label: 'Fragmented GPU (% of cluster)' },
        series: series((p) => p.fragPct),
      }),
    },
  ];
}

/** Charts of replays: GPU allocation over time per policy, and each queue's GPUs over time (first report). */
export function replayCharts(reports: readonly ReplayReport[], subtitle: string): NamedChart[] {
  const hours = (ms: number): number => ms / 3_600_000;
  const charts: NamedChart[] = [
    {
      name: 'utilization',
      svg: lineChart({
        title: 'GPUs allocated over time',
        subtitle,
        x: { label: 'Time (h)' },
        y: { label: 'GPUs allocated' },
        series: reports.map((r) => ({
          name: r.policy,
          step: true,
          points: r.samples.map((s) => [hours(s.at), s.allocatedMilli / 1000] as const),
        })),
      }),
    },
  ];
  const first = reports[0];
  if (first) {
    const queues = first.queues.filter((q) => q.meanAllocatedGpus > 0).map((q) => q.queue);
    charts.push({
      name: 'queues',
      svg: lineChart({
        title: `GPUs per queue over time (${first.policy})`,
        subtitle,
        x: { label: 'Time (h)' },
        y: { label: 'GPUs allocated' },
        series: queues.map((q) => ({
          name: q,
          step: true,
          points: first.samples.map((s) => [hours(s.at), (s.byQueue[q] ?? 0) / 1000] as const),
        })),
      }),
    });
  }
  return charts;
}
