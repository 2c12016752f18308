import { csvRows } from '../traces/table.js';
import { usdPerHour } from './fields.js';
import { seriesNames } from './names.js';
import type { SpotSeries, SpotTrace, SpotTraceFormat } from './trace.js';

/** Columns of the long format: one row per (zone, tick). */
export const LONG_FORMAT_COLUMNS = ['trace_set', 'zone', 'gap_seconds', 'tick', 'value'] as const;
/** Columns of the long format that the Can't Be Late traces add. */
export const CANT_BE_LATE_COLUMNS = [
  ...LONG_FORMAT_COLUMNS,
  'instance_type',
  'nodes_probed',
  'spot_price_usd_per_hour',
] as const;

type Column = (typeof CANT_BE_LATE_COLUMNS)[number] | 'region';

/** A series being read: its rows so far. */
interface SeriesRows {
  readonly zone: string;
  readonly region: string;
  readonly instanceType: string;
  readonly probed: number;
  readonly tickMs: number;
  readonly counts: number[];
  readonly prices: number[];
}

/**
 * Reads the long-format spot traces: the Can't Be Late sets (`trace_set, kind, cloud,
 * region, zone, …, gap_seconds, tick, …, value, spot_price_usd_per_hour`) and SpotHedge's
 * GCP A100 trace (`trace_set, zone, region, source_file_stem, gap_seconds, tick, …,
 * value`). Rows are grouped into series by (trace set, zone, instance type, nodes
 * probed); within a series ticks must run 0, 1, 2, … with one tick length. `value` is how
 * many instances were available or up; the A100 trace, which does not say how many were
 * asked for, counts as probing 1. An empty price is unknown. A malformed row throws a
 * TraceError `file:line: column: reason`.
 */
export function readLongFormat(text: string, file: string, format: SpotTraceFormat): SpotTrace {
  const groups = new Map<string, SeriesRows>();
  const rows = csvRows<Column>(text, file, {
    required: LONG_FORMAT_COLUMNS,
    optional: ['region', 'instance_type', 'nodes_probed', 'spot_price_usd_per_hour'],
  });
  for (const row of rows) {
    const zone = row.nonEmpty('zone');
    const instanceType = row.text('instance_type');
    const probed = row.text('nodes_probed') === '' ? 1 : row.int('nodes_probed', 1);
    const key = [row.text('trace_set'), zone, instanceType, probed].join('\u0000');
    const tickMs = row.seconds('gap_seconds', true);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        zone,
        region: row.text('region'),
        instanceType,
        probed,
        tickMs,
        counts: [],
        prices: [],
      };
      groups.set(key, group);
    }
    if (tickMs !== group.tickMs)
      row.fail(
        'gap_seconds',
        `must stay ${group.tickMs / 1000} within a series, got ${tickMs / 1000}`,
      );
    const tick = row.int('tick', 0);
    if (tick !== group.counts.length)
      row.fail(
        'tick',
        `expected ${group.counts.length} (ticks of a series run 0, 1, 2, …), got ${tick}`,
      );
    group.counts.push(row.int('value', 0));
    group.prices.push(usdPerHour(row, 'spot_price_usd_per_hour'));
  }
  const list = [...groups.values()];
  const names = seriesNames(list);
  return {
    source: file,
    format,
    series: list.map((g, i): SpotSeries => ({
      name: names[i] ?? g.zone,
      zone: g.zone,
      region: g.region,
      instanceType: g.instanceType,
      tickMs: g.tickMs,
      counts: Int32Array.from(g.counts),
      probed: g.probed,
      spotPriceUsd: Float64Array.from(g.prices),
      missingTicks: 0,
    })),
  };
}
