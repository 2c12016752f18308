/**
 * Roam's built-in GCP GPU offerings, typed in by hand.
 *
 * Sources:
 * - hardware: Compute Engine accelerator-optimized machine family (A3, A2, G2),
 *   https://cloud.google.com/compute/docs/accelerator-optimized-machines, and GPU
 *   platforms, https://cloud.google.com/compute/docs/gpus (N1 with T4 or V100);
 * - on-demand and spot: Compute Engine GPU pricing and VM instance pricing,
 *   https://cloud.google.com/compute/gpus-pricing and
 *   https://cloud.google.com/compute/vm-instance-pricing; N1 offerings add the N1 machine
 *   (n1-standard-8 $0.379998/h, n1-standard-64 $3.039984/h in us-central1) and the
 *   attached GPUs (T4 $0.35, V100 $2.48 per GPU-hour in us-central1);
 * - checked against the public pricing data of Cyclenerd/google-cloud-pricing-cost-
 *   calculator (pricing.yml) as of 2026-07-30; the prices outside us-central1 were read
 *   off that data.
 *
 * GCP publishes spot prices (they may change up to once every 30 days); the figures here
 * are ESTIMATES read off that data and rounded to two significant digits. N1 offerings carry no spot estimate.
 * GCP machine memory is stated in GB that are GiB. Zones are not built in.
 *
 * An N1 machine with attached GPUs has no instance type of its own; it is named here
 * `machine-type+accelerator-type:count`, with the accelerator type as the Compute Engine
 * API spells it.
 */
import type { Offering } from '@roam/core';
import { priced, spec } from './builtin-price-list.js';

/** When the GCP figures were checked. */
export const GCP_BUILTIN_AS_OF = '2026-07-30';

/** The built-in GCP offerings: [region, on-demand USD/h, spot USD/h estimate]. */
export const GCP_BUILTIN: readonly Offering[] = [
  // A3 High and A3 Mega (H100 80 GB).
  ...priced('gcp', spec('a3-highgpu-8g', 'H100', 8, 80, 208, 1872), [
    ['us-central1', 88.49, 51],
    ['us-east4', 88.5558, 36],
    ['europe-west4', 112.5405, 44],
  ]),
  ...priced('gcp', spec('a3-megagpu-8g', 'H100', 8, 80, 208, 1872), [['us-east4', 92.9376, 23]]),
  ...priced('gcp', spec('a3-highgpu-1g', 'H100', 1, 80, 26, 234), [['us-central1', 11.0613, 6.3]]),
  // A2 Standard (A100 40 GB) and A2 Ultra (A100 80 GB).
  ...priced('gcp', spec('a2-highgpu-1g', 'A100', 1, 40, 12, 85), [
    ['us-central1', 3.6734, 1.9],
    ['us-east4', 3.9344, 2.4],
    ['europe-west4', 3.748, 1.7],
    ['asia-northeast1', 4.0496, 2.4],
  ]),
  ...priced('gcp', spec('a2-highgpu-8g', 'A100', 8, 40, 96, 680), [
    ['us-central1', 29.3871, 15],
    ['europe-west4', 29.9838, 14],
  ]),
  ...priced('gcp', spec('a2-ultragpu-1g', 'A100-80GB', 1, 80, 12, 170), [
    ['us-central1', 5.0688, 2.8],
    ['europe-west4', 5.5809, 2.9],
  ]),
  ...priced('gcp', spec('a2-ultragpu-8g', 'A100-80GB', 8, 80, 96, 1360), [
    ['us-central1', 40.5504, 22],
  ]),
  // G2 (L4 24 GB).
  ...priced('gcp', spec('g2-standard-4', 'L4', 1, 24, 4, 16), [
    ['us-central1', 0.7068, 0.4],
    ['us-east4', 0.7045, 0.31],
    ['europe-west4', 0.7429, 0.39],
    ['asia-northeast1', 0.9077, 0.54],
  ]),
  ...priced('gcp', spec('g2-standard-48', 'L4', 4, 24, 48, 192), [['us-central1', 4.0017, 2.2]]),
  ...priced('gcp', spec('g2-standard-96', 'L4', 8, 24, 96, 384), [['us-central1', 8.0033, 4.5]]),
  // N1 with attached T4 (16 GB) or V100 (16 GB): machine price + GPU price.
  ...priced('gcp', spec('n1-standard-8+nvidia-tesla-t4:1', 'T4', 1, 16, 8, 30), [
    ['us-central1', 0.73],
  ]),
  ...priced('gcp', spec('n1-standard-8+nvidia-tesla-v100:1', 'V100', 1, 16, 8, 30), [
    ['us-central1', 2.86],
  ]),
  ...priced('gcp', spec('n1-standard-64+nvidia-tesla-v100:8', 'V100', 8, 16, 64, 240), [
    ['us-central1', 22.88],
  ]),
];
