import type { ClusterSpec } from '../traces/types.js';

/** Name of the elastic pool `withElasticPool` adds. */
export const CLOUD_POOL = 'cloud';

/**
 * The cluster with elastic cloud capacity: unless it already has an elastic pool, a pool
 * `cloud` (spot or on-demand, up to `maxNodes`, idle nodes removed after 10 minutes) is
 * added; with `cloudOnly` the cluster's own nodes are dropped.
 */
export function withElasticPool(
  cluster: ClusterSpec,
  cloudOnly: boolean,
  maxNodes: number,
): ClusterSpec {
  const hasElastic = cluster.pools.some((p) => p.elastic !== undefined);
  const pools = hasElastic
    ? cluster.pools
    : [
        ...cluster.pools,
        {
          name: CLOUD_POOL,
          placement: 'roam' as const,
          elastic: {
            clouds: [],
            regions: [],
            instanceTypes: [],
            gpuModels: [],
            market: 'auto' as const,
            minNodes: 0,
            maxNodes,
            idleTtlMs: 10 * 60_000,
          },
        },
      ];
  return {
    ...cluster,
    source: `${cluster.source} + cloud`,
    pools,
    nodes: cloudOnly ? [] : cluster.nodes,
  };
}
