import type { NodeSlot } from '../../model/node-slot.js';
import type { GpuSlice } from '../../model/types.js';
import { MILLI_PER_GPU } from '../../units.js';

/** The first `count` fully free GPUs of a node (lowest indices), or undefined. */
export function wholeGpus(node: NodeSlot, count: number): GpuSlice[] | undefined {
  if (node.fullFree < count) return undefined;
  const out: GpuSlice[] = [];
  for (let i = 0; i < node.gpuFree.length && out.length < count; i++)
    if (node.gpuFree[i] === MILLI_PER_GPU) out.push({ index: i, milli: MILLI_PER_GPU });
  return out;
}

/**
 * The GPU for a fraction: `tightest` takes the GPU with the least free capacity that still
 * holds it (best fit), `loosest` the one with the most. Ties go to the lowest index.
 */
export function fractionGpu(
  node: NodeSlot,
  milli: number,
  prefer: 'tightest' | 'loosest',
): GpuSlice | undefined {
  let best = -1;
  let bestFree = prefer === 'tightest' ? Infinity : -1;
  for (let i = 0; i < node.gpuFree.length; i++) {
    const free = node.gpuFree[i] as number;
    if (free < milli) continue;
    if (prefer === 'tightest' ? free < bestFree : free > bestFree) {
      best = i;
      bestFree = free;
    }
  }
  return best < 0 ? undefined : { index: best, milli };
}

/** GPUs for a request under a simple preference, or undefined when the node cannot hold it. */
export function chooseGpus(
  node: NodeSlot,
  gpuMilli: number,
  prefer: 'tightest' | 'loosest',
): GpuSlice[] | undefined {
  if (gpuMilli === 0) return [];
  if (gpuMilli >= MILLI_PER_GPU) return wholeGpus(node, gpuMilli / MILLI_PER_GPU);
  const g = fractionGpu(node, gpuMilli, prefer);
  return g ? [g] : undefined;
}
