import { offeringId, offeringView, type CatalogOffering } from '@roam/core';

/** An offering as the API serves it: a read-only document named by cloud, region and instance type. */
export function offeringDocument(o: CatalogOffering): Record<string, unknown> {
  const name = offeringId(o)
    .replace(/[^a-z0-9.-]+/gi, '-')
    .toLowerCase();
  return {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Offering',
    metadata: { name, labels: { cloud: o.cloud, region: o.region, gpu: o.gpuModel.toLowerCase() } },
    spec: offeringView(o),
  };
}
