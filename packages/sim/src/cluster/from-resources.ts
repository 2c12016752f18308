import {
  staticPoolNodes,
  toNodeInfo,
  toPoolInfo,
  toQueueInfo,
  type AnyResource,
  type NodeInfo,
  type PoolInfo,
  type QueueInfo,
} from '@roam/core';
import type { ClusterSpec } from '../traces/types.js';

/** A cluster from resource documents: static NodePools' machines, Nodes, and Queues. */
export function clusterFromResources(
  resources: readonly AnyResource[],
  source: string,
): ClusterSpec {
  const nodes: NodeInfo[] = [];
  const pools: PoolInfo[] = [];
  const queues: QueueInfo[] = [];
  for (const r of resources) {
    if (r.kind === 'NodePool') {
      pools.push(toPoolInfo(r));
      nodes.push(...staticPoolNodes(r));
    } else if (r.kind === 'Node') nodes.push(toNodeInfo(r));
    else if (r.kind === 'Queue') queues.push(toQueueInfo(r));
  }
  return { source, nodes, pools, queues };
}
