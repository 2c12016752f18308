import type { FillReport, ReplayReport } from '@roam/sim';

/** Lines sharing one x axis, as the chart draws them (null where a line has no point). */
export interface SeriesSet {
  readonly x: readonly number[];
  readonly lines: readonly { readonly name: string; readonly y: readonly (number | null)[] }[];
}

/** Aligns lines of (x, y) points on the union of their x values. */
export function alignSeries(
  lines: readonly { name: string; points: readonly (readonly [number, number])[] }[],
): SeriesSet {
  const x = [...new Set(lines.flatMap((l) => l.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  return {
    x,
    lines: lines.map((l) => {
      const y: (number | null)[] = x.map(() => null);
      for (const [px, py] of l.points) y[index.get(px) as number] = py;
      return { name: l.name, y };
    }),
  };
}

/** A line's name, told apart from same-named lines of other runs: `roam`, `roam (2)`. */
function names(policies: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return policies.map((p) => {
    const n = (seen.get(p) ?? 0) + 1;
    seen.set(p, n);
    return n === 1 ? p : `${p} (${n})`;
  });
}

/** Allocation against arrived load, one line per policy (the CLI's `allocation` chart). */
export function fillAllocation(reports: readonly FillReport[]): SeriesSet {
  const labels = names(reports.map((r) => r.policy));
  return alignSeries(
    reports.map((r, i) => ({
      name: labels[i] ?? r.policy,
      points: r.points.map((p) => [p.arrivedPct, p.allocPct] as const),
    })),
  );
}

/** Fragmented GPU against arrived load (the CLI's `fragmentation` chart). */
export function fillFragmentation(reports: readonly FillReport[]): SeriesSet {
  const labels = names(reports.map((r) => r.policy));
  return alignSeries(
    reports.map((r, i) => ({
      name: labels[i] ?? r.policy,
      points: r.points.map((p) => [p.arrivedPct, p.fragPct] as const),
    })),
  );
}

/** GPUs allocated over time in hours, one line per policy (the CLI's `utilization` chart). */
export function replayUtilisation(reports: readonly ReplayReport[]): SeriesSet {
  const labels = names(reports.map((r) => r.policy));
  return alignSeries(
    reports.map((r, i) => ({
      name: labels[i] ?? r.policy,
      points: r.samples.map((s) => [s.at / 3_600_000, s.allocatedMilli / 1000] as const),
    })),
  );
}

/** Each queue's GPUs over time in one run (the CLI's `queues` chart): queues that got any GPU. */
export function replayQueues(report: ReplayReport): SeriesSet {
  const queues = report.queues.filter((q) => q.meanAllocatedGpus > 0).map((q) => q.queue);
  return alignSeries(
    queues.map((q) => ({
      name: q,
      points: report.samples.map((s) => [s.at / 3_600_000, (s.byQueue[q] ?? 0) / 1000] as const),
    })),
  );
}
