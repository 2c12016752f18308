import { normaliseGpuModel, type Offering } from '@roam/core';
import { cpusToMilli, gibToMiB, SKIP_NO_PRICE, wholeGpus } from './convert.js';
import type { OfferingFormat, Skip } from './offering-format.js';
import type { Row } from './table.js';

const REQUIRED = [
  'cloud',
  'instance_type',
  'gpu_model',
  'gpu_count',
  'gpu_memory_gib_total',
  'vcpus',
  'memory_gib',
  'region',
  'ondemand_usd_per_hour',
] as const;
type Column = (typeof REQUIRED)[number] | 'spot_avg_usd_per_hour' | 'spot_interruption_band';

/** The AWS Spot Instance Advisor's interruption-frequency buckets. */
const AWS_INTERRUPTION_BANDS: readonly string[] = ['<5%', '5-10%', '10-15%', '15-20%', '>20%'];

/**
 * Accelerators the source names wrongly, by instance family: it lists Trainium
 * instances (trn1, trn1n, trn2) as `AWS Inferentia`.
 */
const MODEL_BY_FAMILY: Readonly<Record<string, string>> = {
  trn1: 'Trainium',
  trn1n: 'Trainium',
  trn2: 'Trainium2',
};

/**
 * The AWS GPU instance CSV derived from instances.vantage.sh (ec2instances.info), one row
 * per instance type and region: `cloud, instance_type, family, gpu_model, gpu_count,
 * gpu_memory_gib_total, vcpus, memory_gib, region, ondemand_usd_per_hour,
 * spot_min/avg/max_usd_per_hour, spot_interruption_band, …`. The typical spot price is the
 * average; an empty spot price means no spot offer. Non-NVIDIA accelerators (Inferentia,
 * Trainium, Qualcomm AI 100, Radeon Pro V520) are kept under their own model names, so
 * that `--gpu inferentia2` finds them and GPU queries never do. Region-level: no zones.
 */
export const AWS_VANTAGE: OfferingFormat<Column> = {
  name: 'aws-vantage',
  description: 'AWS EC2 GPU instances, instances.vantage.sh CSV (on-demand list; spot average)',
  required: REQUIRED,
  idColumn: 'instance_type',
  readRow(row: Row<Column>): Offering | Skip {
    row.matching('cloud', /^aws$/, 'aws');
    const instanceType = row.matching(
      'instance_type',
      /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/,
      'an EC2 instance type such as p5.48xlarge',
    );
    const region = row.matching(
      'region',
      /^[a-z]{2}(-[a-z0-9]+)+$/,
      'an AWS region such as us-east-1',
    );
    const model = row.matching('gpu_model', /\S/, 'an accelerator name');
    const gpus = wholeGpus(row, 'gpu_count');
    const gpuMemoryGiB = row.decimal('gpu_memory_gib_total');
    const cpus = row.decimal('vcpus', true);
    const memoryGiB = row.decimal('memory_gib', true);
    const onDemand = row.price('ondemand_usd_per_hour');
    const spot = row.price('spot_avg_usd_per_hour');
    const band = row.text('spot_interruption_band');
    if (band !== '' && !AWS_INTERRUPTION_BANDS.includes(band))
      row.fail(
        'spot_interruption_band',
        `must be one of ${AWS_INTERRUPTION_BANDS.join(', ')} or empty, got ${JSON.stringify(band)}`,
      );
    if (typeof gpus !== 'number') return gpus;
    if (onDemand === undefined) return { skip: SKIP_NO_PRICE };
    const family = instanceType.slice(0, instanceType.indexOf('.'));
    return {
      cloud: 'aws',
      region,
      zones: [],
      instanceType,
      gpuModel: MODEL_BY_FAMILY[family] ?? normaliseGpuModel(model, gpuMemoryGiB / gpus),
      gpuCount: gpus,
      gpuMemoryMiB: gibToMiB(gpuMemoryGiB / gpus),
      cpuMilli: cpusToMilli(cpus),
      memoryMiB: gibToMiB(memoryGiB),
      onDemandPerHourMicros: onDemand,
      ...(spot !== undefined ? { spotPerHourMicros: spot } : {}),
      ...(spot !== undefined && band !== '' ? { spotInterruptionBand: band } : {}),
    };
  },
};
