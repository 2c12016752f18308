import {
  builtinCatalog,
  MemoryStore,
  SimCloud,
  SqliteStore,
  StochasticMarket,
  type SimCloudSnapshot,
} from '@roam/adapters';
import type { Store } from '@roam/engine';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeededRng } from '@roam/core';
import { afterEach, describe, expect, it } from 'vitest';
import { docs, eventually, startHarness, type Harness } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
let h: Harness | undefined;
afterEach(async () => h?.close());

/**
 * A control plane whose elastic pools launch on the simulated cloud, the world 100,000×
 * fast; `clouds` gets each cloud made (one per control plane).
 */
async function withCloud(
  store: Store = new MemoryStore(),
  restore?: SimCloudSnapshot,
  clouds: SimCloud[] = [],
): Promise<Harness> {
  return startHarness(store, 100_000, {
    seed: 7,
    cloud: (world) => {
      const cloud = new SimCloud({
        now: () => world.now(),
        schedule: (at, fn) => world.at(at, fn),
        catalog: builtinCatalog(),
        rng: new SeededRng(7),
        market: new StochasticMarket({ seed: 7, startMs: world.now() }),
        ...(restore ? { restore } : {}),
      });
      clouds.push(cloud);
      return cloud;
    },
  });
}

const elasticPool = {
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'NodePool',
  metadata: { name: 'burst' },
  spec: {
    elastic: {
      clouds: ['aws', 'gcp'],
      gpuModels: ['A100', 'H100'],
      market: 'on-demand',
      maxNodes: 2,
      idleTimeToLive: '10m',
    },
  },
};

