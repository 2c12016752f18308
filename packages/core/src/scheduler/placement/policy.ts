import type { ClusterState } from '../../model/cluster-state.js';
import type { CandidateOrder } from '../../model/node-index.js';
import type { NodeSlot } from '../../model/node-slot.js';
import type { GpuSlice, ReplicaRequest } from '../../model/types.js';
import type { Rng } from '../../rng.js';
import type { TaskMix } from './task-mix.js';

/** A policy's verdict on one node: how good it is and which GPUs the replica would take. */
export interface Choice {
  /** Higher is better. Ties go to the node in the lowest slot. */
  readonly score: number;
  readonly gpus: readonly GpuSlice[];
}

/** What a placement policy may consult besides the node. */
export interface PlacementContext {
  readonly rng: Rng;
  /** The mix of requests seen, for fragmentation-aware policies. */
  readonly taskMix: TaskMix;
  /** The cluster, for policies that look at what already runs on a node. */
  readonly state: ClusterState;
}

/**
 * A score plugin: how to rank the nodes that pass the filters, and which GPUs to use on
 * the chosen node. Policies are pure: the same node, request and context give the same
 * choice (randomised ones draw only from `ctx.rng`).
 */
export interface PlacementPolicy {
  readonly name: string;
  /** The order in which the index offers candidates; `slot` offers every node. */
  readonly order: CandidateOrder;
  /** Score at most this many feasible nodes per GPU model (Infinity: all), like Kubernetes' percentageOfNodesToScore. */
  readonly maxCandidates: number;
  /** Scores placing `req` on `node`, or undefined if it cannot go there. */
  evaluate(node: NodeSlot, req: ReplicaRequest, ctx: PlacementContext): Choice | undefined;
  /**
   * Rescales the scores of all candidates before the best is picked (Kubernetes'
   * NormalizeScore); scores are given and returned in candidate order.
   */
  normalize?(scores: readonly number[]): number[];
}
