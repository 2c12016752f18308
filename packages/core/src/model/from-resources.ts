import type { Node } from '../resources/node.js';
import type { NodePool } from '../resources/nodepool.js';
import type { Queue } from '../resources/queue.js';
import type { Workload } from '../resources/workload.js';
import type { NodeInfo, PoolInfo, QueueInfo, WorkloadInfo } from './types.js';

/** The key a workload is known by: `namespace/name`, or `name` without a namespace. */
export function workloadKey(w: Pick<Workload, 'metadata'>): string {
  return w.metadata.namespace !== undefined
    ? `${w.metadata.namespace}/${w.metadata.name}`
    : w.metadata.name;
}

/** The scheduler's view of a Workload submitted at `submittedAt` (ms). */
export function toWorkloadInfo(w: Workload, submittedAt: number): WorkloadInfo {
  const s = w.spec;
  return {
    key: workloadKey(w),
    queue: s.queue,
    class: s.class,
    priority: s.priority,
    preemptible: s.preemptible,
    replicas: s.replicas,
    request: {
      gpuMilli: s.template.gpuMilli,
      gpuModels: s.template.gpuModels,
      cpuMilli: s.template.cpuMilli,
      memoryMiB: s.template.memoryMiB,
    },
    nodePools: s.nodePools,
    nodeSelector: s.nodeSelector,
    submittedAt,
    capacity: s.capacity,
    ...(s.deadlineMs !== undefined ? { deadlineAt: submittedAt + s.deadlineMs } : {}),
    ...(s.expectedDurationMs !== undefined ? { expectedDurationMs: s.expectedDurationMs } : {}),
    ...(s.checkpoint ? { checkpointIntervalMs: s.checkpoint.intervalMs } : {}),
    ...(s.migration ? { migration: s.migration } : {}),
  };
}

/** The scheduler's view of a Queue. */
export function toQueueInfo(q: Queue): QueueInfo {
  return q.spec.parent !== undefined
    ? { name: q.metadata.name, parent: q.spec.parent, quota: q.spec.quota }
    : { name: q.metadata.name, quota: q.spec.quota };
}

/** The scheduler's view of a NodePool. */
export function toPoolInfo(p: NodePool): PoolInfo {
  const info: PoolInfo = {
    name: p.metadata.name,
    placement: p.spec.placement,
    labels: p.spec.labels,
  };
  return p.spec.elastic ? { ...info, elastic: p.spec.elastic } : info;
}

/**
 * The machines of a static pool as nodes, named `<pool>-<n>` (n from 1, zero-padded to
 * the pool's size), each carrying the pool's labels and its group's.
 */
export function staticPoolNodes(p: NodePool): NodeInfo[] {
  const groups = p.spec.static?.machines ?? [];
  const total = groups.reduce((a, g) => a + g.count, 0);
  const width = Math.max(2, String(total).length);
  const out: NodeInfo[] = [];
  for (const g of groups)
    for (let i = 0; i < g.count; i++)
      out.push({
        name: `${p.metadata.name}-${String(out.length + 1).padStart(width, '0')}`,
        pool: p.metadata.name,
        gpuModel: g.gpus > 0 ? (g.gpuModel ?? null) : null,
        gpus: g.gpus,
        cpuMilli: g.cpuMilli,
        memoryMiB: g.memoryMiB,
        labels: { ...p.spec.labels, ...g.labels },
        schedulable: true,
        market: 'on-prem',
      });
  return out;
}

/** The scheduler's view of a reported Node. */
export function toNodeInfo(n: Node): NodeInfo {
  const s = n.status as NonNullable<Node['status']>;
  const info: { -readonly [K in keyof NodeInfo]: NodeInfo[K] } = {
    name: n.metadata.name,
    pool: s.pool,
    gpuModel: s.gpus > 0 ? (s.gpuModel ?? null) : null,
    gpus: s.gpus,
    cpuMilli: s.cpuMilli,
    memoryMiB: s.memoryMiB,
    labels: n.metadata.labels,
    schedulable: s.lifecycle === 'Ready' && !s.cordoned,
    market: s.market,
  };
  if (s.zone !== undefined) info.zone = s.zone;
  if (s.pricePerHourMicros !== undefined) info.pricePerHourMicros = s.pricePerHourMicros;
  return info;
}
