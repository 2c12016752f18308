import { MemoryStore } from '@roam/adapters';
import type { Store } from '@roam/engine';
import type { AddressInfo } from 'node:net';
import {
  ControlPlane,
  createApiServer,
  TokenService,
  type ControlPlaneOptions,
} from '../src/index.js';

/** A running API server on an ephemeral port, with an admin token. */
export interface Harness {
  readonly url: string;
  readonly plane: ControlPlane;
  readonly tokens: TokenService;
  readonly admin: string;
  /** Sends a request with a token (admin by default) and returns status and parsed body. */
  call(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts a control plane and its API on a store (a new memory store by default). */
export async function startHarness(
  store: Store = new MemoryStore(),
  speed = 1000,
  options: Partial<ControlPlaneOptions> = {},
): Promise<Harness> {
  const plane = await ControlPlane.open({ ...options, store, speed });
  const tokens = await TokenService.open(store);
  const admin = (await tokens.create('admin', 'admin', [], plane.clock.now())).token;
  const server = createApiServer({ plane, tokens });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    plane,
    tokens,
    admin,
    async call(method, path, body, token = admin) {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined)
        headers['content-type'] =
          typeof body === 'string' ? 'application/yaml' : 'application/json';
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body !== undefined
          ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
          : {}),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // plain text (metrics)
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await plane.close();
    },
  };
}

/** Resource builders. */
export const docs = {
  pool: (name: string, machines = 2, gpus = 8, model = 'A100') => ({
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'NodePool',
    metadata: { name },
    spec: {
      static: { machines: [{ count: machines, gpuModel: model, gpus, cpu: 64, memory: '512Gi' }] },
    },
  }),
  queue: (name: string, pool: string, deserved: number, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Queue',
    metadata: { name },
    spec: { quota: [{ nodePool: pool, deservedGpus: deserved, ...extra }] },
  }),
  workload: (name: string, queue: string, gpu: number, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Workload',
    metadata: { name },
    spec: { queue, template: { gpu, cpu: 1, memory: '1Gi' }, ...extra },
  }),
};

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  ms = 3000,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached in time');
}
