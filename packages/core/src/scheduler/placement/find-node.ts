import type { ClusterState } from '../../model/cluster-state.js';
import type { NodeSlot } from '../../model/node-slot.js';
import type { WorkloadInfo } from '../../model/types.js';
import { fitsBesidesGpu, modelAllowed } from './filters.js';
import type { Choice, PlacementContext, PlacementPolicy } from './policy.js';

/** The node a policy picked for one replica, with its GPUs. */
export interface NodePick {
  readonly slot: NodeSlot;
  readonly choice: Choice;
}

/**
 * Finds the best node in `pool` for one replica of `w`: the index offers candidates with
 * enough GPU in the policy's order, the remaining filters drop the rest, and the policy
 * scores up to `maxCandidates` feasible nodes per GPU model. The highest score wins; ties
 * go to the lowest slot. Cost: O(buckets + visited nodes).
 */
export function findNode(
  state: ClusterState,
  w: WorkloadInfo,
  pool: string,
  policy: PlacementPolicy,
  ctx: PlacementContext,
): NodePick | undefined {
  const req = w.request;
  const picks: NodePick[] = [];
  let scored = 0;
  const visit = (i: number): boolean => {
    const slot = state.slot(i);
    if (!fitsBesidesGpu(slot, req, w)) return true;
    const choice = policy.evaluate(slot, req, ctx);
    if (!choice) return true;
    picks.push({ slot, choice });
    return ++scored < policy.maxCandidates;
  };
  for (const group of state.groupsOf(pool)) {
    if (!modelAllowed(group.gpuModel, req)) continue;
    if (req.gpuMilli > 0 && group.gpuModel === null) continue;
    scored = 0; // each GPU model gets its own budget, so no model is starved by the order
    group.forEachCandidate(req.gpuMilli, policy.order, visit);
  }
  return best(picks, policy);
}

function best(picks: readonly NodePick[], policy: PlacementPolicy): NodePick | undefined {
  if (picks.length <= 1) return picks[0];
  const scores = policy.normalize ? policy.normalize(picks.map((p) => p.choice.score)) : undefined;
  let top: NodePick | undefined;
  let topScore = -Infinity;
  picks.forEach((p, i) => {
    const score = scores ? (scores[i] as number) : p.choice.score;
    if (
      score > topScore ||
      (score === topScore && top !== undefined && p.slot.index < top.slot.index)
    ) {
      top = p;
      topScore = score;
    }
  });
  return top;
}
