import {
  CLOUDS,
  describe,
  isAsOfDate,
  offeringId,
  type Catalog,
  type CatalogOffering,
  type CatalogSource,
} from '@roam/core';

/** The `kind` of a Roam catalog file. */
export const CATALOG_FILE_KIND = 'RoamOfferingCatalog';
/** The version of the catalog file layout this code writes and reads. */
export const CATALOG_FILE_VERSION = 1;

/** A catalog as the JSON text of a catalog file. */
export function catalogToJson(catalog: Catalog): string {
  const file = { kind: CATALOG_FILE_KIND, version: CATALOG_FILE_VERSION, ...catalog };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A check of a value at a path: its problems as `path: reason`, none when it is fine. */
type Check = (value: unknown, path: string) => string[];

const refuse = (path: string, what: string, value: unknown): string[] => [
  `${path}: must be ${what}, got ${describe(value)}`,
];
const exactly =
  (expected: string | number): Check =>
  (v, path) =>
    v === expected ? [] : refuse(path, JSON.stringify(expected), v);
const text: Check = (v, path) =>
  typeof v === 'string' && v !== '' ? [] : refuse(path, 'a non-empty string', v);
const count =
  (min: 0 | 1): Check =>
  (v, path) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min
      ? []
      : refuse(path, min === 0 ? 'a non-negative integer' : 'a positive integer', v);
const optional =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? [] : check(v, path);
const listOf =
  (item: Check): Check =>
  (v, path) =>
    Array.isArray(v) ? v.flatMap((x, i) => item(x, `${path}[${i}]`)) : refuse(path, 'a list', v);
const object =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return refuse(path || 'the file', 'an object', v);
    const record = v as Record<string, unknown>;
    const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
    return [
      ...Object.entries(fields).flatMap(([field, check]) => check(record[field], at(field))),
      ...Object.keys(record)
        .filter((field) => !(field in fields))
        .map((field) => `${at(field)}: unknown field`),
    ];
  };

const SOURCE: Readonly<Record<keyof CatalogSource, Check>> = {
  name: text,
  description: text,
  asOf: optional((v, path) =>
    typeof v === 'string' && isAsOfDate(v)
      ? []
      : refuse(path, 'a date YYYY-MM-DD, YYYY-MM or YYYY', v),
  ),
};

const OFFERING: Readonly<Record<keyof CatalogOffering, Check>> = {
  cloud: (v, path) =>
    (CLOUDS as readonly unknown[]).includes(v)
      ? []
      : refuse(path, `one of ${CLOUDS.join(', ')}`, v),
  region: text,
  zones: listOf(text),
  instanceType: text,
  gpuModel: text,
  gpuCount: count(1),
  gpuMemoryMiB: count(0),
  cpuMilli: count(1),
  memoryMiB: count(1),
  onDemandPerHourMicros: count(1),
  spotPerHourMicros: optional(count(1)),
  spotInterruptionBand: optional(text),
  source: text,
};

const CATALOG_FILE = object({
  kind: exactly(CATALOG_FILE_KIND),
  version: exactly(CATALOG_FILE_VERSION),
  sources: listOf(object(SOURCE)),
  offerings: listOf(object(OFFERING)),
});

/** Offerings whose source is not listed, or that repeat an earlier offering's id. */
function crossCheck(catalog: Catalog): string[] {
  const names = new Set(catalog.sources.map((s) => s.name));
  const seen = new Map<string, number>();
  return catalog.offerings.flatMap((o, i) => {
    const problems: string[] = [];
    if (!names.has(o.source))
      problems.push(`offerings[${i}].source: ${JSON.stringify(o.source)} is not a listed source`);
    const id = offeringId(o);
    const first = seen.get(id);
    if (first !== undefined) problems.push(`offerings[${i}]: repeats offerings[${first}] (${id})`);
    else seen.set(id, i);
    return problems;
  });
}

/**
 * Reads the JSON text of a catalog file, checking every field (whole numbers in Roam's
 * units, as-of dates, no unknown fields), that every offering's source is listed and that
 * no offering id repeats. Returns the catalog, or every problem as `file: path: reason`.
 */
export function catalogFromJson(
  json: string,
  file: string,
): { ok: true; catalog: Catalog } | { ok: false; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`${file}: not JSON: ${(e as Error).message}`] };
  }
  const shape = CATALOG_FILE(parsed, '');
  const problems = shape.length > 0 ? shape : crossCheck(parsed as Catalog);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => `${file}: ${p}`) };
  const { sources, offerings } = parsed as Catalog;
  return { ok: true, catalog: { sources, offerings } };
}
