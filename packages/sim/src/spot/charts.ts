import type { Point } from '../report/point.js';
import type { NamedChart } from '../report/experiment-charts.js';
import { lineChart } from '../report/svg-chart.js';
import type { SpotResult } from './experiment.js';
import type { SpotSweepRow } from './sweep.js';

/**
 * The chart of one job under several policies: work done against time since the start,
 * one line per policy (flat while it waits, rising on spot or on-demand), with the job's
 * work and deadline as reference lines.
 */
export function spotRunCharts(results: readonly SpotResult[], subtitle: string): NamedChart[] {
  const first = results[0];
  if (first === undefined) return [];
  return [
    {
      name: 'progress',
      svg: lineChart({
        title: `Progress of a ${first.jobHours} h job, deadline ${first.deadlineHours} h`,
        subtitle,
        x: { label: 'Hours since the start', min: 0, max: first.deadlineHours },
        y: { label: 'Work done (h)', min: 0, max: first.jobHours },
        series: results.map((r) => ({ name: r.policy, points: progressPoints(r) })),
      }),
    },
  ];
}

/** A run's progress as points: each stretch it held something, from its start to its end. */
function progressPoints(result: SpotResult): Point[] {
  const points: Point[] = [[0, 0]];
  let done = 0;
  for (const s of result.timeline) {
    points.push([s.fromHour, done], [s.toHour, s.doneHours]);
    done = s.doneHours;
  }
  return points;
}

/**
 * Charts of a sweep: mean cost as a share of on-demand against the deadline's slack, one
 * line per policy, for single-zone runs and (when the sweep has them) multi-zone runs.
 */
export function spotSweepCharts(rows: readonly SpotSweepRow[], subtitle: string): NamedChart[] {
  const single = rows.filter((r) => r.zones.length === 1);
  const multi = rows.filter((r) => r.zones.length > 1);
  const chart = (name: string, title: string, of: readonly SpotSweepRow[]): NamedChart => ({
    name,
    svg: lineChart({
      title,
      subtitle,
      x: { label: 'Slack (% of the job’s length)' },
      y: { label: 'Cost (% of on-demand)', min: 0 },
      series: [...new Set(of.map((r) => r.policy))].map((policy) => ({
        name: policy,
        points: costBySlack(of.filter((r) => r.policy === policy)),
      })),
    }),
  });
  const charts = [chart('cost-single-zone', 'Mean cost by slack, one zone', single)];
  if (multi.length > 0)
    charts.push(chart('cost-all-zones', 'Mean cost by slack, all zones', multi));
  return charts;
}

/** Mean normalised cost (%) per slack (%), in slack order. */
function costBySlack(rows: readonly SpotSweepRow[]): Point[] {
  const bySlack = new Map<number, number[]>();
  for (const r of rows) {
    const slack = Math.round((100 * (r.deadlineHours - r.jobHours)) / r.jobHours);
    bySlack.set(slack, [...(bySlack.get(slack) ?? []), r.normalizedCost]);
  }
  return [...bySlack.entries()]
    .sort(([a], [b]) => a - b)
    .map(([slack, costs]) => [slack, (100 * costs.reduce((a, b) => a + b, 0)) / costs.length]);
}
