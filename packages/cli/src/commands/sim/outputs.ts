import {
  fillCharts,
  replayCharts,
  svgToPng,
  type FillReport,
  type NamedChart,
  type ReplayReport,
} from '@roam/sim';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `report.json` and the fill charts to `dir`. */
export async function writeFillOutputs(
  dir: string,
  reports: readonly FillReport[],
  opts: { png: boolean; title: string },
): Promise<void> {
  await writeChartOutputs(dir, reports, fillCharts(reports, opts.title), opts.png);
}

/** Writes `report.json` (with time series) and the replay charts to `dir`. */
export async function writeReplayOutputs(
  dir: string,
  reports: readonly ReplayReport[],
  opts: { png: boolean; title: string },
): Promise<void> {
  await writeChartOutputs(dir, reports, replayCharts(reports, opts.title), opts.png);
}

/** Writes `report.json` (one report, or an array of them) and the charts (SVG, and PNG with `png`) to `dir`. */
export async function writeChartOutputs(
  dir: string,
  reports: readonly unknown[],
  charts: readonly NamedChart[],
  png: boolean,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'report.json'),
    `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`,
  );
  for (const chart of charts) {
    await writeFile(join(dir, `${chart.name}.svg`), chart.svg);
    if (png) await writeFile(join(dir, `${chart.name}.png`), svgToPng(chart.svg, { width: 1600 }));
  }
}
