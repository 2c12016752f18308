import type { Catalog, CatalogOffering } from '../../src/cloud/index.js';

/** An offering of 8 H100s on AWS in us-east-1 at $55.04/h on demand, from source `s`. */
export function offering(over: Partial<CatalogOffering> = {}): CatalogOffering {
  return {
    cloud: 'aws',
    region: 'us-east-1',
    zones: [],
    instanceType: 'p5.48xlarge',
    gpuModel: 'H100',
    gpuCount: 8,
    gpuMemoryMiB: 80 * 1024,
    cpuMilli: 192_000,
    memoryMiB: 2048 * 1024,
    onDemandPerHourMicros: 55_040_000,
    source: 's',
    ...over,
  };
}

/** A catalog of these offerings with one source per distinct `source` name. */
export function catalog(...offerings: CatalogOffering[]): Catalog {
  const names = [...new Set(offerings.map((o) => o.source))];
  return {
    sources: names.map((name) => ({ name, description: `source ${name}` })),
    offerings,
  };
}
