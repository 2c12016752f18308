import { csvRows } from '../traces/table.js';
import { usdPerHour, utcMs } from './fields.js';
import type { SpotSeries, SpotTrace } from './trace.js';

/** Columns of the GCP price history (Cyclenerd's price lists, one row per snapshot, machine type and region). */
export const PRICE_HISTORY_COLUMNS = [
  'snapshot_utc',
  'machine_type',
  'region',
  'spot_usd_per_hour',
] as const;

type Column = (typeof PRICE_HISTORY_COLUMNS)[number];

/** The grid the snapshots are laid on: one tick a day (GCP changes spot prices at most monthly). */
const DAY_MS = 86_400_000;

/** One machine type in one region: its spot price at each snapshot. */
interface Snapshots {
  readonly region: string;
  readonly machineType: string;
  readonly points: { atMs: number; usd: number }[];
}

/**
 * Reads the GCP price history (`snapshot_utc, …, machine_type, …, region, …,
 * spot_usd_per_hour`): one series per machine type and region, named
 * `region/machine-type`, on a daily grid from the file's first snapshot to its last. A
 * price holds from its snapshot until the next one; spot counts as offered from the
 * first snapshot with a spot price (an empty price means none yet) — it is a price
 * trace, not an availability trace. Rows must come in time order. A malformed row throws
 * a TraceError `file:line: column: reason`.
 */
export function readPriceHistory(text: string, file: string): SpotTrace {
  const bySeries = new Map<string, Snapshots>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of csvRows<Column>(text, file, { required: PRICE_HISTORY_COLUMNS })) {
    const atMs = utcMs(row, 'snapshot_utc');
    if (atMs < last) row.fail('snapshot_utc', 'snapshots must come in time order');
    first = Math.min(first, atMs);
    last = atMs;
    const region = row.nonEmpty('region');
    const machineType = row.nonEmpty('machine_type');
    const key = `${region}/${machineType}`;
    let s = bySeries.get(key);
    if (s === undefined) bySeries.set(key, (s = { region, machineType, points: [] }));
    s.points.push({ atMs, usd: usdPerHour(row, 'spot_usd_per_hour') });
  }
  const ticks = Number.isFinite(first) ? Math.floor((last - first) / DAY_MS) + 1 : 0;
  return {
    source: file,
    format: 'gcp-price-history',
    series: [...bySeries].map(([name, s]) => daily(name, s, first, ticks)),
  };
}

/** A series on the daily grid from `startMs`: each day at the latest snapshot's price. */
function daily(name: string, s: Snapshots, startMs: number, ticks: number): SpotSeries {
  const counts = new Int32Array(ticks);
  const prices = new Float64Array(ticks).fill(Number.NaN);
  let p = -1;
  for (let t = 0; t < ticks; t++) {
    const dayEnd = startMs + (t + 1) * DAY_MS;
    while (p + 1 < s.points.length && (s.points[p + 1]?.atMs ?? Infinity) < dayEnd) p++;
    const usd = p >= 0 ? (s.points[p]?.usd ?? Number.NaN) : Number.NaN;
    prices[t] = usd;
    counts[t] = Number.isNaN(usd) ? 0 : 1;
  }
  return {
    name,
    zone: s.region,
    region: s.region,
    instanceType: s.machineType,
    tickMs: DAY_MS,
    counts,
    probed: 1,
    spotPriceUsd: prices,
    missingTicks: 0,
  };
}
