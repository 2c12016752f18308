import { describe, expect, it } from 'vitest';
import { freePort, scratchDir, startUp, stop } from './up-process.js';

const API = '/apis/roam.dev/v1alpha1';

async function call(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const workload = (name: string, gpu: number) => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Workload',
  metadata: { name },
  spec: { queue: 'burst', template: { gpu, cpu: 1, memory: '1Gi' }, expectedDuration: '10h' },
});

describe('durability of roam up (SQLite)', () => {
  it('keeps every acknowledged submission across kill -9, without duplicates or double-booked GPUs', async () => {
    const dir = scratchDir();
    const port = await freePort();
    const first = await startUp(dir, port, ['--no-demo']);
    const { url, token } = first;
    expect(
      (
        await call(url, token, 'PUT', `${API}/nodepools/burst`, {
          apiVersion: 'roam.dev/v1alpha1',
          kind: 'NodePool',
          metadata: { name: 'burst' },
          spec: {
            static: {
              machines: [{ count: 4, gpuModel: 'A100', gpus: 8, cpu: 128, memory: '1Ti' }],
            },
          },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(url, token, 'PUT', `${API}/queues/burst`, {
          apiVersion: 'roam.dev/v1alpha1',
          kind: 'Queue',
          metadata: { name: 'burst' },
          spec: { quota: [{ nodePool: 'burst', deservedGpus: 32 }] },
        })
      ).status,
    ).toBe(201);

    // A burst of submissions, 16 in flight; the server is killed once 120 are acknowledged.
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const sender = async (): Promise<void> => {
      while (!killed && next < 2000) {
        const name = `job-${next++}`;
        try {
          const r = await call(
            url,
            token,
            'POST',
            `${API}/workloads`,
            workload(name, [0.25, 0.5, 1, 2][next % 4] as number),
          );
          if (r.status === 201) acknowledged.push(name);
        } catch {
          return; // connection refused or reset: the server is gone
        }
        if (acknowledged.length >= 120 && !killed) {
          killed = true;
          await stop(first, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    expect(killed).toBe(true);

    const second = await startUp(dir, port);
    try {
      const items = (await call(second.url, second.token, 'GET', `${API}/workloads`)).body
        .items as any[];
      const names = items.map((w) => w.metadata.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of acknowledged) expect(names).toContain(name);
      // Every GPU slice is booked once: node allocations equal the running workloads' placements.
      const booked = new Map<string, number>();
      for (const w of items)
        if (w.status?.phase === 'Running')
          for (const p of w.status.placements)
            for (const g of p.gpus)
              booked.set(
                `${p.node}/${g.index}`,
                (booked.get(`${p.node}/${g.index}`) ?? 0) + g.fraction,
              );
      for (const share of booked.values()) expect(share).toBeLessThanOrEqual(1 + 1e-9);
      const nodes = (await call(second.url, second.token, 'GET', `${API}/nodes`)).body
        .items as any[];
      for (const n of nodes)
        n.status.allocation.gpuAllocation.forEach((a: number, i: number) =>
          expect(a).toBeCloseTo(booked.get(`${n.metadata.name}/${i}`) ?? 0, 6),
        );
      // Acknowledged work is either placed or waiting with a reason.
      for (const w of items) expect(['Running', 'Pending']).toContain(w.status.phase);
    } finally {
      expect(await stop(second, 'SIGTERM')).toBe(0);
    }
  }, 60_000);

  it("takes over the simulated cloud's instances and the work on them after kill -9", async () => {
    const dir = scratchDir();
    const port = await freePort();
    const first = await startUp(dir, port, ['--no-demo', '--speed', '1000']);
    const { url, token } = first;
    const put = async (path: string, doc: unknown) =>
      expect((await call(url, token, 'PUT', `${API}/${path}`, doc)).status).toBe(201);
    await put('nodepools/burst', {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'NodePool',
      metadata: { name: 'burst' },
      spec: { elastic: { clouds: ['aws'], gpuModels: ['H100'], market: 'on-demand', maxNodes: 2 } },
    });
    await put('queues/burst', {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Queue',
      metadata: { name: 'burst' },
      spec: { quota: [{ nodePool: 'burst', deservedGpus: 16 }] },
    });
    await put('workloads/train', {
      ...workload('train', 8),
      spec: { ...workload('train', 8).spec, expectedDuration: '1000h' },
    });
    const running = async (u: string, t: string): Promise<string | undefined> => {
      const w = (await call(u, t, 'GET', `${API}/workloads/train`)).body;
      return w.status?.phase === 'Running' ? w.status.placements[0].node : undefined;
    };
    let node: string | undefined;
    for (let i = 0; i < 200 && node === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      node = await running(url, token);
    }
    expect(node).toBeDefined();
    await stop(first, 'SIGKILL');

    const second = await startUp(dir, port);
    try {
      expect(await running(second.url, second.token)).toBe(node);
      const nodes = (await call(second.url, second.token, 'GET', `${API}/nodes`)).body.items;
      expect(nodes.map((n: any) => n.metadata.name)).toEqual([node]);
      const events = (await call(second.url, second.token, 'GET', `${API}/events`)).body.items;
      expect(events.filter((e: any) => e.type === 'launching')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'node-ready', node });
    } finally {
      expect(await stop(second, 'SIGTERM')).toBe(0);
    }
  }, 60_000);
});
