export * from './inflate.js';
export * from './discretize.js';
export * from './run.js';
export * from './experiment.js';
export * from './policies.js';
