/** @roam/cli — the `roam` command. */
export { main, type Command } from './main.js';
export { UsageError, processIo } from './io.js';
export {
  saveClientConfig,
  loadClientConfig,
  configPath,
  type ClientConfig,
} from './client/config.js';
export type { Io } from './io.js';
