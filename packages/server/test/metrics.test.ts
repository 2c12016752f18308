import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docs, eventually, startHarness, type Harness } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
const promtool = spawnSync('promtool', ['--version']).status === 0;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await h.call('PUT', `${API}/nodepools/gpu`, docs.pool('gpu', 1, 4));
  await h.call('PUT', `${API}/queues/a`, docs.queue('a', 'gpu', 2));
  await h.call('PUT', `${API}/queues/b`, docs.queue('b', 'gpu', 2));
  for (let i = 0; i < 4; i++)
    await h.call('POST', `${API}/workloads`, docs.workload(`b${i}`, 'b', 1));
  await eventually(
    async () => (await h.call('GET', `${API}/workloads/b3`)).body.status?.phase === 'Running',
  );
  await h.call('POST', `${API}/workloads`, docs.workload('a0', 'a', 2));
  await eventually(
    async () => (await h.call('GET', `${API}/workloads/a0`)).body.status?.phase === 'Running',
  );
});
afterEach(async () => h.close());

describe('/metrics', () => {
  it('reports queues, placements, reclaims, cost and API latency', async () => {
    const { status, body } = await h.call('GET', '/metrics');
    expect(status).toBe(200);
    const text = body as string;
    expect(text).toMatch(/^roam_queue_deserved_gpus\{queue="a"\} 2$/m);
    expect(text).toMatch(/^roam_queue_allocated_gpus\{queue="a"\} 2$/m);
    expect(text).toMatch(/^roam_queue_fair_share_gpus\{queue="b"\} 2$/m);
    expect(text).toMatch(/^roam_placements_total 5$/m); // b0…b3 and a0 (the two reclaimed b jobs wait: no room)
    expect(text).toMatch(/^roam_reclaims_total 2$/m);
    expect(text).toMatch(
      /^roam_api_request_duration_seconds_bucket\{method="POST",route="\/apis\/\.\.\.\/workloads",code="201",le="\+Inf"\} 5$/m,
    );
    expect(text).toContain('# TYPE roam_cost_per_hour_dollars gauge');
  });

  it.skipIf(!promtool)('passes promtool check metrics', async () => {
    const { body } = await h.call('GET', '/metrics');
    const check = spawnSync('promtool', ['check', 'metrics'], {
      input: body as string,
      encoding: 'utf8',
    });
    expect(check.stderr + check.stdout).toBe('');
    expect(check.status).toBe(0);
  });
});
