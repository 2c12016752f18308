import { MILLI_PER_GPU } from '../../../units.js';
import { chooseGpus } from '../gpus.js';
import type { Choice, PlacementPolicy } from '../policy.js';
import { gpuShape } from '../task-mix.js';
import type { PolicyOptions } from './options.js';

/**
 * FGD paper's "GpuPacking": prefer partly used GPUs, then partly used nodes, then idle
 * nodes (smaller first). An idle node scores max(33 − free GPUs, free GPUs); otherwise the
 * GPUs the request would take (fullest first) decide: any fully free one → max(50 − that
 * many, 33); only partly used ones → max(100 − ⌊Σ⌊free%⌋/10⌋, 50). CPU-only requests
 * score 0. Best-fit GPU.
 */
export function gpuPackingPolicy(options: PolicyOptions = {}): PlacementPolicy {
  return {
    name: 'packing',
    order: options.order ?? 'slot',
    maxCandidates: options.maxCandidates ?? Infinity,
    evaluate(node, req): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'tightest');
      if (!gpus) return undefined;
      if (req.gpuMilli === 0) return { score: 0, gpus };
      const total = node.gpuFree.length;
      if (node.fullFree === total)
        return { score: Math.max(33 - node.fullFree, node.fullFree), gpus };
      const { perDevice, count } = gpuShape(req.gpuMilli);
      const byFree = Array.from(node.gpuFree).sort((a, b) => a - b);
      let taken = 0;
      let fullyFree = 0;
      let percentSum = 0;
      for (const free of byFree) {
        if (taken === count) break;
        if (free < perDevice) continue;
        taken++;
        if (free === MILLI_PER_GPU) fullyFree++;
        percentSum += Math.floor((free * 100) / MILLI_PER_GPU);
      }
      const score =
        fullyFree > 0
          ? Math.max(50 - fullyFree, 33)
          : Math.max(100 - Math.floor(percentSum / 10), 50);
      return { score, gpus };
    },
  };
}
