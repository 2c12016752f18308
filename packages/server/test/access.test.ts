import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docs, startHarness, type Harness } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
let h: Harness;
let member: string;
let queueAdmin: string;

beforeEach(async () => {
  h = await startHarness();
  await h.call('PUT', `${API}/nodepools/gpu`, docs.pool('gpu', 2, 8));
  await h.call(
    'PUT',
    `${API}/queues/research`,
    docs.queue('research', 'gpu', 12, { limitGpus: 16 }),
  );
  await h.call('PUT', `${API}/queues/nlp`, {
    ...docs.queue('nlp', 'gpu', 6),
    spec: { parent: 'research', quota: [{ nodePool: 'gpu', deservedGpus: 6 }] },
  });
  await h.call('PUT', `${API}/queues/cv`, {
    ...docs.queue('cv', 'gpu', 4),
    spec: { parent: 'research', quota: [{ nodePool: 'gpu', deservedGpus: 4 }] },
  });
  await h.call('PUT', `${API}/workloads/cv-job`, docs.workload('cv-job', 'cv', 1));
  member = (
    await h.call('POST', `${API}/tokens`, { name: 'alice', role: 'member', queues: ['nlp'] })
  ).body.token;
  queueAdmin = (
    await h.call('POST', `${API}/tokens`, { name: 'bob', role: 'queue-admin', queues: ['nlp'] })
  ).body.token;
});
afterEach(async () => h.close());

describe('access control', () => {
  it('needs a valid bearer token (401 names the problem)', async () => {
    const none = await h.call('GET', `${API}/workloads`, undefined, null);
    expect(none.status).toBe(401);
    expect(none.body.message).toContain('needs a bearer token');
    const bad = await h.call('GET', `${API}/workloads`, undefined, 'roam_not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.body.message).toContain('not valid');
    expect((await h.call('GET', '/metrics', undefined, null)).status).toBe(401);
  });

  it("lets a member see and change only its queues' workloads", async () => {
    expect(
      (await h.call('POST', `${API}/workloads`, docs.workload('mine', 'nlp', 1), member)).status,
    ).toBe(201);
    const denied = await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('theirs', 'cv', 1),
      member,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'alice (member of queue nlp) may not create workloads in queue cv',
    );
    const list = await h.call('GET', `${API}/workloads`, undefined, member);
    expect(list.body.items.map((d: any) => d.metadata.name)).toEqual(['mine']);
    expect((await h.call('GET', `${API}/workloads/cv-job`, undefined, member)).status).toBe(404);
    expect((await h.call('DELETE', `${API}/workloads/cv-job`, undefined, member)).status).toBe(403);
    const moved = { ...docs.workload('mine', 'cv', 1) };
    expect((await h.call('PUT', `${API}/workloads/mine`, moved, member)).status).toBe(403);
    const queues = await h.call('GET', `${API}/queues`, undefined, member);
    expect(queues.body.items.map((d: any) => d.metadata.name)).toEqual(['nlp']);
    const events = await h.call('GET', `${API}/events`, undefined, member);
    expect(events.body.items.every((e: any) => e.queue === 'nlp')).toBe(true);
  });

  it('keeps members away from quotas, pools and tokens', async () => {
    expect(
      (await h.call('PUT', `${API}/queues/nlp`, docs.queue('nlp', 'gpu', 1), member)).status,
    ).toBe(403);
    expect((await h.call('PUT', `${API}/nodepools/gpu`, docs.pool('gpu', 3), member)).status).toBe(
      403,
    );
    expect(
      (await h.call('POST', `${API}/tokens`, { name: 'x', role: 'admin' }, member)).status,
    ).toBe(403);
    expect((await h.call('POST', `${API}/nodes/gpu-01/cordon`, undefined, member)).status).toBe(
      403,
    );
  });

  it("lets a queue-admin change its queues' quotas within the parent's", async () => {
    const within = {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Queue',
      metadata: { name: 'nlp' },
      spec: { parent: 'research', quota: [{ nodePool: 'gpu', deservedGpus: 8, limitGpus: 16 }] },
    };
    expect((await h.call('PUT', `${API}/queues/nlp`, within, queueAdmin)).status).toBe(200);
    const overParent = {
      ...within,
      spec: { parent: 'research', quota: [{ nodePool: 'gpu', deservedGpus: 13 }] },
    };
    const r1 = await h.call('PUT', `${API}/queues/nlp`, overParent, queueAdmin);
    expect(r1.status).toBe(403);
    expect(r1.body.message).toContain("exceeds its parent's 12");
    const overSiblings = {
      ...within,
      spec: { parent: 'research', quota: [{ nodePool: 'gpu', deservedGpus: 9, limitGpus: 16 }] },
    };
    const r2 = await h.call('PUT', `${API}/queues/nlp`, overSiblings, queueAdmin);
    expect(r2.status).toBe(403);
    expect(r2.body.message).toContain(
      'with its siblings the deserved shares in pool gpu would be 13 GPUs',
    );
    expect(
      (await h.call('PUT', `${API}/queues/cv`, docs.queue('cv', 'gpu', 1), queueAdmin)).status,
    ).toBe(403);
    expect(
      (await h.call('PUT', `${API}/queues/research`, docs.queue('research', 'gpu', 20), queueAdmin))
        .status,
    ).toBe(403);
    const moved = { ...within, spec: { quota: within.spec.quota } };
    expect((await h.call('PUT', `${API}/queues/nlp`, moved, queueAdmin)).status).toBe(403);
    expect(
      (await h.call('POST', `${API}/workloads`, docs.workload('ok', 'nlp', 1), queueAdmin)).status,
    ).toBe(201);
  });

  it('refuses malformed token requests clearly', async () => {
    const r = await h.call('POST', `${API}/tokens`, { name: 'm', role: 'member' });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('a member token needs at least one queue');
    expect(
      (await h.call('POST', `${API}/tokens`, { name: 'm', role: 'root', queues: ['nlp'] })).status,
    ).toBe(400);
  });
});
