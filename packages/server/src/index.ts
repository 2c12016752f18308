/** @roam/server — the live control plane: engine, store, HTTP API, access control, metrics. */
export * from './plane/control-plane.js';
export * from './plane/documents.js';
export * from './plane/watch.js';
export * from './plane/world-clock.js';
export * from './plane/world-timers.js';
export * from './auth/tokens.js';
export * from './auth/token-service.js';
export * from './auth/signin-links.js';
export * from './http/api-server.js';
export * from './http/errors.js';
export * from './api/kinds.js';
export * from './api/openapi.js';
export * from './metrics/roam-metrics.js';
export * from './views/queues.js';
export * from './views/nodes.js';
export * from './http/static-files.js';
