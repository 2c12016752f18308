import type { ClusterState } from '../model/cluster-state.js';
import type { ReplicaPlacement, WorkloadInfo } from '../model/types.js';
import { findNode } from './placement/find-node.js';
import type { PlacementContext, PlacementPolicy } from './placement/policy.js';

/** A gang placement: every replica placed, or how many could be. */
export type GangResult =
  { ok: true; placements: ReplicaPlacement[] } | { ok: false; placed: number };

/**
 * Places all replicas of `w` in `pool` or none: each replica's capacity is held
 * tentatively so the next replica sees it taken, and every hold is rolled back before
 * returning. The state is unchanged; the caller binds the placements.
 */
export function placeGang(
  state: ClusterState,
  w: WorkloadInfo,
  pool: string,
  policy: PlacementPolicy,
  ctx: PlacementContext,
): GangResult {
  const mark = state.journal.mark();
  try {
    const placements: ReplicaPlacement[] = [];
    for (let r = 0; r < w.replicas; r++) {
      const pick = findNode(state, w, pool, policy, ctx);
      if (!pick) return { ok: false, placed: r };
      const placement = { node: pick.slot.info.name, gpus: pick.choice.gpus };
      state.hold(placement, w.request);
      placements.push(placement);
    }
    return { ok: true, placements };
  } finally {
    state.journal.rollback(mark);
  }
}
