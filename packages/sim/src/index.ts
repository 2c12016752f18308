/** @roam/sim — Roam's simulator: trace readers, experiments, reports and charts. */
export * from './traces/index.js';
export * from './fill/index.js';
export * from './report/index.js';
export * from './replay/index.js';
export * from './cluster/from-resources.js';
export * from './cluster/elastic.js';
export * from './spot/index.js';
