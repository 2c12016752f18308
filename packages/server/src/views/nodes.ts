import type { ClusterState, NodeSlot } from '@roam/core';

/** A node as `roam top nodes` and the dashboard show it: capacity, per-GPU fill, what runs there. */
export interface NodeView {
  readonly name: string;
  readonly pool: string;
  readonly gpuModel: string | null;
  readonly gpus: number;
  /** Allocated share of each GPU, 0…1. */
  readonly gpuAllocation: number[];
  readonly cpu: { readonly allocatedMilli: number; readonly capacityMilli: number };
  readonly memory: { readonly allocatedMiB: number; readonly capacityMiB: number };
  readonly schedulable: boolean;
  readonly market: string;
  readonly zone?: string;
  readonly pricePerHour?: number;
  /** What the node would cost on-demand (spot nodes), dollars per hour. */
  readonly onDemandPricePerHour?: number;
  readonly workloads: string[];
}

/** The live view of one node. */
export function nodeView(slot: NodeSlot): NodeView {
  const i = slot.info;
  const view: NodeView = {
    name: i.name,
    pool: i.pool,
    gpuModel: i.gpuModel,
    gpus: i.gpus,
    gpuAllocation: Array.from(slot.gpuFree, (f) => (1000 - f) / 1000),
    cpu: { allocatedMilli: i.cpuMilli - slot.cpuFree, capacityMilli: i.cpuMilli },
    memory: { allocatedMiB: i.memoryMiB - slot.memFree, capacityMiB: i.memoryMiB },
    schedulable: i.schedulable,
    market: i.market ?? 'on-prem',
    workloads: [...slot.residents].sort(),
  };
  return {
    ...view,
    ...(i.zone !== undefined ? { zone: i.zone } : {}),
    ...(i.pricePerHourMicros !== undefined ? { pricePerHour: i.pricePerHourMicros / 1e6 } : {}),
    ...(i.cloud ? { onDemandPricePerHour: i.cloud.onDemandPerHourMicros / 1e6 } : {}),
  };
}

/** Every node's live view, by name. */
export function nodeViews(state: ClusterState): NodeView[] {
  return [...state.nodes()]
    .map(nodeView)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
