import {
  isAsOfDate,
  mergeCatalogs,
  type Catalog,
  type CatalogSource,
  type Offering,
} from '@roam/core';
import { parseCsv } from './csv.js';
import { detectCatalogFormat, GCP_ZONES_FORMAT, knownHeaders } from './detect.js';
import { readGcpZones, withGcpZones, type GcpZones } from './gcp-zones.js';
import { readOfferings } from './offering-format.js';
import type { LineProblem } from './table.js';

/** A file to import: its name (for messages and as the source name) and its text. */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** What one imported file gave. */
export interface FileReport {
  readonly file: string;
  /** `aws-vantage`, `gcp-pricing`, `azure-skypilot` or `gcp-zones`. */
  readonly format: string;
  /** Offerings it adds; 0 for a zone list. */
  readonly offerings: number;
  readonly asOf?: string;
  /** Rows left out on purpose, by reason, most first. */
  readonly skipped: readonly { readonly reason: string; readonly rows: number }[];
  /** For a zone list: the GCP offerings of the same import it gave zones to. */
  readonly zonesFilled?: number;
}

/** The result of an import: the catalog of the files, a report per file, and every error. */
export interface CatalogImport {
  readonly catalog: Catalog;
  readonly reports: readonly FileReport[];
  /** Malformed rows and files, as `file:line: column: reason`. */
  readonly errors: readonly string[];
}

/**
 * Imports catalog files of the public formats, each detected from its header (the AWS
 * vantage CSV, the GCP pricing CSV and zone list, the Azure SkyPilot CSV), into one
 * catalog with a source per file, named by the file's base name. A GCP zone list gives zones to the GCP offerings of the same import and is an
 * error alone. A source's as-of date is `asOf` when given, else the date the file states
 * (GCP's `snapshot_utc`), else a `YYYY-MM-DD` date in the file name, else unknown. Every
 * malformed row is reported; callers should not keep a catalog that has errors.
 */
export function importCatalogFiles(
  files: readonly ImportFile[],
  options: { readonly asOf?: string } = {},
): CatalogImport {
  const errors: string[] = [];
  const reports: FileReport[] = [];
  const layers: { source: CatalogSource; offerings: Offering[] }[] = [];
  const zoneLists: { report: number; zones: GcpZones }[] = [];
  for (const { name, text } of files) {
    const { records, problems: csvProblems } = parseCsv(text);
    const header = records[0]?.fields ?? [];
    const problems: LineProblem[] = csvProblems.map((p) => ({
      line: p.line,
      column: header[p.field] ?? `column ${p.field + 1}`,
      reason: p.reason,
    }));
    const format = detectCatalogFormat(header);
    if (format === undefined) {
      const reason = `not a catalog format Roam reads; known: ${knownHeaders()}`;
      problems.push({ line: records[0]?.line ?? 1, column: 'header', reason });
    } else if (format === GCP_ZONES_FORMAT) {
      const read = readGcpZones(records);
      problems.push(...read.problems);
      zoneLists.push({ report: reports.length, zones: read.zones });
      reports.push({ file: name, format, offerings: 0, skipped: mostFirst(read.skipped) });
    } else {
      const read = readOfferings(format, records);
      problems.push(...read.problems);
      const asOf = options.asOf ?? read.asOf ?? dateInName(name);
      const dated = asOf !== undefined ? { asOf } : {};
      const source = { name: baseName(name), description: format.description, ...dated };
      layers.push({ source, offerings: read.offerings });
      const skipped = mostFirst(read.skipped);
      const offerings = read.offerings.length;
      reports.push({ file: name, format: format.name, offerings, ...dated, skipped });
    }
    problems.sort((a, b) => a.line - b.line);
    errors.push(...problems.map((p) => `${name}:${p.line}: ${p.column}: ${p.reason}`));
  }
  for (const list of zoneLists) {
    const report = reports[list.report];
    if (report === undefined) continue;
    const gcp = layers.flatMap((l) => l.offerings).filter((o) => o.cloud === 'gcp');
    if (gcp.length === 0)
      errors.push(
        `${report.file}: a GCP zone list fills the zones of a GCP pricing file: import both together`,
      );
    for (const layer of layers)
      layer.offerings = layer.offerings.map((o) => withGcpZones(o, list.zones));
    const zonesFilled = gcp.filter((o) => list.zones.has(`${o.instanceType}/${o.region}`)).length;
    reports[list.report] = { ...report, zonesFilled };
  }
  const catalog = mergeCatalogs(
    ...layers.map((l) => ({
      sources: [l.source],
      offerings: l.offerings.map((o) => ({ ...o, source: l.source.name })),
    })),
  );
  return { catalog, reports, errors };
}

/** Skip counts as a list, the most frequent reason first. */
function mostFirst(skipped: ReadonlyMap<string, number>): FileReport['skipped'] {
  return [...skipped]
    .map(([reason, rows]) => ({ reason, rows }))
    .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
}

/** The last part of a path. */
function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) || path;
}

/** A `YYYY-MM-DD` date in a file name, when it has a valid one. */
function dateInName(path: string): string | undefined {
  const date = /(\d{4}-\d{2}-\d{2})/.exec(baseName(path))?.[1];
  return date !== undefined && isAsOfDate(date) ? date : undefined;
}
