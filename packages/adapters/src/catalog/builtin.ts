import type { Catalog, CatalogSource, Offering } from '@roam/core';
import { AWS_BUILTIN, AWS_BUILTIN_AS_OF } from './builtin-aws.js';
import { AZURE_BUILTIN, AZURE_BUILTIN_AS_OF } from './builtin-azure.js';
import { GCP_BUILTIN, GCP_BUILTIN_AS_OF } from './builtin-gcp.js';

const SPOT_NOTE = 'spot prices are rounded estimates';

/** The sources of the built-in catalog, one per cloud; each data file names its own sources. */
export const BUILTIN_SOURCES: readonly CatalogSource[] = [
  {
    name: 'roam-builtin-aws',
    description: `Roam built-in: AWS EC2 on-demand list prices (Linux) from the EC2 pricing and instance-type pages; ${SPOT_NOTE}`,
    asOf: AWS_BUILTIN_AS_OF,
  },
  {
    name: 'roam-builtin-gcp',
    description: `Roam built-in: GCP Compute Engine GPU and VM list prices from the GCP pricing pages; ${SPOT_NOTE}`,
    asOf: GCP_BUILTIN_AS_OF,
  },
  {
    name: 'roam-builtin-azure',
    description: `Roam built-in: Azure Linux VM pay-as-you-go prices from the Azure pricing page; ${SPOT_NOTE}`,
    asOf: AZURE_BUILTIN_AS_OF,
  },
];

const tagged = (source: string, offerings: readonly Offering[]) =>
  offerings.map((o) => ({ ...o, source }));

/**
 * The catalog Roam ships: a modest, hand-typed list of mainstream GPU offerings on AWS,
 * GCP and Azure in a few major regions, with on-demand list prices and estimated spot
 * prices. `roam catalog import` layers current public data over it.
 */
export function builtinCatalog(): Catalog {
  return {
    sources: BUILTIN_SOURCES,
    offerings: [
      ...tagged('roam-builtin-aws', AWS_BUILTIN),
      ...tagged('roam-builtin-gcp', GCP_BUILTIN),
      ...tagged('roam-builtin-azure', AZURE_BUILTIN),
    ],
  };
}
