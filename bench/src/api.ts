/**
 * API benchmark: starts `roam up` (a separate process, SQLite by default) and sends
 * workload submissions from many concurrent clients for a fixed time, counting only
 * acknowledged ones (201, durable in the store before the reply). Prints one JSON object.
 *
 *   npm run -s bench:api -- --json [--seconds 10] [--clients 64] [--store postgres://…]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { flags, intFlag, percentile } from './args.js';

const bin = fileURLToPath(new URL('../../packages/roam/bin/roam.js', import.meta.url));
const API = '/apis/roam.dev/v1alpha1';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function run(
  store: string,
  seconds: number,
  clients: number,
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'roam-bench-api-'));
  const port = await freePort();
  const env = { ...process.env, ROAM_CONFIG: join(dir, 'config.json') };
  const child = spawn(
    process.execPath,
    [
      bin,
      'up',
      '--no-demo',
      '--data-dir',
      join(dir, 'data'),
      '--listen',
      `127.0.0.1:${port}`,
      '--store',
      store,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  while (!out.includes('Press Ctrl-C')) {
    if (child.exitCode !== null) throw new Error(`roam up failed:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const token = (JSON.parse(readFileSync(env.ROAM_CONFIG, 'utf8')) as { token: string }).token;
  const url = `http://127.0.0.1:${port}`;
  const send = async (method: string, path: string, body: unknown): Promise<number> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };
  await send('PUT', `${API}/nodepools/bench`, {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'NodePool',
    metadata: { name: 'bench' },
    spec: {
      static: { machines: [{ count: 64, gpuModel: 'A100', gpus: 8, cpu: 128, memory: '1Ti' }] },
    },
  });
  await send('PUT', `${API}/queues/bench`, {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Queue',
    metadata: { name: 'bench' },
    spec: { quota: [{ nodePool: 'bench', deservedGpus: 512 }] },
  });
  const latencies: number[] = [];
  let acknowledged = 0;
  let refused = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const name = `w-${next++}`;
        const t0 = performance.now();
        const status = await send('POST', `${API}/workloads`, {
          apiVersion: 'roam.dev/v1alpha1',
          kind: 'Workload',
          metadata: { name },
          spec: {
            queue: 'bench',
            template: { gpu: [0.25, 0.5, 1][next % 3], cpu: 1, memory: '1Gi' },
            expectedDuration: '30s',
          },
        });
        if (status === 201) {
          acknowledged++;
          latencies.push(performance.now() - t0);
        } else refused++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return {
    store: store.startsWith('postgres') ? 'postgres' : store,
    seconds: Math.round(elapsed * 10) / 10,
    clients,
    acknowledged,
    refused,
    acknowledgedPerSec: Math.round(acknowledged / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const seconds = intFlag(f, 'seconds', 10);
  const clients = intFlag(f, 'clients', 64);
  const stores = [typeof f.get('store') === 'string' ? (f.get('store') as string) : 'sqlite'];
  const pg = process.env.ROAM_TEST_POSTGRES_URL;
  if (!f.has('store') && pg) stores.push(pg);
  const results = [];
  for (const store of stores) results.push(await run(store, seconds, clients));
  const report = { benchmark: 'api', node: process.version, results };
  process.stdout.write(`${JSON.stringify(report, null, f.has('json') ? undefined : 2)}\n`);
}

await main();
