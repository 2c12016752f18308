import type { Catalog, CatalogSource } from './catalog.js';
import { CLOUDS, type Cloud } from './offering.js';

/** What one source contributes to a catalog. */
export interface SourceSummary {
  readonly source: CatalogSource;
  readonly offerings: number;
  /** Offerings per cloud, for the clouds the source has any in, in {@link CLOUDS} order. */
  readonly byCloud: Readonly<Partial<Record<Cloud, number>>>;
  /** Distinct regions. */
  readonly regions: number;
  /** Distinct GPU models, sorted. */
  readonly gpuModels: readonly string[];
}

/** One summary per source of a catalog, in the catalog's source order. */
export function summariseCatalog(catalog: Catalog): SourceSummary[] {
  return catalog.sources.map((source) => {
    const own = catalog.offerings.filter((o) => o.source === source.name);
    const byCloud: Partial<Record<Cloud, number>> = {};
    for (const cloud of CLOUDS) {
      const n = own.filter((o) => o.cloud === cloud).length;
      if (n > 0) byCloud[cloud] = n;
    }
    return {
      source,
      offerings: own.length,
      byCloud,
      regions: new Set(own.map((o) => `${o.cloud}/${o.region}`)).size,
      gpuModels: [...new Set(own.map((o) => o.gpuModel))].sort(),
    };
  });
}
