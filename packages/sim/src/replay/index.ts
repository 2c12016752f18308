export * from './event-queue.js';
export * from './sim-runtime.js';
export * from './recorder.js';
export * from './stats.js';
export * from './replay.js';
export * from './fleet.js';
