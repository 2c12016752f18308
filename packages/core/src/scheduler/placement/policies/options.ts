import type { CandidateOrder } from '../../../model/node-index.js';

/** How a placement policy visits candidates and normalises dimensions. */
export interface PolicyOptions {
  /** Feasible nodes to score per GPU model at most (default: the policy's own). */
  readonly maxCandidates?: number;
  /** Candidate order (default: the policy's own). */
  readonly order?: CandidateOrder;
  /** CPU of the largest node, milli-CPU, for policies that normalise by it (default 128 cores). */
  readonly maxNodeCpuMilli?: number;
  /** GPU of the largest node, milli-GPU (default 8 GPUs). */
  readonly maxNodeGpuMilli?: number;
}

/** Defaults for `PolicyOptions` dimension fields. */
export const DEFAULT_MAX_NODE_CPU_MILLI = 128_000;
export const DEFAULT_MAX_NODE_GPU_MILLI = 8_000;
