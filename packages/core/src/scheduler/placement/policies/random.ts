import { MILLI_PER_GPU } from '../../../units.js';
import { wholeGpus } from '../gpus.js';
import type { Choice, PlacementPolicy } from '../policy.js';
import type { PolicyOptions } from './options.js';

/**
 * FGD paper's "Random": a uniformly random feasible node (each candidate draws a random
 * score), and on it a uniformly random GPU that holds a fraction; whole GPUs are the
 * lowest free indices.
 */
export function randomPolicy(options: PolicyOptions = {}): PlacementPolicy {
  return {
    name: 'random',
    order: options.order ?? 'slot',
    maxCandidates: options.maxCandidates ?? Infinity,
    evaluate(node, req, ctx): Choice | undefined {
      if (req.gpuMilli === 0 || req.gpuMilli >= MILLI_PER_GPU) {
        const gpus = req.gpuMilli === 0 ? [] : wholeGpus(node, req.gpuMilli / MILLI_PER_GPU);
        return gpus && { score: ctx.rng.next(), gpus };
      }
      const fitting: number[] = [];
      node.gpuFree.forEach((free, i) => {
        if (free >= req.gpuMilli) fitting.push(i);
      });
      if (fitting.length === 0) return undefined;
      const index = fitting[ctx.rng.int(fitting.length)] as number;
      return { score: ctx.rng.next(), gpus: [{ index, milli: req.gpuMilli }] };
    },
  };
}
