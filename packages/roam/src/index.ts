/** @roam/app — the `roam` command. */
export { run } from './main.js';
export { upCommand } from './up.js';
export { DEMO_RESOURCES } from './demo.js';
