import type { NodeSlot } from '../../../model/node-slot.js';
import type { ReplicaRequest } from '../../../model/types.js';
import { MILLI_PER_GPU } from '../../../units.js';
import { chooseGpus } from '../gpus.js';
import type { Choice, PlacementContext, PlacementPolicy } from '../policy.js';
import { DEFAULT_MAX_NODE_GPU_MILLI, type PolicyOptions } from './options.js';

/** The clustering tag of a request: `share-gpu` for a fraction, `<k>-gpu` for k whole GPUs. */
export function clusteringTag(req: ReplicaRequest): string | undefined {
  if (req.gpuMilli === 0) return undefined;
  return req.gpuMilli < MILLI_PER_GPU ? 'share-gpu' : `${req.gpuMilli / MILLI_PER_GPU}-gpu`;
}

/**
 * FGD paper's "GpuClustering": put requests with the same GPU shape together. Score =
 * band + ⌊25·used/max⌋ where the band is 75 when the node holds only this tag, 50 when it
 * holds it among others, 25 when it holds no GPU work, 0 otherwise; CPU-only requests
 * score 0 everywhere. Best-fit GPU.
 */
export function gpuClusteringPolicy(options: PolicyOptions = {}): PlacementPolicy {
  const maxGpu = options.maxNodeGpuMilli ?? DEFAULT_MAX_NODE_GPU_MILLI;
  return {
    name: 'clustering',
    order: options.order ?? 'slot',
    maxCandidates: options.maxCandidates ?? Infinity,
    evaluate(node, req, ctx): Choice | undefined {
      const gpus = chooseGpus(node, req.gpuMilli, 'tightest');
      if (!gpus) return undefined;
      const tag = clusteringTag(req);
      if (tag === undefined) return { score: 0, gpus };
      const base = Math.floor((25 * (maxGpu - node.freeGpuMilli())) / maxGpu);
      const tags = tagsOn(node, ctx);
      const band = tags.has(tag) ? (tags.size === 1 ? 75 : 50) : tags.size === 0 ? 25 : 0;
      return { score: band + base, gpus };
    },
  };
}

function tagsOn(node: NodeSlot, ctx: PlacementContext): Set<string> {
  const tags = new Set<string>();
  for (const key of node.residents) {
    const booking = ctx.state.booking(key);
    const tag = booking && clusteringTag(booking.workload.request);
    if (tag !== undefined) tags.add(tag);
  }
  return tags;
}
