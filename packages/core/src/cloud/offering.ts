/** A public cloud Roam can launch capacity in. */
export type Cloud = 'aws' | 'gcp' | 'azure';
export const CLOUDS: readonly Cloud[] = ['aws', 'gcp', 'azure'];

/** How capacity is bought. */
export type PurchaseMarket = 'spot' | 'on-demand';

/**
 * Something that can be launched: an instance type in a region (and, where prices or
 * availability differ by zone, a zone), with its GPUs and list prices. Money in
 * micro-dollars per hour, memory in MiB, CPU in milli-CPU.
 */
export interface Offering {
  readonly cloud: Cloud;
  readonly region: string;
  /** Zones of the region that offer it; empty when unknown (any zone of the region). */
  readonly zones: readonly string[];
  readonly instanceType: string;
  /** Normalised GPU model name (`H100`, `A100`, `A100-80GB`, `L4`, `T4`, `V100`, `A10G`, …). */
  readonly gpuModel: string;
  readonly gpuCount: number;
  /** Memory per GPU, MiB (0 when unknown). */
  readonly gpuMemoryMiB: number;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  /** On-demand list price, micro-dollars per hour. */
  readonly onDemandPerHourMicros: number;
  /** Typical spot price, micro-dollars per hour; undefined when the offering has no spot market. */
  readonly spotPerHourMicros?: number;
  /** Published interruption frequency band for spot, e.g. AWS Spot Advisor's `<5%`, when known. */
  readonly spotInterruptionBand?: string;
}

/** A stable identifier of an offering: `cloud/region/instanceType`. */
export function offeringId(o: {
  readonly cloud: string;
  readonly region: string;
  readonly instanceType: string;
}): string {
  return `${o.cloud}/${o.region}/${o.instanceType}`;
}
