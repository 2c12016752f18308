import { MICROS_PER_DOLLAR } from '../units.js';
import type { CatalogOffering } from './catalog.js';

/**
 * An offering in the units people read: dollars per hour, GiB, vCPUs. What `roam offers
 * -o json` prints for each offer and the API serves as an `Offering`'s spec.
 */
export interface OfferingView {
  readonly cloud: string;
  readonly region: string;
  readonly zones: readonly string[];
  readonly instanceType: string;
  readonly gpuModel: string;
  readonly gpuCount: number;
  /** Memory per GPU, GiB. */
  readonly gpuMemoryGiB: number;
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** On-demand list price, USD per hour. */
  readonly onDemandPerHour: number;
  /** Typical spot price, USD per hour, when the offering has a spot market. */
  readonly spotPerHour?: number;
  readonly spotInterruptionBand?: string;
  /** The catalog source the facts come from. */
  readonly source: string;
}

/** The view of `o`. */
export function offeringView(o: CatalogOffering): OfferingView {
  return {
    cloud: o.cloud,
    region: o.region,
    zones: o.zones,
    instanceType: o.instanceType,
    gpuModel: o.gpuModel,
    gpuCount: o.gpuCount,
    gpuMemoryGiB: o.gpuMemoryMiB / 1024,
    vcpus: o.cpuMilli / 1000,
    memoryGiB: o.memoryMiB / 1024,
    onDemandPerHour: o.onDemandPerHourMicros / MICROS_PER_DOLLAR,
    ...(o.spotPerHourMicros !== undefined
      ? { spotPerHour: o.spotPerHourMicros / MICROS_PER_DOLLAR }
      : {}),
    ...(o.spotInterruptionBand !== undefined
      ? { spotInterruptionBand: o.spotInterruptionBand }
      : {}),
    source: o.source,
  };
}
