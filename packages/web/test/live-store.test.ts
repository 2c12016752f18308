import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api/client.js';
import { LiveStore } from '../src/data/live-store.js';
import type { Timers } from '../src/data/throttle.js';

const API = '/apis/roam.dev/v1alpha1';
const wl = (name: string, rv: number, phase = 'Pending') => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Workload',
  metadata: { name, resourceVersion: String(rv) },
  spec: { queue: 'q', template: { gpu: 1 } },
  status: { phase },
});
const node = (name: string, rv: number, fill?: number[]) => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Node',
  metadata: { name, resourceVersion: String(rv) },
  status: {
    pool: 'p',
    gpus: 2,
    ...(fill
      ? {
          allocation: {
            gpuAllocation: fill,
            cpu: {},
            memory: {},
            schedulable: true,
            market: 'on-prem',
            workloads: [],
          },
        }
      : {}),
  },
});

/** A fake API: lists from `lists`, and a watch stream the test writes to. */
function fakeApi(lists: Record<string, unknown[]>) {
  const encoder = new TextEncoder();
  let push: (text: string) => void = () => undefined;
  const requests: string[] = [];
  const fetchFn = (async (input: Parameters<typeof fetch>[0]) => {
    const path = String(input);
    requests.push(path);
    const headers = { 'x-roam-time': '1000000' };
    if (path === `${API}/watch`) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(encoder.encode(text));
        },
      });
      return new Response(body, { status: 200, headers });
    }
    const plural = path.replace(`${API}/`, '').split('?')[0] ?? '';
    return new Response(JSON.stringify({ items: lists[plural] ?? [] }), { status: 200, headers });
  }) as typeof fetch;
  return {
    fetchFn,
    send: (event: string, data: unknown) =>
      push(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    requests,
  };
}

const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };
const settle = () => new Promise((ok) => setTimeout(ok, 20));

describe('LiveStore', () => {
  it('lists everything once the watch is subscribed, then applies what the stream brings', async () => {
    const api = fakeApi({
      workloads: [wl('a', 1)],
      nodes: [node('n1', 2, [1, 0])],
      events: [{ time: '2030-01-01T00:00:00Z', type: 'submitted', reason: 'x', workload: 'a' }],
    });
    const store = new LiveStore(
      new ApiClient('t', {}, '', api.fetchFn),
      undefined,
      idleTimers,
      (fn) => fn(),
    );
    let notified = 0;
    store.subscribe(() => notified++);
    store.start();
    await settle();
    expect(store.connection).toBe('connecting');
    expect(api.requests).toEqual([`${API}/watch`]);

    api.send('sync', { nodes: 1 });
    await settle();
    expect(store.connection).toBe('live');
    expect(store.workloads.get('a')?.status?.phase).toBe('Pending');
    expect(store.events.all()).toHaveLength(1);

    api.send('change', { type: 'MODIFIED', kind: 'Workload', object: wl('a', 5, 'Running') });
    // A node change from the watch has no live allocation: the one listed is kept.
    api.send('change', { type: 'MODIFIED', kind: 'Node', object: node('n1', 6) });
    api.send('event', {
      type: 'EVENT',
      kind: 'Event',
      object: { time: '2030-01-01T00:01:00Z', type: 'started', reason: 'placed', workload: 'a' },
    });
    await settle();
    expect(store.workloads.get('a')?.status?.phase).toBe('Running');
    expect(store.nodes.get('n1')?.metadata.resourceVersion).toBe('6');
    expect(store.nodes.get('n1')?.status?.allocation?.gpuAllocation).toEqual([1, 0]);
    expect(store.events.all().map((e) => e.type)).toEqual(['submitted', 'started']);
    expect(notified).toBeGreaterThan(0);
    expect(store.worldNow()).toBeGreaterThanOrEqual(1_000_000);
    store.stop();
  });

  it('reads the world time again soon after starting, to measure how fast the world runs', async () => {
    const api = fakeApi({});
    const scheduled: { ms: number; fn: () => void }[] = [];
    const timers: Timers = {
      setTimeout: (fn, ms) => scheduled.push({ fn, ms }),
      clearTimeout: () => undefined,
    };
    const store = new LiveStore(new ApiClient('t', {}, '', api.fetchFn), undefined, timers, (fn) =>
      fn(),
    );
    store.start();
    for (const s of scheduled.filter((x) => x.ms < 10_000)) s.fn();
    await settle();
    expect(api.requests.filter((r) => r === '/whoami')).toHaveLength(2);
    store.stop();
  });

  it('stops for good when the token is refused', async () => {
    let unauthorized = 0;
    const fetchFn = (async () =>
      new Response(JSON.stringify({ kind: 'Status', message: 'unknown token' }), {
        status: 401,
      })) as typeof fetch;
    const store = new LiveStore(
      new ApiClient('bad', { onUnauthorized: () => unauthorized++ }, '', fetchFn),
      undefined,
      idleTimers,
      (fn) => fn(),
    );
    store.start();
    await settle();
    expect(unauthorized).toBe(1);
    expect(store.connection).toBe('connecting');
    store.stop();
  });
});
