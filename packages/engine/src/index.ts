/** @roam/engine — the control loop shared by the simulator and the live control plane. */
export * from './ports.js';
export * from './events.js';
export * from './records.js';
export * from './clocks.js';
export * from './engine.js';
export * from './store.js';
export * from './cloud.js';
export * from './capacity.js';
export * from './colonies.js';
