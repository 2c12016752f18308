import {
  ClusterState,
  type ElasticSpec,
  type NodeInfo,
  type PoolInfo,
  type QueueInfo,
  type QuotaEntry,
  type WorkloadInfo,
} from '../src/index.js';

/** A node with 8 A100s, 64 CPUs and 512 GiB in pool `a100` unless told otherwise. */
export function node(name: string, over: Partial<NodeInfo> = {}): NodeInfo {
  return {
    name,
    pool: 'a100',
    gpuModel: 'A100',
    gpus: 8,
    cpuMilli: 64_000,
    memoryMiB: 512 * 1024,
    labels: {},
    schedulable: true,
    ...over,
  };
}

/** `count` nodes named `<prefix>-<i>`. */
export function nodes(prefix: string, count: number, over: Partial<NodeInfo> = {}): NodeInfo[] {
  return Array.from({ length: count }, (_, i) => node(`${prefix}-${i}`, over));
}

/** A queue with quota in pool `a100` given in GPUs. */
export function queue(
  name: string,
  quota: { deserved?: number; weight?: number; limit?: number; pool?: string } = {},
  parent?: string,
): QueueInfo {
  const entry: QuotaEntry = {
    nodePool: quota.pool ?? 'a100',
    deservedMilli: (quota.deserved ?? 0) * 1000,
    overQuotaWeight: quota.weight ?? 1,
    limitMilli: quota.limit === undefined ? null : quota.limit * 1000,
  };
  return parent === undefined ? { name, quota: [entry] } : { name, parent, quota: [entry] };
}

/** A one-replica training workload asking for `gpus` GPUs (fractions allowed) in queue `q`. */
export function workload(
  key: string,
  q: string,
  gpus: number,
  over: Partial<Omit<WorkloadInfo, 'request'>> & {
    cpu?: number;
    memoryGi?: number;
    models?: string[];
  } = {},
): WorkloadInfo {
  const { cpu, memoryGi, models, ...rest } = over;
  return {
    key,
    queue: q,
    class: 'training',
    priority: 50,
    preemptible: true,
    replicas: 1,
    request: {
      gpuMilli: Math.round(gpus * 1000),
      gpuModels: models ?? [],
      cpuMilli: (cpu ?? 1) * 1000,
      memoryMiB: (memoryGi ?? 1) * 1024,
    },
    nodePools: [],
    nodeSelector: {},
    submittedAt: 0,
    ...rest,
  };
}

/** A cluster state from nodes, queues and pools. */
export function cluster(init: {
  nodes: NodeInfo[];
  queues?: QueueInfo[];
  pools?: PoolInfo[];
}): ClusterState {
  return new ClusterState(init);
}

/** Elastic capacity: any cloud, region, type and GPU, `auto` market, 0–10 nodes, 10 idle minutes. */
export function elasticSpec(over: Partial<ElasticSpec> = {}): ElasticSpec {
  return {
    clouds: [],
    regions: [],
    instanceTypes: [],
    gpuModels: [],
    market: 'auto',
    minNodes: 0,
    maxNodes: 10,
    idleTtlMs: 600_000,
    ...over,
  };
}
