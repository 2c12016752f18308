/** Spot traces and deadline-job experiments: `roam sim spot`. */
export * from './trace.js';
export * from './read.js';
export * from './market.js';
export * from './experiment.js';
export * from './select.js';
export * from './charts.js';
export * from './sweep.js';
export * from './summary.js';
export * from './cloud-market.js';
