import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roam } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'roam-spot-'));
const trace = join(dir, 'trace.csv');
// Two zones, 10-minute ticks, 12 h: zone a loses spot for 2 h at hour 2; zone b never does.
const header =
  'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour';
const rows = ['a', 'b'].flatMap((zone) =>
  Array.from({ length: 72 }, (_, t) => {
    const up = zone === 'b' || t < 12 || t >= 24 ? 1 : 0;
    return `s,availability,aws,us-east-1,us-east-1${zone},,p3.2xlarge,V100x1,1,600,${t},${600 * t},,${up},0.9`;
  }),
);
writeFileSync(trace, [header, ...rows].join('\n'));

describe('roam sim spot', () => {
  it('runs every policy on one zone and prints the table', async () => {
    const r = await roam([
      'sim',
      'spot',
      '--trace',
      trace,
      '--zone',
      'us-east-1a',
      '--job-hours',
      '4',
      '--deadline-hours',
      '6',
    ]);
    expect(r.code).toBe(0);
    for (const p of ['on-demand', 'greedy', 'uniform-progress', 'roam', 'optimal'])
      expect(r.out).toContain(p);
    expect(r.out).toContain('on-demand alone costs $13.26');
  });

  it('prints the JSON the issue asks for and writes the chart', async () => {
    const out = join(dir, 'one');
    const r = await roam([
      'sim',
      'spot',
      '--trace',
      trace,
      '--zone',
      'all',
      '--job-hours',
      '4',
      '--deadline-hours',
      '5',
      '--policy',
      'roam',
      '--json',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({
      policy: 'roam',
      zones: ['us-east-1a', 'us-east-1b'],
      deadlineMet: true,
      costUsd: expect.any(Number),
      onDemandCostUsd: expect.any(Number),
      savingsPct: expect.any(Number),
      spotHours: expect.any(Number),
      onDemandHours: expect.any(Number),
      moves: expect.any(Number),
      wallMs: expect.any(Number),
    });
    expect(result.savingsPct).toBeGreaterThan(50);
    expect(readdirSync(out).sort()).toEqual(['progress.svg', 'report.json']);
  });

  it('counts a miss as avoidable only when on-demand alone would have met the deadline', async () => {
    // Slack 0: nothing meets a 3 h deadline for 3 h of work plus a restart, on-demand included.
    const r = await roam([
      'sim',
      'spot',
      '--sweep',
      '--trace',
      trace,
      '--job-hours',
      '3',
      '--starts',
      '1',
      '--slacks',
      '0',
      '--policy',
      'greedy,roam',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    for (const s of report.summary.singleZone) {
      expect(s.misses).toBeGreaterThan(0);
      expect(s.avoidableMisses).toBe(0);
    }
  });

  it('sweeps zones, starts and deadlines and summarises', async () => {
    const out = join(dir, 'sweep');
    const r = await roam([
      'sim',
      'spot',
      '--sweep',
      '--trace',
      trace,
      '--job-hours',
      '3',
      '--starts',
      '2',
      '--slacks',
      '0.2,0.5',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('60 runs');
    expect(r.out).toContain('All zones (moves allowed):');
    expect(r.out).toMatch(/roam \/ optimal \(one zone\): \d\.\d{3}/);
    expect(readdirSync(out).sort()).toEqual([
      'cost-all-zones.svg',
      'cost-single-zone.svg',
      'report.json',
    ]);
  });

  it.each([
    [['--zone', 'eu-west-1a'], /zone eu-west-1a is not in .*; it has us-east-1a, us-east-1b/],
    [['--policy', 'yolo'], /--policy: unknown policy "yolo"/],
    [['--deadline-hours', '40'], /--deadline-hours must be at least --job-hours \(48\), got 40/],
    [['--start-hour', '500'], /start hour 500 is outside the trace \(0 to 12 h\)/],
    [['--restart-hours=-1'], /--restart-hours must be a number at or above 0/],
    [['--sweep', '--deadline-hours', '60'], /--deadline-hours is not used with --sweep/],
    [['--sweep', '--job-hours', '1e-9'], /job hours must be at least a second, got 1e-9/],
  ])('rejects %j with a clear error', async (args, error) => {
    const r = await roam(['sim', 'spot', '--trace', trace, ...args]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(error);
  });
});
