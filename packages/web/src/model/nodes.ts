import type { NodeDoc } from '../api/types.js';

/** The markets a node's capacity comes from. */
export const MARKETS = ['on-prem', 'on-demand', 'spot'] as const;
/** A node's market. */
export type Market = (typeof MARKETS)[number];

/** The node's market (`on-prem` when it names none). */
export function nodeMarket(n: NodeDoc): Market {
  const m = n.status?.market ?? n.status?.allocation?.market;
  return m === 'spot' || m === 'on-demand' ? m : 'on-prem';
}

/** What the node costs per hour, dollars (on-prem nodes have no price). */
export function nodePrice(n: NodeDoc): number | undefined {
  return n.status?.pricePerHour ?? n.status?.allocation?.pricePerHour;
}

/**
 * What the node would cost on-demand, dollars per hour: what its live view or its status
 * (cloud instances) says, else its own price.
 */
export function nodeOnDemandPrice(n: NodeDoc): number | undefined {
  const status = (n.status as { onDemandPricePerHour?: unknown } | undefined)?.onDemandPricePerHour;
  return (
    n.status?.allocation?.onDemandPricePerHour ??
    (typeof status === 'number' ? status : nodePrice(n))
  );
}

/** Allocated share of each GPU, 0…1 (all idle before the first allocation is known). */
export function nodeGpuFill(n: NodeDoc): readonly number[] {
  return (
    n.status?.allocation?.gpuAllocation ?? Array.from({ length: n.status?.gpus ?? 0 }, () => 0)
  );
}

/** The node's pool. */
export function nodePool(n: NodeDoc): string {
  return n.status?.pool ?? '';
}

/** Whether new work may be placed on the node. */
export function nodeSchedulable(n: NodeDoc): boolean {
  return (
    n.status?.allocation?.schedulable ??
    (!n.status?.cordoned && (n.status?.lifecycle ?? 'Ready') === 'Ready')
  );
}

/**
 * The probability that the node is reclaimed within the next hour, 0…1, when Roam's mover
 * publishes it as `status.reclaimRisk` (spot nodes); undefined otherwise.
 */
export function nodeRisk(n: NodeDoc): number | undefined {
  const r = (n.status as { reclaimRisk?: unknown } | undefined)?.reclaimRisk;
  return typeof r === 'number' && Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : undefined;
}
