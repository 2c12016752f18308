import { csvRows } from '../traces/table.js';
import { TraceError } from '../traces/types.js';
import { utcMs } from './fields.js';
import { seriesNames } from './names.js';
import type { SpotSeries, SpotTrace } from './trace.js';

/** Columns of SkyNomad's GCP H100 probe records. */
export const PROBE_COLUMNS = ['timestamp_utc', 'zone', 'available'] as const;

type Column = (typeof PROBE_COLUMNS)[number] | 'region';

/** One probe round of one zone. */
interface Probe {
  readonly line: number;
  readonly atMs: number;
  readonly available: number;
}

/**
 * Reads SkyNomad's GCP H100 probe records (`timestamp_utc, run_id, region, zone, …,
 * available`): one row per zone and probe round, `available` 1 when the round got at
 * least one VM. The tick is the shortest step between a zone's rounds (10 minutes in the
 * published data) and every round must fall on that grid, counted from the file's first
 * round, in time order. Rounds a zone lacks (the data have a 110-minute hole) count as
 * unavailable and are reported in `missingTicks`. A malformed row throws a TraceError.
 */
export function readProbes(text: string, file: string): SpotTrace {
  const zones = new Map<string, { region: string; probes: Probe[] }>();
  for (const row of csvRows<Column>(text, file, {
    required: PROBE_COLUMNS,
    optional: ['region'],
  })) {
    const atMs = utcMs(row, 'timestamp_utc');
    const zone = row.nonEmpty('zone');
    let entry = zones.get(zone);
    if (entry === undefined) {
      entry = { region: row.text('region'), probes: [] };
      zones.set(zone, entry);
    }
    const previous = entry.probes[entry.probes.length - 1];
    if (previous !== undefined && atMs <= previous.atMs)
      row.fail(
        'timestamp_utc',
        `must come after the zone's previous round (${new Date(previous.atMs).toISOString()})`,
      );
    entry.probes.push({ line: row.line, atMs, available: row.int('available', 0, 1) });
  }
  const all = [...zones.values()].flatMap((z) => z.probes);
  const origin = Math.min(...all.map((p) => p.atMs));
  const tickMs = probeInterval(zones);
  const list = [...zones.entries()].map(([zone, { region, probes }]) =>
    probeSeries(file, zone, region, probes, origin, tickMs),
  );
  const names = seriesNames(list);
  return {
    source: file,
    format: 'skynomad-h100',
    series: list.map((s, i) => ({ ...s, name: names[i] ?? s.zone })),
  };
}

/** The shortest step between two rounds of a zone: the probe interval. */
function probeInterval(zones: ReadonlyMap<string, { probes: readonly Probe[] }>): number {
  let step = Number.POSITIVE_INFINITY;
  for (const { probes } of zones.values())
    for (let i = 1; i < probes.length; i++)
      step = Math.min(step, (probes[i] as Probe).atMs - (probes[i - 1] as Probe).atMs);
  return Number.isFinite(step) ? step : 600_000;
}

function probeSeries(
  file: string,
  zone: string,
  region: string,
  probes: readonly Probe[],
  origin: number,
  tickMs: number,
): SpotSeries {
  const last = probes[probes.length - 1];
  const ticks = last === undefined ? 0 : Math.round((last.atMs - origin) / tickMs) + 1;
  const counts = new Int32Array(ticks);
  for (const probe of probes) {
    const offset = probe.atMs - origin;
    if (offset % tickMs !== 0)
      throw new TraceError(
        file,
        probe.line,
        'timestamp_utc',
        `is not on the ${tickMs / 60_000}-minute grid of the file's rounds`,
      );
    counts[offset / tickMs] = probe.available;
  }
  return {
    name: zone,
    zone,
    region,
    instanceType: '',
    tickMs,
    counts,
    probed: 1,
    spotPriceUsd: new Float64Array(ticks).fill(Number.NaN),
    missingTicks: ticks - probes.length,
  };
}