describe('control plane with cloud capacity', () => {
  it('launches for work that fits nowhere, runs it there, then removes the idle node', async () => {
    h = await withCloud();
    await h.call('PUT', `${API}/nodepools/burst`, elasticPool);
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'burst', 16));
    const created = await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('train', 'team', 8, { nodePools: ['burst'], expectedDuration: '2h' }),
    );
    expect(created.status).toBe(201);

    await eventually(async () => {
      const w = (await h!.call('GET', `${API}/workloads/train`)).body;
      return w.status?.phase === 'Running' || w.status?.phase === 'Succeeded';
    }, 5000);
    const events = (await h.call('GET', `${API}/events`)).body.items as { type: string }[];
    expect(events.map((e) => e.type)).toContain('launching');
    expect(events.map((e) => e.type)).toContain('node-ready');

    // Two world hours later the work is done; ten idle minutes later the node is gone.
    await eventually(async () => {
      const w = (await h!.call('GET', `${API}/workloads/train`)).body;
      const nodes = (await h!.call('GET', `${API}/nodes`)).body.items as unknown[];
      return w.status?.phase === 'Succeeded' && nodes.length === 0;
    }, 5000);
  });

  it('shows each spot node with the reclaim risk Roam estimates for the next hour', async () => {
    h = await withCloud();
    const spotPool = {
      ...elasticPool,
      spec: { elastic: { ...elasticPool.spec.elastic, market: 'spot' } },
    };
    await h.call('PUT', `${API}/nodepools/burst`, spotPool);
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'burst', 16));
    await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('train', 'team', 8, { nodePools: ['burst'] }),
    );
    let risk: unknown;
    await eventually(async () => {
      const nodes = (await h!.call('GET', `${API}/nodes`)).body.items as {
        status: { market?: string; reclaimRisk?: number };
      }[];
      risk = nodes.find((n) => n.status.market === 'spot')?.status.reclaimRisk;
      return risk !== undefined;
    }, 5000);
    expect(risk).toBeGreaterThan(0);
    expect(risk).toBeLessThan(1);
  });

  it('serves colonies: validated, with their nodes and work in status; an ephemeral one is torn down when done', async () => {
    h = await withCloud();
    await h.call('PUT', `${API}/nodepools/burst`, elasticPool);
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'burst', 16));
    const colony = {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Colony',
      metadata: { name: 'campaign' },
      spec: {
        nodePools: ['burst'],
        lifetime: 'ephemeral',
        dependencies: [{ name: 'nvidia-driver', version: '550' }],
      },
    };
    const bad = await h.call('POST', `${API}/colonies`, {
      ...colony,
      spec: { ...colony.spec, lifetime: 'forever' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('spec.lifetime');
    expect((await h.call('POST', `${API}/colonies`, colony)).status).toBe(201);
    await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('train', 'team', 8, { nodePools: ['burst'], expectedDuration: '2h' }),
    );
    await eventually(async () => {
      const c = (await h!.call('GET', `${API}/colonies/campaign`)).body;
      return c.status?.phase === 'Active' && c.status.nodes === 1;
    }, 5000);
    const nodes = (await h.call('GET', `${API}/nodes`)).body.items as {
      metadata: { labels: Record<string, string> };
    }[];
    expect(nodes[0]?.metadata.labels).toMatchObject({
      'colony.roam.dev/name': 'campaign',
      'deps.roam.dev/nvidia-driver': '550',
    });
    // The work ends: the colony's node goes at once (the pool's idle time-to-live is 10 min).
    await eventually(async () => {
      const events = (await h!.call('GET', `${API}/events`)).body.items as { type: string }[];
      return events.some((e) => e.type === 'colony-torn-down');
    }, 5000);
    const list = (await h.call('GET', `${API}/colonies`)).body.items as { status: unknown }[];
    expect(list[0]?.status).toMatchObject({ runningWorkloads: 0, phase: 'Idle' });
  });

  it('takes over the cloud nodes and the work on them after a restart, and terminates instances no pool claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roam-cloud-restart-'));
    const clouds: SimCloud[] = [];
    h = await withCloud(await SqliteStore.open(dir), undefined, clouds);
    await h.call('PUT', `${API}/nodepools/burst`, elasticPool);
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'burst', 16));
    await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('train', 'team', 8, { nodePools: ['burst'], expectedDuration: '1000h' }),
    );
    let node = '';
    await eventually(async () => {
      const w = (await h!.call('GET', `${API}/workloads/train`)).body;
      node = w.status?.placements?.[0]?.node ?? '';
      return w.status?.phase === 'Running';
    }, 5000);
    await h.close();
    const snapshot = clouds[0]?.snapshot() as SimCloudSnapshot;
    expect(snapshot.instances).toHaveLength(1);

    h = await withCloud(await SqliteStore.open(dir), snapshot, clouds);
    const w = (await h.call('GET', `${API}/workloads/train`)).body;
    expect(w.status).toMatchObject({ phase: 'Running', placements: [{ node }] });
    const nodes = (await h.call('GET', `${API}/nodes`)).body.items as {
      metadata: { name: string };
    }[];
    expect(nodes.map((n) => n.metadata.name)).toEqual([node]);
    const events = (await h.call('GET', `${API}/events`)).body.items as {
      type: string;
      reason: string;
    }[];
    expect(events.at(-1)).toMatchObject({
      type: 'node-ready',
      reason: expect.stringMatching(/taken over after a restart/),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(clouds[1]?.liveInstances()).toBe(1);
    await h.close();

    // A control plane that has no such pool terminates the instance rather than pay for it.
    h = await withCloud(new MemoryStore(), clouds[1]?.snapshot(), clouds);
    await eventually(async () => clouds[2]?.liveInstances() === 0, 5000);
    const gone = (await h.call('GET', `${API}/events`)).body.items as {
      type: string;
      reason: string;
    }[];
    expect(gone.map((e) => e.type)).toEqual(['scaled-down']);
  });

  it('keeps a workload moved off spot for its deadline on on-demand after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roam-on-demand-only-'));
    const store = await SqliteStore.open(dir);
    h = await withCloud(store);
    await h.call('PUT', `${API}/nodepools/burst`, {
      ...elasticPool,
      spec: { elastic: { ...elasticPool.spec.elastic, market: 'auto', maxNodes: 0 } },
    });
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'burst', 16));
    await h.call(
      'POST',
      `${API}/workloads`,
      docs.workload('train', 'team', 8, { nodePools: ['burst'] }),
    );
    await h.close();
    // As the control plane wrote it when the mover moved the workload for its deadline.
    const reopened = await SqliteStore.open(dir);
    const stored = await reopened.get('Workload', 'train');
    const doc = stored?.doc as { status: Record<string, unknown> };
    const why = 'moved off spot for its deadline: 1 h of slack left';
    await reopened.put('Workload', 'train', {
      ...doc,
      status: { ...doc.status, onDemandOnly: why },
    });

    h = await withCloud(reopened);
    expect(h.plane.engine.record('train')?.info.capacity?.market).toBe('on-demand');
    expect((await h.call('GET', `${API}/workloads/train`)).body.status.onDemandOnly).toBe(why);
  });

  it('leaves pending work pending when its pool is static (no cloud involved)', async () => {
    h = await withCloud();
    await h.call('PUT', `${API}/nodepools/gpu`, docs.pool('gpu', 1, 8));
    await h.call('PUT', `${API}/queues/team`, docs.queue('team', 'gpu', 16));
    await h.call('POST', `${API}/workloads`, docs.workload('big', 'team', 16));
    await new Promise((r) => setTimeout(r, 200));
    const events = (await h.call('GET', `${API}/events`)).body.items as { type: string }[];
    expect(events.map((e) => e.type)).not.toContain('launching');
    expect((await h.call('GET', `${API}/workloads/big`)).body.status.phase).toBe('Pending');
  });
});
