/**
 * Roam's built-in Azure GPU offerings, typed in by hand.
 *
 * Sources:
 * - hardware: Azure VM sizes documentation, GPU-accelerated sizes (ND H100 v5, NC H100 v5,
 *   NDm A100 v4, ND A100 v4, NC A100 v4, NVads A10 v5, NCasT4 v3, NCv3, NDv2),
 *   https://learn.microsoft.com/azure/virtual-machines/sizes/overview;
 * - on-demand and spot: Linux Virtual Machines Pricing, pay-as-you-go and spot,
 *   https://azure.microsoft.com/pricing/details/virtual-machines/linux/;
 * - checked against SkyPilot's public Azure catalog (skypilot-org/skypilot-catalog,
 *   catalogs/v6/azure/vms.csv), which is undated; the as-of date is therefore the year.
 *   The prices outside eastus were read off that catalog.
 *
 * Spot prices are ESTIMATES read off that catalog and rounded to two significant digits;
 * Azure spot prices change with capacity. The H100 sizes carry no spot price: no spot discount for them was on
 * record. NC H100 v5 carries the H100 NVL (94 GB). NDm A100 v4 has 1,900 GiB of memory
 * per Microsoft's size table (SkyPilot lists 1,800). For A10 the whole-GPU NVads A10 v5
 * sizes are listed (the smaller ones are GPU partitions). Only US regions are built in.
 */
import type { Offering } from '@roam/core';
import { priced, spec } from './builtin-price-list.js';

/** The year the Azure figures were checked. */
export const AZURE_BUILTIN_AS_OF = '2025';

/** The built-in Azure offerings: [region, on-demand USD/h, spot USD/h estimate]. */
export const AZURE_BUILTIN: readonly Offering[] = [
  // ND H100 v5 (8 × H100 80 GB), NC H100 v5 (H100 NVL 94 GB).
  ...priced('azure', spec('Standard_ND96isr_H100_v5', 'H100', 8, 80, 96, 1900), [
    ['eastus', 98.32],
    ['eastus2', 98.32],
  ]),
  ...priced('azure', spec('Standard_NC40ads_H100_v5', 'H100', 1, 94, 40, 320), [
    ['eastus', 6.98],
    ['southcentralus', 8.38],
  ]),
  ...priced('azure', spec('Standard_NC80adis_H100_v5', 'H100', 2, 94, 80, 640), [
    ['eastus', 13.96],
  ]),
  // NDm A100 v4 (A100 80 GB), ND A100 v4 (A100 40 GB), NC A100 v4 (A100 80 GB PCIe).
  ...priced('azure', spec('Standard_ND96amsr_A100_v4', 'A100-80GB', 8, 80, 96, 1900), [
    ['eastus', 32.77, 3.6],
  ]),
  ...priced('azure', spec('Standard_ND96asr_v4', 'A100', 8, 40, 96, 900), [
    ['eastus', 27.197, 3],
    ['westus2', 27.197, 3],
  ]),
  ...priced('azure', spec('Standard_NC24ads_A100_v4', 'A100-80GB', 1, 80, 24, 220), [
    ['eastus', 3.673, 0.44],
    ['westus2', 3.673, 0.62],
    ['southcentralus', 4.408, 0.57],
  ]),
  ...priced('azure', spec('Standard_NC96ads_A100_v4', 'A100-80GB', 4, 80, 96, 880), [
    ['eastus', 14.692, 1.8],
  ]),
  // NVads A10 v5 (A10 24 GB), whole-GPU sizes.
  ...priced('azure', spec('Standard_NV36ads_A10_v5', 'A10', 1, 24, 36, 440), [
    ['eastus', 3.2, 0.8],
    ['westus2', 3.2, 0.8],
  ]),
  ...priced('azure', spec('Standard_NV72ads_A10_v5', 'A10', 2, 24, 72, 880), [
    ['eastus', 6.52, 1.6],
  ]),
  // NCasT4 v3 (T4 16 GB).
  ...priced('azure', spec('Standard_NC4as_T4_v3', 'T4', 1, 16, 4, 28), [
    ['eastus', 0.526, 0.063],
    ['westus2', 0.526, 0.062],
    ['southcentralus', 0.631, 0.069],
  ]),
  ...priced('azure', spec('Standard_NC64as_T4_v3', 'T4', 4, 16, 64, 440), [
    ['eastus', 4.352, 0.52],
  ]),
  // NCv3 (V100 16 GB), NDv2 (V100 32 GB).
  ...priced('azure', spec('Standard_NC6s_v3', 'V100', 1, 16, 6, 112), [
    ['eastus', 3.06, 0.4],
    ['westus2', 3.06, 0.35],
  ]),
  ...priced('azure', spec('Standard_NC24s_v3', 'V100', 4, 16, 24, 448), [['eastus', 12.24, 1.6]]),
  ...priced('azure', spec('Standard_ND40rs_v2', 'V100-32GB', 8, 32, 40, 672), [
    ['eastus', 22.032, 2.4],
  ]),
];
