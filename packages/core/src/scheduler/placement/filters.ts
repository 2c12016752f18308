import type { NodeSlot } from '../../model/node-slot.js';
import type { ReplicaRequest, WorkloadInfo } from '../../model/types.js';
import { MILLI_PER_GPU } from '../../units.js';
import { marketAllowed } from '../../provisioner/market-rule.js';

/**
 * A filter plugin: whether a replica may go on a node at all. `failure` completes the
 * sentence "N nodes …" in pending reasons.
 */
export interface NodeFilter {
  readonly name: string;
  readonly failure: string;
  fits(node: NodeSlot, req: ReplicaRequest, w: WorkloadInfo): boolean;
}

/** Whether the node holds GPUs for the request: one GPU with room for a fraction, or k free GPUs. */
export function gpuFits(node: NodeSlot, gpuMilli: number): boolean {
  if (gpuMilli === 0) return true;
  if (gpuMilli >= MILLI_PER_GPU) return node.fullFree >= gpuMilli / MILLI_PER_GPU;
  return node.maxFree >= gpuMilli;
}

/** Whether the node carries every label of the selector. */
export function labelsMatch(node: NodeSlot, selector: Readonly<Record<string, string>>): boolean {
  for (const key in selector) if (node.info.labels[key] !== selector[key]) return false;
  return true;
}

/** Whether the node's GPU model is allowed (for requests with GPUs). */
export function modelAllowed(model: string | null, req: ReplicaRequest): boolean {
  if (req.gpuMilli === 0 || req.gpuModels.length === 0) return true;
  return model !== null && req.gpuModels.includes(model);
}

/** The built-in filters, in the order pending reasons report them. */
export const FILTERS: readonly NodeFilter[] = [
  { name: 'schedulable', failure: 'are cordoned or not ready', fits: (n) => n.info.schedulable },
  {
    name: 'gpu-model',
    failure: 'have another GPU model',
    fits: (n, r) => modelAllowed(n.info.gpuModel, r),
  },
  {
    name: 'node-selector',
    failure: 'lack the selected labels',
    fits: (n, _r, w) => labelsMatch(n, w.nodeSelector),
  },
  {
    name: 'capacity',
    failure:
      'are capacity it may not use (its spec.capacity: cloud, region or market; or the market rule)',
    fits: (n, _r, w) => capacityAllows(n, w),
  },
  {
    name: 'reserved',
    failure: 'are reserved for a workload moving there',
    fits: (n, _r, w) => reservationAllows(n, w),
  },
  { name: 'gpu', failure: 'have too few free GPUs', fits: (n, r) => gpuFits(n, r.gpuMilli) },
  { name: 'cpu', failure: 'have too little free CPU', fits: (n, r) => n.cpuFree >= r.cpuMilli },
  {
    name: 'memory',
    failure: 'have too little free memory',
    fits: (n, r) => n.memFree >= r.memoryMiB,
  },
];

/** The checks the candidate index does not already guarantee. */
export function fitsBesidesGpu(node: NodeSlot, req: ReplicaRequest, w: WorkloadInfo): boolean {
  return (
    node.cpuFree >= req.cpuMilli &&
    node.memFree >= req.memoryMiB &&
    labelsMatch(node, w.nodeSelector) &&
    capacityAllows(node, w) &&
    reservationAllows(node, w)
  );
}

/**
 * Whether the node is capacity the workload's `spec.capacity` allows: its cloud (`on-prem`
 * for a node with no cloud) among `clouds`, and for a cloud node its region among
 * `regions` and its market (spot or on-demand) the one asked for. A node an elastic pool
 * bought is held to the rule that chose what to buy ({@link marketAllowed}): under `auto`,
 * work whose reclaim loss is unbounded stays off spot. On-prem nodes have no region or
 * market to check. The price cap is for what is launched, not checked here.
 */
export function capacityAllows(node: NodeSlot, w: WorkloadInfo): boolean {
  const market = node.info.market;
  const bought = market === 'spot' || market === 'on-demand';
  if (bought && node.poolMarket !== undefined && !marketAllowed(w, node.poolMarket, market))
    return false;
  const c = w.capacity;
  if (c === undefined) return true;
  const cloud = node.info.cloud;
  if (c.clouds.length > 0 && !c.clouds.includes(cloud?.cloud ?? 'on-prem')) return false;
  if (cloud === undefined) return true;
  if (c.regions.length > 0 && !c.regions.includes(cloud.region)) return false;
  return c.market === 'auto' || market === undefined || market === c.market;
}

/** Whether the node is free of reservations or reserved for this workload. */
export function reservationAllows(node: NodeSlot, w: WorkloadInfo): boolean {
  return node.info.reservedFor === undefined || node.info.reservedFor === w.key;
}
