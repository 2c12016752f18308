import type { Offering } from '@roam/core';
import type { CsvRecord } from './csv.js';
import { GCP_MACHINE_TYPE } from './gcp-pricing.js';
import { eachRow, tableRows, type LineProblem } from './table.js';

/** Columns of the GCP machine-type zone list; `deprecated` is read when present. */
export const GCP_ZONES_REQUIRED = ['machine_type', 'zone', 'region'] as const;
type Column = (typeof GCP_ZONES_REQUIRED)[number] | 'deprecated';

/** Why deprecated machine types of the zone list are not used. */
const SKIP_DEPRECATED = 'deprecated machine type';

/** Which zones offer each machine type, by `machineType/region`. */
export type GcpZones = ReadonlyMap<string, readonly string[]>;

/** What reading a zone list gives. */
export interface ZonesRead {
  readonly zones: GcpZones;
  readonly skipped: Map<string, number>;
  readonly problems: LineProblem[];
}

/**
 * Reads the GCP machine-type zone list (Cyclenerd's `machinetypezone.csv`: `machine_type,
 * vcpus, shared_cpu, memory_gb, deprecated, zone, region`). A zone must belong to the
 * row's region; rows marked deprecated are left out; repeated rows count once.
 */
export function readGcpZones(records: readonly CsvRecord[]): ZonesRead {
  const { rows, problems } = tableRows<Column>(records, GCP_ZONES_REQUIRED);
  const zones = new Map<string, string[]>();
  const skipped = new Map<string, number>();
  eachRow(rows, problems, (row) => {
    const machineType = row.matching(
      'machine_type',
      GCP_MACHINE_TYPE,
      'a machine type such as a2-highgpu-1g',
    );
    const zone = row.matching(
      'zone',
      /^[a-z]+-[a-z]+[0-9]+-[a-z]$/,
      'a zone such as us-central1-a',
    );
    const region = zone.slice(0, -2);
    if (row.text('region') !== region)
      row.fail(
        'region',
        `must be the zone's region ${region}, got ${JSON.stringify(row.text('region'))}`,
      );
    if (row.text('deprecated') !== '') {
      skipped.set(SKIP_DEPRECATED, (skipped.get(SKIP_DEPRECATED) ?? 0) + 1);
      return;
    }
    const key = `${machineType}/${region}`;
    const list = zones.get(key) ?? [];
    if (!list.includes(zone)) list.push(zone);
    zones.set(key, list);
  });
  for (const list of zones.values()) list.sort();
  return { zones, skipped, problems };
}

/** The offering with the zones the list gives for its machine type and region, if any. */
export function withGcpZones(offering: Offering, zones: GcpZones): Offering {
  const listed = zones.get(`${offering.instanceType}/${offering.region}`);
  return listed === undefined ? offering : { ...offering, zones: listed };
}
