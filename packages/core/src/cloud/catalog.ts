import { offeringId, type Offering } from './offering.js';

/** Where a catalog's offerings come from and when their prices were true. */
export interface CatalogSource {
  /** Unique within a catalog: `roam-builtin-aws`, or an imported file's name. */
  readonly name: string;
  /** What the data is, where it comes from, and which figures are estimates. */
  readonly description: string;
  /** When the prices were true: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; undefined when unknown. */
  readonly asOf?: string;
}

/** An offering with the name of the {@link CatalogSource} it comes from. */
export interface CatalogOffering extends Offering {
  readonly source: string;
}

/**
 * A list of offerings with their sources. Every offering's `source` names one of
 * `sources`, and no two offerings share an {@link offeringId}.
 */
export interface Catalog {
  readonly sources: readonly CatalogSource[];
  readonly offerings: readonly CatalogOffering[];
}

/** A catalog with nothing in it. */
export const EMPTY_CATALOG: Catalog = { sources: [], offerings: [] };

/** Whether a text is an as-of date Roam accepts: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export function isAsOfDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/**
 * Layers catalogs, later ones winning. A source in a later layer replaces the source of
 * the same name in earlier ones with all its offerings (importing a file again replaces
 * what the last import of it brought); then each offering replaces the earlier offering
 * with the same {@link offeringId} (imported rows override built-in ones). Sources left
 * without offerings are dropped. The order is deterministic: an offering that replaces
 * one with the same id takes its place, others follow in layer order.
 */
export function mergeCatalogs(...layers: readonly Catalog[]): Catalog {
  const sources = new Map<string, CatalogSource>();
  const offerings = new Map<string, CatalogOffering>();
  for (const layer of layers) {
    const replaced = new Set(layer.sources.map((s) => s.name));
    for (const [id, o] of offerings) if (replaced.has(o.source)) offerings.delete(id);
    for (const s of layer.sources) sources.set(s.name, s);
    for (const o of layer.offerings) offerings.set(offeringId(o), o);
  }
  const used = new Set([...offerings.values()].map((o) => o.source));
  return {
    sources: [...sources.values()].filter((s) => used.has(s.name)),
    offerings: [...offerings.values()],
  };
}

/** The GPU models a catalog offers, sorted. */
export function catalogGpuModels(catalog: Catalog): string[] {
  return [...new Set(catalog.offerings.map((o) => o.gpuModel))].sort();
}
