import { chooseGpus } from '../gpus.js';
import type { Choice, PlacementPolicy } from '../policy.js';
import {
  DEFAULT_MAX_NODE_CPU_MILLI,
  DEFAULT_MAX_NODE_GPU_MILLI,
  type PolicyOptions,
} from './options.js';

/**
 * FGD paper's "DotProd" (dimensions merged, max-normalised): the dot product of the node's
 * free (CPU, GPU) vector and the request's, both divided by the largest node's; score
 * = ⌊100·(1 − dot/2)⌋, so nodes with less free in the requested dimensions win.
 * Best-fit GPU for fractions.
 */
export function dotProductPolicy(options: PolicyOptions = {}): PlacementPolicy {
  const maxCpu = options.maxNodeCpuMilli ?? DEFAULT_MAX_NODE_CPU_MILLI;
  const maxGpu = options.maxNodeGpuMilli ?? DEFAULT_MAX_NODE_GPU_MILLI;
  return {
    name: 'dotprod',
    order: options.order ?? 'slot',
    maxCandidates: options.maxCandidates ?? Infinity,
    evaluate(node, req): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'tightest');
      if (!gpus) return undefined;
      const dot =
        (node.cpuFree / maxCpu) * (req.cpuMilli / maxCpu) +
        (node.freeGpuMilli() / maxGpu) * (req.gpuMilli / maxGpu);
      return { score: Math.trunc(100 * (1 - dot / 2)), gpus };
    },
  };
}
