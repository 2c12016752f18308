import type { Cloud, Offering } from '@roam/core';

/** An instance type's hardware as the cloud's instance-type page states it. */
export interface InstanceSpec {
  readonly type: string;
  /** Canonical GPU model name. */
  readonly gpu: string;
  readonly gpus: number;
  /** Memory per GPU, GiB. */
  readonly gpuGiB: number;
  readonly vcpus: number;
  /** Instance memory, GiB. */
  readonly memGiB: number;
}

/** An instance spec in the order the data files write it: type, GPU × count, GiB/GPU, vCPUs, GiB. */
export function spec(
  type: string,
  gpu: string,
  gpus: number,
  gpuGiB: number,
  vcpus: number,
  memGiB: number,
): InstanceSpec {
  return { type, gpu, gpus, gpuGiB, vcpus, memGiB };
}

/**
 * A region's on-demand list price and, where given, a typical spot price, in USD per
 * instance-hour.
 */
export type RegionPrice = readonly [region: string, onDemandUsd: number, spotUsd?: number];

const micros = (usd: number): number => Math.round(usd * 1_000_000);

/** The offerings of one instance type in the regions it is priced in (zones unknown). */
export function priced(
  cloud: Cloud,
  spec: InstanceSpec,
  prices: readonly RegionPrice[],
): Offering[] {
  return prices.map(([region, onDemand, spot]) => ({
    cloud,
    region,
    zones: [],
    instanceType: spec.type,
    gpuModel: spec.gpu,
    gpuCount: spec.gpus,
    gpuMemoryMiB: spec.gpuGiB * 1024,
    cpuMilli: spec.vcpus * 1000,
    memoryMiB: spec.memGiB * 1024,
    onDemandPerHourMicros: micros(onDemand),
    ...(spot !== undefined ? { spotPerHourMicros: micros(spot) } : {}),
  }));
}
