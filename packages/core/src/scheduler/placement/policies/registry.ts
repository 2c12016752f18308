import type { PlacementPolicy } from '../policy.js';
import { bestFitPolicy } from './best-fit.js';
import { dotProductPolicy } from './dot-product.js';
import { fgdPolicy } from './fgd.js';
import { gpuClusteringPolicy } from './gpu-clustering.js';
import { gpuPackingPolicy } from './gpu-packing.js';
import type { PolicyOptions } from './options.js';
import { binpackPolicy, spreadPolicy } from './pack-spread.js';
import { randomPolicy } from './random.js';
import { roamPolicy } from './roam.js';

/** Every placement policy by name. */
export const PLACEMENT_POLICIES = {
  binpack: binpackPolicy,
  spread: spreadPolicy,
  fgd: fgdPolicy,
  random: randomPolicy,
  dotprod: dotProductPolicy,
  clustering: gpuClusteringPolicy,
  packing: gpuPackingPolicy,
  bestfit: bestFitPolicy,
  roam: roamPolicy,
} as const satisfies Record<string, (options?: PolicyOptions) => PlacementPolicy>;

/** A placement policy's name. */
export type PlacementPolicyName = keyof typeof PLACEMENT_POLICIES;

/** The policies of the FGD paper's comparison, in its order. */
export const FGD_PAPER_POLICIES: readonly PlacementPolicyName[] = [
  'random',
  'dotprod',
  'clustering',
  'packing',
  'bestfit',
  'fgd',
];

/** Builds a placement policy by name. */
export function placementPolicy(
  name: PlacementPolicyName,
  options: PolicyOptions = {},
): PlacementPolicy {
  return PLACEMENT_POLICIES[name](options);
}
