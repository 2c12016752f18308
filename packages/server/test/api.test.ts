import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docs, eventually, startHarness, type Harness } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await h.call('PUT', `${API}/nodepools/gpu`, docs.pool('gpu', 2, 8));
  await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'gpu', 8));
});
afterEach(async () => h.close());

describe('resources API', () => {
  it('creates, reads, lists and deletes, with Kubernetes conventions', async () => {
    const created = await h.call('POST', `${API}/workloads`, docs.workload('w1', 'team', 1));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({
      name: 'w1',
      resourceVersion: expect.any(String),
      uid: expect.any(String),
    });
    expect((await h.call('POST', `${API}/workloads`, docs.workload('w1', 'team', 1))).status).toBe(
      409,
    );
    await eventually(
      async () => (await h.call('GET', `${API}/workloads/w1`)).body.status?.phase === 'Running',
    );
    const list = await h.call('GET', `${API}/workloads`);
    expect(list.body).toMatchObject({
      kind: 'WorkloadList',
      items: [expect.objectContaining({ metadata: expect.objectContaining({ name: 'w1' }) })],
    });
    const deleted = await h.call('DELETE', `${API}/workloads/w1`);
    expect(deleted.status).toBe(200);
    expect((await h.call('GET', `${API}/workloads/w1`)).status).toBe(404);
  });

  it('applies (create-or-update) with PUT and honours resourceVersion (409 when stale)', async () => {
    expect((await h.call('PUT', `${API}/queues/other`, docs.queue('other', 'gpu', 2))).status).toBe(
      201,
    );
    const current = (await h.call('GET', `${API}/queues/other`)).body;
    const stale = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: '1' },
      spec: { quota: [{ nodePool: 'gpu', deservedGpus: 3 }] },
    };
    expect((await h.call('PUT', `${API}/queues/other`, stale)).status).toBe(409);
    const fresh = { ...current, spec: { quota: [{ nodePool: 'gpu', deservedGpus: 4 }] } };
    const updated = await h.call('PUT', `${API}/queues/other`, fresh);
    expect(updated.status).toBe(200);
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(current.metadata.resourceVersion),
    );
  });

  it('validates server-side with field paths (422) and refuses non-documents (400)', async () => {
    const bad = await h.call('POST', `${API}/workloads`, docs.workload('bad', 'team', 1.5));
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      details: {
        causes: [{ field: 'spec.template.gpu', message: expect.stringContaining('got 1.5') }],
      },
    });
    expect(bad.body.message).toContain(
      'Workload/bad: spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 1.5',
    );
    expect((await h.call('POST', `${API}/workloads`, 'kind: [')).status).toBe(400);
    const wrongKind = await h.call('POST', `${API}/workloads`, docs.queue('q', 'gpu', 1));
    expect(wrongKind.status).toBe(400);
    const mismatch = await h.call(
      'PUT',
      `${API}/workloads/other-name`,
      docs.workload('w9', 'team', 1),
    );
    expect(mismatch.status).toBe(400);
  });

  it('accepts YAML bodies and answers in YAML when asked', async () => {
    const yaml =
      'apiVersion: roam.dev/v1alpha1\nkind: Workload\nmetadata: {name: y1}\nspec: {queue: team, template: {gpu: 0.5, cpu: 1}}\n';
    expect((await h.call('POST', `${API}/workloads`, yaml)).status).toBe(201);
    const res = await fetch(`${h.url}${API}/workloads/y1`, {
      headers: { authorization: `Bearer ${h.admin}`, accept: 'application/yaml' },
    });
    expect(res.headers.get('content-type')).toContain('yaml');
    expect(await res.text()).toContain('name: y1');
  });

  it('filters lists by label and field selectors', async () => {
    await h.call('POST', `${API}/workloads`, {
      ...docs.workload('a', 'team', 1),
      metadata: { name: 'a', labels: { tier: 'gold' } },
    });
    await h.call('POST', `${API}/workloads`, {
      ...docs.workload('b', 'team', 1),
      metadata: { name: 'b', labels: { tier: 'silver' } },
    });
    const gold = await h.call('GET', `${API}/workloads?labelSelector=tier%3Dgold`);
    expect(gold.body.items.map((d: any) => d.metadata.name)).toEqual(['a']);
    const byQueue = await h.call(
      'GET',
      `${API}/workloads?fieldSelector=spec.queue%3Dteam,metadata.name!%3Da`,
    );
    expect(byQueue.body.items.map((d: any) => d.metadata.name)).toEqual(['b']);
    expect((await h.call('GET', `${API}/workloads?labelSelector=%3D%3D`)).status).toBe(400);
  });

  it('reports why a workload waits, in its status and its events', async () => {
    await h.call('POST', `${API}/workloads`, docs.workload('huge', 'team', 8, { replicas: 3 }));
    await eventually(
      async () =>
        (await h.call('GET', `${API}/workloads/huge`)).body.status?.pendingCode === 'gang',
    );
    const w = (await h.call('GET', `${API}/workloads/huge`)).body;
    expect(w.status.reason).toBe(
      'gang of 3 replicas: only 2 fit in pool gpu (8 free GPUs, 1 CPU, 1Gi each)',
    );
    const events = (await h.call('GET', `${API}/workloads/huge/events`)).body.items;
    expect(events.map((e: any) => e.type)).toEqual(['submitted', 'pending']);
  });

  it('serves nodes with their live allocation, read-only', async () => {
    await h.call('POST', `${API}/workloads`, docs.workload('w', 'team', 0.5));
    await eventually(async () =>
      (await h.call('GET', `${API}/nodes`)).body.items.some((n: any) =>
        n.status.allocation.gpuAllocation.includes(0.5),
      ),
    );
    expect((await h.call('DELETE', `${API}/nodes/gpu-01`)).status).toBe(405);
    expect((await h.call('POST', `${API}/nodes/gpu-01/cordon`)).status).toBe(200);
    const node = (await h.call('GET', `${API}/nodes/gpu-01`)).body;
    expect(node.status).toMatchObject({
      cordoned: true,
      allocation: expect.objectContaining({ schedulable: false }),
    });
  });

  it('streams changes and events as server-sent events', async () => {
    const res = await fetch(`${h.url}${API}/watch`, {
      headers: { authorization: `Bearer ${h.admin}` },
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await h.call('POST', `${API}/workloads`, docs.workload('s1', 'team', 1));
    let text = '';
    await eventually(async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return text.includes('"type":"started"');
    });
    expect(text).toContain('event: change');
    expect(text).toContain('"type":"ADDED"');
    await reader.cancel();
  });

  it('describes itself in /openapi.json and answers health checks without a token', async () => {
    const spec = await h.call('GET', '/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toContain(`${API}/workloads/{name}`);
    expect((await h.call('GET', '/healthz', undefined, null)).status).toBe(200);
    expect((await h.call('GET', '/readyz', undefined, null)).status).toBe(200);
  });
});
