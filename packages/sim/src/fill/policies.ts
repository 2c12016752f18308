import {
  FGD_PAPER_POLICIES,
  MILLI_PER_GPU,
  placementPolicy,
  PLACEMENT_POLICIES,
  type NodeInfo,
  type PlacementPolicy,
  type PlacementPolicyName,
} from '@roam/core';

/** Policies a fill experiment can run. */
export const FILL_POLICIES = Object.keys(PLACEMENT_POLICIES) as PlacementPolicyName[];

/**
 * The policy as a fill experiment runs it. The FGD paper's six policies score every
 * feasible node (as the authors' simulator does, with dimensions normalised by the
 * largest node); Roam's own policies run exactly as Roam's scheduler runs them by default.
 */
export function fillPolicy(
  name: PlacementPolicyName,
  nodes: readonly NodeInfo[],
): () => PlacementPolicy {
  if (!FGD_PAPER_POLICIES.includes(name)) return () => placementPolicy(name);
  const options = {
    maxCandidates: Infinity,
    order: 'slot' as const,
    maxNodeCpuMilli: Math.max(...nodes.map((n) => n.cpuMilli)),
    maxNodeGpuMilli: Math.max(...nodes.map((n) => n.gpus)) * MILLI_PER_GPU,
  };
  return () => placementPolicy(name, options);
}

/** Whether a name is a fill policy. */
export function isFillPolicy(name: string): name is PlacementPolicyName {
  return (FILL_POLICIES as string[]).includes(name);
}
