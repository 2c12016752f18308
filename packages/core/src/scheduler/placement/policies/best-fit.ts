import { chooseGpus } from '../gpus.js';
import type { Choice, PlacementPolicy } from '../policy.js';
import {
  DEFAULT_MAX_NODE_CPU_MILLI,
  DEFAULT_MAX_NODE_GPU_MILLI,
  type PolicyOptions,
} from './options.js';

/**
 * FGD paper's "BestFit": the node with the least CPU and GPU left after placement (equal
 * weights, each divided by the largest node's), raw score ⌊100·(1 − left)⌋, min–max
 * normalised to 0…100 with integer division over the candidates. Best-fit GPU.
 */
export function bestFitPolicy(options: PolicyOptions = {}): PlacementPolicy {
  const maxCpu = options.maxNodeCpuMilli ?? DEFAULT_MAX_NODE_CPU_MILLI;
  const maxGpu = options.maxNodeGpuMilli ?? DEFAULT_MAX_NODE_GPU_MILLI;
  return {
    name: 'bestfit',
    order: options.order ?? 'slot',
    maxCandidates: options.maxCandidates ?? Infinity,
    evaluate(node, req): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'tightest');
      if (!gpus) return undefined;
      const left =
        (0.5 * (node.cpuFree - req.cpuMilli)) / maxCpu +
        (0.5 * (node.freeGpuMilli() - req.gpuMilli)) / maxGpu;
      return { score: Math.trunc((1 - left) * 100), gpus };
    },
    normalize: minMaxNormalize,
  };
}

/** Kubernetes-style min–max normalisation to 0…100 with integer division; all 0 when equal. */
export function minMaxNormalize(scores: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (hi === lo) return scores.map(() => 0);
  return scores.map((s) => Math.floor(((s - lo) * 100) / (hi - lo)));
}
