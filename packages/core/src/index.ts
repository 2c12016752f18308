/**
 * @roam/core — Roam's pure, deterministic decision core. Data in, decisions out: no I/O,
 * no clock, no randomness but the `Rng` passed in.
 */
export * from './units.js';
export * from './rng.js';
export * from './resources/errors.js';
export * from './resources/meta.js';
export * from './resources/workload.js';
export * from './resources/queue.js';
export * from './resources/nodepool.js';
export * from './resources/node.js';
export * from './resources/parse.js';
export * from './model/types.js';
export * from './model/cluster-state.js';
export { NodeSlot } from './model/node-slot.js';
export type { CandidateOrder } from './model/node-index.js';
export * from './fairshare/waterfill.js';
export * from './fairshare/fair-share.js';
export * from './scheduler/decisions.js';
export * from './scheduler/config.js';
export * from './scheduler/schedule.js';
export * from './scheduler/reasons.js';
export * from './scheduler/preemption.js';
export * from './scheduler/placement/policy.js';
export * from './scheduler/placement/task-mix.js';
export * from './scheduler/placement/filters.js';
export * from './scheduler/placement/gpus.js';
export * from './scheduler/placement/find-node.js';
export * from './scheduler/placement/policies/pack-spread.js';
export * from './scheduler/placement/policies/fgd.js';
export * from './scheduler/placement/policies/options.js';
export * from './scheduler/placement/policies/random.js';
export * from './scheduler/placement/policies/dot-product.js';
export * from './scheduler/placement/policies/best-fit.js';
export * from './scheduler/placement/policies/gpu-clustering.js';
export * from './scheduler/placement/policies/gpu-packing.js';
export * from './scheduler/placement/policies/registry.js';
export * from './scheduler/placement/policies/roam.js';
export * from './scheduler/placement/model-pressure.js';
export * from './scheduler/placement/fragmentation.js';
export * from './model/from-resources.js';
export * from './util/heap.js';
export * from './cloud/index.js';
export * from './provisioner/index.js';
export * from './mover/migration-cost.js';
export * from './mover/hazard.js';
export * from './mover/mover.js';
export * from './scheduler/quota.js';
