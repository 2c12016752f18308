/** @roam/adapters — implementations of Roam's ports. */
export * from './runtime/simulated-runtime.js';
export * from './store/index.js';
export * from './catalog/index.js';
export * from './cloud/index.js';
