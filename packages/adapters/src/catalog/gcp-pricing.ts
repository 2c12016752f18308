import { gpuModelInfo, normaliseGpuModel, type Offering } from '@roam/core';
import { cpusToMilli, gibToMiB, SKIP_NO_PRICE, wholeGpus } from './convert.js';
import type { OfferingFormat, Skip } from './offering-format.js';
import type { Row } from './table.js';

const REQUIRED = [
  'machine_type',
  'gpu_count',
  'vcpus',
  'memory_gb',
  'region',
  'ondemand_usd_per_hour',
  'spot_usd_per_hour',
] as const;
type Column = (typeof REQUIRED)[number] | 'gpu_type' | 'gpu_key' | 'snapshot_utc';

/** A GCP machine type such as `a3-highgpu-8g`. */
export const GCP_MACHINE_TYPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
/** A GCP region such as `us-central1`. */
const GCP_REGION = /^[a-z]+-[a-z]+[0-9]+$/;
const SNAPSHOT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The GCP Compute Engine pricing CSV derived from Cyclenerd's google-cloud-pricing-cost-
 * calculator (`pricing.yml`), one row per machine type and region: `snapshot_utc, …,
 * machine_type, gpu_key, gpu_type, gpu_count, vcpus, memory_gb, region,
 * ondemand_usd_per_hour, spot_usd_per_hour, …`. The GPU model is `gpu_type` (its
 * parenthesised note dropped) or else `gpu_key`; GPU memory comes from Roam's model table
 * since the file has none; GCP's `GB` of machine memory are GiB. CPU-only reference rows
 * are left out. The as-of date is the latest `snapshot_utc`. Zones come from a zone list
 * imported alongside (see `GCP_ZONES`).
 */
export const GCP_PRICING: OfferingFormat<Column> = {
  name: 'gcp-pricing',
  description: 'GCP Compute Engine GPU machine types, pricing CSV (on-demand and spot list)',
  required: REQUIRED,
  idColumn: 'machine_type',
  readRow(row: Row<Column>): Offering | Skip {
    const instanceType = row.matching(
      'machine_type',
      GCP_MACHINE_TYPE,
      'a machine type such as a3-highgpu-8g',
    );
    const region = row.matching('region', GCP_REGION, 'a GCP region such as us-central1');
    const gpus = wholeGpus(row, 'gpu_count');
    const cpus = row.decimal('vcpus', true);
    const memoryGiB = row.decimal('memory_gb', true);
    const onDemand = row.price('ondemand_usd_per_hour');
    const spot = row.price('spot_usd_per_hour');
    if (row.text('snapshot_utc') !== '')
      row.matching('snapshot_utc', SNAPSHOT, 'a UTC time such as 2026-07-30T06:13:37Z or empty');
    if (typeof gpus !== 'number') return gpus;
    const named = row.text('gpu_type') || row.text('gpu_key');
    if (named === '') row.fail('gpu_type', 'must name the GPU model when gpu_count is above 0');
    if (onDemand === undefined) return { skip: SKIP_NO_PRICE };
    const gpuModel = normaliseGpuModel(named);
    return {
      cloud: 'gcp',
      region,
      zones: [],
      instanceType,
      gpuModel,
      gpuCount: gpus,
      gpuMemoryMiB: gibToMiB(gpuModelInfo(gpuModel)?.memoryGiB ?? 0),
      cpuMilli: cpusToMilli(cpus),
      memoryMiB: gibToMiB(memoryGiB),
      onDemandPerHourMicros: onDemand,
      ...(spot !== undefined ? { spotPerHourMicros: spot } : {}),
    };
  },
  asOf(rows) {
    return rows
      .flatMap((r) => SNAPSHOT.exec(r.text('snapshot_utc'))?.[1] ?? [])
      .sort()
      .at(-1);
  },
};
