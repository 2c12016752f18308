/**
 * Roam's built-in AWS GPU offerings, typed in by hand.
 *
 * Sources:
 * - hardware: Amazon EC2 accelerated computing instance specifications,
 *   https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html (GPUs, GPU memory, vCPUs,
 *   memory);
 * - on-demand: Amazon EC2 On-Demand Pricing, Linux, per region,
 *   https://aws.amazon.com/ec2/pricing/on-demand/, after the June 2025 price reduction
 *   for P4d, P4de and P5 ("up to 45% price reduction for Amazon EC2 NVIDIA GPU-accelerated
 *   instances", AWS What's New, 2025-06);
 * - checked against the public instances.vantage.sh (ec2instances.info) data as compiled
 *   on 2025-11-30, which carries the AWS Price List API and the Spot Instance Advisor; the
 *   prices outside us-east-1 and us-west-2 were read off that data where not known.
 *
 * Spot prices are ESTIMATES: typical levels of a market that moves hourly
 * (https://aws.amazon.com/ec2/spot/pricing/), read off the spot averages of that data and
 * rounded, given so that `roam offers --spot` has a first answer. No interruption bands are built in: the Spot Instance Advisor changes them
 * often; import a current file (`roam catalog import`) for both.
 */
import type { Offering } from '@roam/core';
import { priced, spec } from './builtin-price-list.js';

/** When the AWS figures were checked. */
export const AWS_BUILTIN_AS_OF = '2025-11-30';

/** The built-in AWS offerings: [region, on-demand USD/h, spot USD/h estimate]. */
export const AWS_BUILTIN: readonly Offering[] = [
  // P5 (H100 80 GB SXM), P5en (H200 141 GB), P6-B200 (B200 180 GB).
  ...priced('aws', spec('p5.48xlarge', 'H100', 8, 80, 192, 2048), [
    ['us-east-1', 55.04, 28],
    ['us-east-2', 55.04, 14],
    ['us-west-2', 55.04, 18],
    ['ap-northeast-1', 68.8],
  ]),
  ...priced('aws', spec('p5.4xlarge', 'H100', 1, 80, 16, 256), [['us-east-1', 6.88]]),
  ...priced('aws', spec('p5en.48xlarge', 'H200', 8, 141, 192, 2048), [
    ['us-east-1', 63.296, 17.5],
    ['us-west-2', 63.296, 20.5],
  ]),
  ...priced('aws', spec('p6-b200.48xlarge', 'B200', 8, 180, 192, 2048), [['us-east-1', 113.9328]]),
  // P4d (A100 40 GB), P4de (A100 80 GB).
  ...priced('aws', spec('p4d.24xlarge', 'A100', 8, 40, 96, 1152), [
    ['us-east-1', 21.9576, 8.6],
    ['us-west-2', 21.9576, 14],
    ['eu-west-1', 23.7157, 9],
  ]),
  ...priced('aws', spec('p4de.24xlarge', 'A100-80GB', 8, 80, 96, 1152), [
    ['us-east-1', 27.447, 13],
  ]),
  // G6e (L40S 48 GB), G6 (L4 24 GB), G5 (A10G 24 GB).
  ...priced('aws', spec('g6e.xlarge', 'L40S', 1, 48, 4, 32), [
    ['us-east-1', 1.861, 0.88],
    ['us-west-2', 1.861, 0.78],
  ]),
  ...priced('aws', spec('g6e.48xlarge', 'L40S', 8, 48, 192, 1536), [['us-east-1', 30.1312, 12.6]]),
  ...priced('aws', spec('g6.xlarge', 'L4', 1, 24, 4, 16), [
    ['us-east-1', 0.8048, 0.36],
    ['us-west-2', 0.8048, 0.42],
  ]),
  ...priced('aws', spec('g6.48xlarge', 'L4', 8, 24, 192, 768), [['us-east-1', 13.3504, 3.9]]),
  ...priced('aws', spec('g5.xlarge', 'A10G', 1, 24, 4, 16), [
    ['us-east-1', 1.006, 0.39],
    ['eu-west-1', 1.123, 0.58],
  ]),
  ...priced('aws', spec('g5.12xlarge', 'A10G', 4, 24, 48, 192), [['us-east-1', 5.672, 2.1]]),
  ...priced('aws', spec('g5.48xlarge', 'A10G', 8, 24, 192, 768), [['us-east-1', 16.288, 5.6]]),
  // P3 (V100 16 GB), G4dn (T4 16 GB).
  ...priced('aws', spec('p3.2xlarge', 'V100', 1, 16, 8, 61), [['us-east-1', 3.06, 0.32]]),
  ...priced('aws', spec('p3.16xlarge', 'V100', 8, 16, 64, 488), [['us-east-1', 24.48, 5.3]]),
  ...priced('aws', spec('g4dn.xlarge', 'T4', 1, 16, 4, 16), [
    ['us-east-1', 0.526, 0.18],
    ['eu-west-1', 0.587, 0.33],
    ['ap-northeast-1', 0.71, 0.26],
  ]),
  ...priced('aws', spec('g4dn.12xlarge', 'T4', 4, 16, 48, 192), [['us-east-1', 3.912, 1.1]]),
];
