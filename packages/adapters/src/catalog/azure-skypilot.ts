import { gpuModelInfo, normaliseGpuModel, type Offering } from '@roam/core';
import { cpusToMilli, gibToMiB, SKIP_NO_PRICE, wholeGpus } from './convert.js';
import type { OfferingFormat, Skip } from './offering-format.js';
import type { Row } from './table.js';

const REQUIRED = [
  'InstanceType',
  'AcceleratorName',
  'AcceleratorCount',
  'vCPUs',
  'MemoryGiB',
  'Price',
  'SpotPrice',
  'Region',
] as const;
type Column = (typeof REQUIRED)[number];

/** Why rows without an accelerator name are left out (CPU sizes, A10 v4, NCC H100, V620). */
const SKIP_NO_ACCELERATOR = 'no accelerator named';
/** Why `_Promo` sizes are left out: a temporary discount on retired sizes, not a list price. */
const SKIP_PROMO = 'promotional _Promo size';

/**
 * Facts the SkyPilot catalog gets wrong, by VM size: ND96isr H100 v5 has 8 GPUs (the
 * catalog says 12); the NC H100 v5 sizes carry the 94 GB H100 NVL.
 */
const FIXES: Readonly<Record<string, { gpuCount?: number; gpuMemoryGiB?: number }>> = {
  Standard_ND96isr_H100_v5: { gpuCount: 8 },
  Standard_NC40ads_H100_v5: { gpuMemoryGiB: 94 },
  Standard_NC80adis_H100_v5: { gpuMemoryGiB: 94 },
};

/**
 * The Azure VM catalog of SkyPilot (`catalogs/v6/azure/vms.csv`: `InstanceType,
 * AcceleratorName, AcceleratorCount, vCPUs, MemoryGiB, GpuInfo, Price, SpotPrice, Region,
 * Generation`). Rows without an accelerator name and `_Promo` sizes are left out. A spot
 * price equal to or above the on-demand price (all H100 rows) records no spot discount,
 * so the offering gets no spot price rather than a spot price that is not one; an empty
 * spot price means no spot offer. GPU memory comes from Roam's model table.
 */
export const AZURE_SKYPILOT: OfferingFormat<Column> = {
  name: 'azure-skypilot',
  description: 'Azure GPU VM sizes, SkyPilot catalog CSV (on-demand and spot list)',
  required: REQUIRED,
  idColumn: 'InstanceType',
  readRow(row: Row<Column>): Offering | Skip {
    const instanceType = row.matching(
      'InstanceType',
      /^Standard_[A-Za-z0-9_]+$/,
      'a VM size such as Standard_ND96isr_H100_v5',
    );
    const region = row.matching('Region', /^[a-z][a-z0-9]*$/, 'an Azure region such as eastus');
    const cpus = row.decimal('vCPUs', true);
    const memoryGiB = row.decimal('MemoryGiB', true);
    const onDemand = row.price('Price');
    const spot = row.price('SpotPrice');
    const name = row.text('AcceleratorName');
    if (name === '') return { skip: SKIP_NO_ACCELERATOR };
    const gpus = wholeGpus(row, 'AcceleratorCount');
    if (typeof gpus !== 'number') return gpus;
    if (instanceType.endsWith('_Promo')) return { skip: SKIP_PROMO };
    if (onDemand === undefined) return { skip: SKIP_NO_PRICE };
    const fix = FIXES[instanceType];
    const gpuModel = normaliseGpuModel(name);
    return {
      cloud: 'azure',
      region,
      zones: [],
      instanceType,
      gpuModel,
      gpuCount: fix?.gpuCount ?? gpus,
      gpuMemoryMiB: gibToMiB(fix?.gpuMemoryGiB ?? gpuModelInfo(gpuModel)?.memoryGiB ?? 0),
      cpuMilli: cpusToMilli(cpus),
      memoryMiB: gibToMiB(memoryGiB),
      onDemandPerHourMicros: onDemand,
      ...(spot !== undefined && spot < onDemand ? { spotPerHourMicros: spot } : {}),
    };
  },
};
