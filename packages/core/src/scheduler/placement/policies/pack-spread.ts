import type { NodeSlot } from '../../../model/node-slot.js';
import type { ReplicaRequest } from '../../../model/types.js';
import { MILLI_PER_GPU } from '../../../units.js';
import { chooseGpus } from '../gpus.js';
import type { Choice, PlacementPolicy } from '../policy.js';
import type { PolicyOptions } from './options.js';

/**
 * The share of the node's GPU (or, for CPU-only requests, CPU) left free after placing
 * `req` with `gpuMilli` taken: 0 is a full node, 1 an empty one.
 */
export function freeShareAfter(node: NodeSlot, req: ReplicaRequest): number {
  if (req.gpuMilli === 0 || node.info.gpus === 0)
    return node.info.cpuMilli === 0 ? 0 : (node.cpuFree - req.cpuMilli) / node.info.cpuMilli;
  return (node.freeGpuMilli() - req.gpuMilli) / (node.info.gpus * MILLI_PER_GPU);
}

/** Bin-packing: the fullest node that fits, and on it the fullest GPU that fits. */
export function binpackPolicy(options: PolicyOptions = {}): PlacementPolicy {
  return {
    name: 'binpack',
    order: options.order ?? 'tightest',
    maxCandidates: options.maxCandidates ?? 32,
    evaluate(node, req): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'tightest');
      return gpus && { score: -freeShareAfter(node, req), gpus };
    },
  };
}

/** Spreading: the emptiest node that fits, and on it the emptiest GPU. */
export function spreadPolicy(options: PolicyOptions = {}): PlacementPolicy {
  return {
    name: 'spread',
    order: options.order ?? 'loosest',
    maxCandidates: options.maxCandidates ?? 32,
    evaluate(node, req): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'loosest');
      return gpus && { score: freeShareAfter(node, req), gpus };
    },
  };
}
