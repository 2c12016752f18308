import { describe, expect, it } from 'vitest';
import { example, roam } from './helpers.js';

describe('roam schedule', () => {
  it('places the example workloads and says why the rest wait', async () => {
    const r = await roam([
      'schedule',
      '-f',
      example('cluster.yaml'),
      '-f',
      example('llama.yaml'),
      '-o',
      'json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as {
      binds: { workload: string; placements: unknown[] }[];
      pending: { workload: string; reason: string }[];
    };
    expect(result.binds.map((b) => b.workload).sort()).toEqual([
      'chat-serving',
      'detector-train',
      'llama-finetune',
      'notebook-alice',
    ]);
    expect(result.binds.find((b) => b.workload === 'llama-finetune')?.placements).toHaveLength(4);
    expect(result.pending).toEqual([
      expect.objectContaining({
        workload: 'giant-pretrain',
        reason: 'gang of 4 replicas: only 1 fit in pool a100 (8 free GPUs, 48 CPU, 512Gi each)',
      }),
    ]);
  });

  it('prints a table without -o json', async () => {
    const r = await roam(['schedule', '-f', example('cluster.yaml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^WORKLOAD\s+DECISION\s+WHY/);
    expect(r.out).toContain('QUEUE');
  });

  it('refuses a bad --placement', async () => {
    const r = await roam(['schedule', '-f', example('cluster.yaml'), '--placement', 'magic']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--placement must be one of roam, binpack, spread, fgd, got magic');
  });
});
