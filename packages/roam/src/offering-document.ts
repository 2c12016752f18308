import { offeringId, type CatalogOffering } from '@roam/core';

/** An offering as the API serves it: a read-only document named by cloud, region and instance type. */
export function offeringDocument(o: CatalogOffering): Record<string, unknown> {
  const name = offeringId(o)
    .replace(/[^a-z0-9.-]+/gi, '-')
    .toLowerCase();
  return {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Offering',
    metadata: { name, labels: { cloud: o.cloud, region: o.region, gpu: o.gpuModel.toLowerCase() } },
    spec: {
      cloud: o.cloud,
      region: o.region,
      zones: o.zones,
      instanceType: o.instanceType,
      gpuModel: o.gpuModel,
      gpuCount: o.gpuCount,
      gpuMemoryGiB: Math.round(o.gpuMemoryMiB / 1024),
      vcpus: o.cpuMilli / 1000,
      memoryGiB: Math.round(o.memoryMiB / 1024),
      onDemandPerHour: o.onDemandPerHourMicros / 1e6,
      ...(o.spotPerHourMicros !== undefined ? { spotPerHour: o.spotPerHourMicros / 1e6 } : {}),
      ...(o.spotInterruptionBand !== undefined
        ? { spotInterruptionBand: o.spotInterruptionBand }
        : {}),
      source: o.source,
    },
  };
}
