import type { DeadlinePolicyFactory } from './policy.js';
import { greedyPolicy } from './policies/greedy.js';
import { onDemandPolicy } from './policies/on-demand.js';
import { roamDeadlinePolicy } from './policies/roam.js';
import { uniformProgressPolicy } from './policies/uniform-progress.js';

/** The online deadline policies by name (the offline `optimal` is not one: see `optimalPolicy`). */
export const ONLINE_DEADLINE_POLICIES = {
  'on-demand': onDemandPolicy,
  greedy: greedyPolicy,
  'uniform-progress': uniformProgressPolicy,
  roam: roamDeadlinePolicy,
} as const satisfies Record<string, DeadlinePolicyFactory>;

/** The name of an online deadline policy. */
export type OnlineDeadlinePolicyName = keyof typeof ONLINE_DEADLINE_POLICIES;
