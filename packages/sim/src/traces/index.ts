/** Trace and cluster readers for the simulator. */
export * from './types.js';
export * from './detect.js';
export * from './load.js';
export * from './openb-nodes.js';
export * from './openb-pods.js';
export { PHILLY_GPUS_PER_NODE, PHILLY_OTHER_QUEUE } from './philly.js';
export * from './philly-jobs.js';
export * from './philly-vcs.js';
export * from './roam-jsonl.js';
export * from './transform.js';
