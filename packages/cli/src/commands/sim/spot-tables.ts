import type { PolicySummary, SpotResult, SpotSweepSummary } from '@roam/sim';
import { table } from '../../table.js';

const usd = (x: number): string => `$${x.toFixed(2)}`;
const pct = (x: number): string => `${x.toFixed(1)}%`;

/** The table of one job under several policies. */
export function renderSpotRuns(results: readonly SpotResult[], traceFile: string): string {
  const first = results[0];
  if (first === undefined) return '';
  const head =
    `${traceFile}: zones ${first.zones.join(', ')}; a ${first.jobHours} h job, deadline ` +
    `${first.deadlineHours} h, restart ${first.restartHours} h, starting at hour ${first.startHour}; ` +
    `on-demand alone costs ${usd(first.onDemandCostUsd)}`;
  const rows = results.map((r) => [
    r.policy,
    usd(r.costUsd),
    pct(r.savingsPct),
    r.deadlineMet ? 'yes' : 'NO',
    r.finishHours === null ? '-' : r.finishHours.toFixed(1),
    r.spotHours.toFixed(1),
    r.onDemandHours.toFixed(1),
    String(r.launches),
    String(r.reclaims),
    String(r.moves),
    `${r.wallMs.toFixed(0)}ms`,
  ]);
  return `${head}\n\n${table(
    [
      'POLICY',
      'COST',
      'SAVED',
      'DEADLINE MET',
      'DONE AT (h)',
      'SPOT h',
      'ON-DEMAND h',
      'LAUNCHES',
      'RECLAIMS',
      'MOVES',
      'TIME',
    ],
    rows,
  )}`;
}

/** The summary of a sweep: per policy and mode, then how roam compares. */
export function renderSpotSweep(
  summary: SpotSweepSummary,
  runs: number,
  wallMs: number,
  subtitle: string,
): string {
  const lines = [`${subtitle}: ${runs} runs in ${(wallMs / 1000).toFixed(1)} s`, ''];
  const section = (title: string, of: readonly PolicySummary[]): void => {
    if (of.length === 0) return;
    lines.push(
      title,
      table(
        [
          'POLICY',
          'RUNS',
          'COST (% OF ON-DEMAND)',
          'MEAN COST',
          'SPOT h',
          'ON-DEMAND h',
          'LAUNCHES',
          'MISSED',
          'AVOIDABLE MISSES',
          'TIME/RUN',
        ],
        of.map((s) => [
          s.policy,
          String(s.runs),
          pct(100 * s.meanNormalizedCost),
          usd(s.meanCostUsd),
          s.meanSpotHours.toFixed(1),
          s.meanOnDemandHours.toFixed(1),
          s.meanLaunches.toFixed(1),
          String(s.misses),
          String(s.avoidableMisses),
          `${s.meanWallMs.toFixed(1)}ms`,
        ]),
      ),
      '',
    );
  };
  section('One zone at a time:', summary.singleZone);
  section('All zones (moves allowed):', summary.multiZone);
  if (summary.roamOverOptimal !== null)
    lines.push(`roam / optimal (one zone): ${summary.roamOverOptimal.toFixed(3)}`);
  if (summary.gapClosedPct !== null)
    lines.push(
      `Gap from uniform-progress to optimal that roam closes: ${pct(summary.gapClosedPct)}`,
    );
  const multi = summary.multiZoneVsSingleZone;
  if (multi !== null)
    lines.push(
      `roam over all zones: ${pct(100 * multi.roamMultiZone)} of on-demand; the best single zone ` +
        `(${multi.bestSingleZone.zone}, ${multi.bestSingleZone.policy}): ${pct(100 * multi.bestSingleZoneMean)}; ` +
        `roam is at or below every single-zone run in ${pct(multi.windowsBeatingAllPct)} of windows`,
    );
  return lines.join('\n');
}
