/** Small inline catalog files in the public formats, for importer tests. */

/** Lines joined into a file's text. */
export const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

export const AWS_HEADER =
  'cloud,instance_type,family,gpu_model,gpu_count,gpu_memory_gib_total,vcpus,memory_gib,region,ondemand_usd_per_hour,spot_min_usd_per_hour,spot_avg_usd_per_hour,spot_max_usd_per_hour,spot_interruption_band,spot_savings_vs_ondemand_pct';

/** An AWS row: p5.48xlarge in us-east-1 unless fields are replaced (by column index). */
export function awsRow(replace: Readonly<Record<number, string>> = {}): string {
  const fields = [
    'aws',
    'p5.48xlarge',
    'GPU instance',
    'NVIDIA H100',
    '8',
    '640',
    '192',
    '2048',
    'us-east-1',
    '55.04',
    '13.2182',
    '28.106467',
    '52.0766',
    '5-10%',
    '49',
  ];
  return fields.map((f, i) => replace[i] ?? f).join(',');
}

export const GCP_HEADER =
  'snapshot_utc,commit,generated_field,machine_type,gpu_key,gpu_type,gpu_count,vcpus,memory_gb,region,ondemand_usd_per_hour,spot_usd_per_hour,ondemand_usd_per_month,commit1y_usd_per_month,commit3y_usd_per_month,spot_usd_per_month';

/** A GCP row from `machine_type` on, after a snapshot time and commit fields. */
export const gcpRow = (rest: string, snapshot = '2026-07-30T06:13:37Z'): string =>
  `${snapshot},fd66b26,Thu Jul 30 06:13:17 2026,${rest},,,,`;

export const GCP_ZONES_HEADER = 'machine_type,vcpus,shared_cpu,memory_gb,deprecated,zone,region';

export const AZURE_HEADER =
  'InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation';
