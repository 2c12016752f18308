import type { PlacementStrategy } from '../resources/nodepool.js';
import { binpackPolicy, spreadPolicy } from './placement/policies/pack-spread.js';
import { fgdPolicy } from './placement/policies/fgd.js';
import { roamPolicy } from './placement/policies/roam.js';
import type { PlacementPolicy } from './placement/policy.js';
import type { TaskMix } from './placement/task-mix.js';
import type { Decision } from './decisions.js';

/** How the scheduler behaves. Every field has a default (`defaultSchedulerConfig`). */
export interface SchedulerConfig {
  /** Placement policy per pool strategy. */
  readonly policies: Readonly<Record<PlacementStrategy, PlacementPolicy>>;
  /** Strategy for pools without a NodePool resource. */
  readonly defaultStrategy: PlacementStrategy;
  /** A fixed policy for every pool, overriding pool strategies (experiments). */
  readonly policyOverride?: PlacementPolicy;
  /** Let pending work evict lower-priority preemptible work of its own queue. */
  readonly preemption: boolean;
  /** Let queues below their deserved share reclaim from queues over their fair share. */
  readonly reclaim: boolean;
  /** Preemption plans tried per cycle at most (each costs a scan of victims' nodes). */
  readonly maxPreemptionAttempts: number;
  /** The request mix for fragmentation-aware scoring; derived from the workloads when absent. */
  readonly taskMix?: TaskMix;
  /** Called after each decision, in order (benchmarks time decisions with it). */
  readonly onDecision?: (decision: Decision) => void;
}

/** Roam's defaults: Roam's placement policy unless a pool says otherwise, preemption and reclaim on. */
export function defaultSchedulerConfig(overrides: Partial<SchedulerConfig> = {}): SchedulerConfig {
  return {
    policies: {
      roam: roamPolicy(),
      binpack: binpackPolicy(),
      spread: spreadPolicy(),
      fgd: fgdPolicy(),
    },
    defaultStrategy: 'roam',
    preemption: true,
    reclaim: true,
    maxPreemptionAttempts: 16,
    ...overrides,
  };
}
