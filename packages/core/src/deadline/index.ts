/** Deadline jobs on spot and on-demand capacity: the tick model, online policies and the offline optimum. */
export * from './job.js';
export * from './instance.js';
export * from './observation.js';
export * from './state.js';
export * from './slack.js';
export * from './policy.js';
export * from './run.js';
export * from './policies/on-demand.js';
export * from './policies/greedy.js';
export * from './policies/uniform-progress.js';
export * from './optimal/solve.js';
export * from './optimal/policy.js';
export * from './registry.js';
export * from './policies/roam.js';
