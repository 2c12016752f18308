import type { PurchaseMarket, QueueInfo } from '@roam/core';
import type { ClusterSpec } from '../traces/types.js';

/** Name of the elastic pool `withElasticPool` adds. */
export const CLOUD_POOL = 'cloud';

/** Where the elastic pool of {@link withElasticPool} may buy: empty lists allow all. */
export interface ElasticReach {
  readonly clouds?: readonly string[];
  readonly regions?: readonly string[];
}

/**
 * The cluster with elastic cloud capacity: unless it already has an elastic pool, a pool
 * `cloud` (buying `market`: spot, on-demand, or either, up to `maxNodes`, in `reach`,
 * idle nodes removed after 10 minutes) is added, and every queue deserves there what it
 * deserves in all other pools together (so a cloud-only run keeps each team's guarantee);
 * with `cloudOnly` the cluster's own nodes are dropped. A cluster's own elastic pools keep
 * their specs, except that with `market` on-demand they buy on-demand only (the run a
 * fleet is compared with).
 */
export function withElasticPool(
  cluster: ClusterSpec,
  cloudOnly: boolean,
  maxNodes: number,
  market: PurchaseMarket | 'auto' = 'auto',
  reach: ElasticReach = {},
): ClusterSpec {
  const hasElastic = cluster.pools.some((p) => p.elastic !== undefined);
  const pools = hasElastic
    ? cluster.pools.map((p) =>
        p.elastic && market === 'on-demand'
          ? { ...p, elastic: { ...p.elastic, market: 'on-demand' as const } }
          : p,
      )
    : [
        ...cluster.pools,
        {
          name: CLOUD_POOL,
          placement: 'roam' as const,
          elastic: {
            clouds: [...(reach.clouds ?? [])],
            regions: [...(reach.regions ?? [])],
            instanceTypes: [],
            gpuModels: [],
            market,
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
    queues: hasElastic ? cluster.queues : cluster.queues.map(withCloudQuota),
    nodes: cloudOnly ? [] : cluster.nodes,
  };
}

/** The queue with a quota entry in the cloud pool: its deserved GPUs summed over its pools. */
function withCloudQuota(q: QueueInfo): QueueInfo {
  if (q.quota.some((e) => e.nodePool === CLOUD_POOL)) return q;
  const deservedMilli = q.quota.reduce((a, e) => a + e.deservedMilli, 0);
  const overQuotaWeight = q.quota.reduce((a, e) => Math.max(a, e.overQuotaWeight), 1);
  return {
    ...q,
    quota: [...q.quota, { nodePool: CLOUD_POOL, deservedMilli, overQuotaWeight, limitMilli: null }],
  };
}
