import { quotaIn } from '../fairshare/fair-share.js';
import type { ClusterState } from '../model/cluster-state.js';
import { workloadGpuMilli, type WorkloadInfo } from '../model/types.js';
import { formatGpus } from '../units.js';
import type { PendingCode } from './decisions.js';

/** Why a queue's quota keeps a workload out of a pool. */
export interface QuotaBlock {
  readonly code: PendingCode;
  readonly reason: string;
}

/**
 * Checks `w` against quota in `pool`: no queue in its lineage may pass its limit, and a
 * non-preemptible workload runs only within its queue's deserved share (so reclaim never
 * has to evict it). Returns the block, or undefined when the quota admits it.
 */
export function quotaBlock(
  state: ClusterState,
  w: WorkloadInfo,
  pool: string,
): QuotaBlock | undefined {
  const need = workloadGpuMilli(w);
  if (need === 0) return undefined;
  for (const q of state.lineage(w.queue)) {
    const { limitMilli } = quotaIn(state.queue(q), pool);
    const used = state.usageOf(q, pool).gpuMilli;
    if (limitMilli !== null && used + need > limitMilli)
      return {
        code: 'queue-limit',
        reason: `queue ${q} is at its limit of ${formatGpus(limitMilli)} GPUs in pool ${pool} (using ${formatGpus(used)}, needs ${formatGpus(need)} more)`,
      };
  }
  if (!w.preemptible) {
    const { deservedMilli } = quotaIn(state.queue(w.queue), pool);
    const used = state.usageOf(w.queue, pool).gpuMilli;
    if (used + need > deservedMilli)
      return {
        code: 'deserved-only',
        reason: `non-preemptible work runs only within the queue's deserved share: queue ${w.queue} deserves ${formatGpus(deservedMilli)} GPUs in pool ${pool}, uses ${formatGpus(used)}, needs ${formatGpus(need)} more`,
      };
  }
  return undefined;
}
