import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roam } from './helpers.js';

const fixtures = new URL('../../sim/test/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'roam-sim-'));
const nodes = join(dir, 'nodes.csv');
const pods = join(dir, 'pods.csv');
writeFileSync(
  nodes,
  'sn,cpu_milli,memory_mib,gpu,model\nn1,32000,131072,4,T4\nn2,32000,131072,4,T4\nn3,64000,262144,8,V100M32\n',
);
writeFileSync(
  pods,
  [
    'name,cpu_milli,memory_mib,num_gpu,gpu_milli',
    ...Array.from(
      { length: 12 },
      (_, i) =>
        `p${i},${4000 + (i % 3) * 2000},8192,${i % 4 === 0 ? 2 : 1},${i % 4 === 0 ? 1000 : [500, 250, 1000][i % 3]}`,
    ),
  ].join('\n'),
);

describe('roam sim fill', () => {
  it('prints a table for each policy, best first, and writes JSON and charts', async () => {
    const out = join(dir, 'fill');
    const r = await roam([
      'sim',
      'compare',
      '--policies',
      'fgd,roam,random',
      '--nodes',
      nodes,
      '--pods',
      pods,
      '--seeds',
      '1-3',
      '--out',
      out,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/12 pods on 3 nodes \/ 16 GPUs, inflated to 130%, seeds 1,2,3/);
    expect(r.out).toMatch(/POLICY\s+UNALLOCATED@100%/);
    for (const p of ['fgd', 'roam', 'random']) expect(r.out).toContain(p);
    expect(readdirSync(out).sort()).toEqual([
      'allocation.svg',
      'fragmentation.svg',
      'report.json',
      'unallocated.svg',
    ]);
    const reports = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      policy: string;
      points: unknown[];
    }[];
    expect(reports.map((x) => x.policy)).toEqual(['fgd', 'roam', 'random']);
  });

  it('prints JSON with the documented fields', async () => {
    const r = await roam([
      'sim',
      'fill',
      '--nodes',
      nodes,
      '--pods',
      pods,
      '--policy',
      'bestfit',
      '--seeds',
      '42',
      '--json',
    ]);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['policy', 'seeds', 'points', 'unallocatedAt100Pct', 'wallMs'])
      expect(report).toHaveProperty(key);
    const xs = (report.points as { arrivedPct: number }[]).map((p) => p.arrivedPct);
    expect(xs.length).toBeGreaterThan(50);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('stops at a malformed row with file:line: column: reason', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,4000,8192,1,500\np1,4000,8192,1,abc\n',
    );
    const r = await roam(['sim', 'fill', '--nodes', nodes, '--pods', bad, '--policy', 'fgd']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${bad}:3: gpu_milli: must be an integer from 0 to 1000, got "abc"\n`);
  });

  it('names an unknown policy', async () => {
    const r = await roam(['sim', 'fill', '--nodes', nodes, '--pods', pods, '--policy', 'magic']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown policy "magic"');
  });
});

describe('roam sim replay', () => {
  /** `roam sim replay` of the fixture trace on the fixture cluster, with `more` options. */
  const replayFixture = (...more: string[]) =>
    roam([
      'sim',
      'replay',
      '--trace',
      `${fixtures}trace.jsonl`,
      '--cluster',
      `${fixtures}cluster.yaml`,
      ...more,
    ]);

  it('replays a trace on a YAML cluster and reports completion times, fairness and charts', async () => {
    const out = join(dir, 'replay');
    const r = await replayFixture('--policy', 'binpack', '--out', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toMatchObject({ policy: 'binpack', jobs: 9, completed: 9 });
    for (const key of [
      'jctSeconds',
      'queueingDelaySeconds',
      'makespanSeconds',
      'meanGpuAllocationPct',
      'preemptions',
      'queues',
      'jainFairness',
    ])
      expect(report).toHaveProperty(key);
    expect(readdirSync(out).sort()).toEqual(['queues.svg', 'report.json', 'utilization.svg']);
  });

  it('compares a cloud fleet that may buy spot with the same replay on on-demand only', async () => {
    const args = (market: string) => ['--cloud-only', '--market', market, '--json'];
    type Fleet = { costUsd: number; onDemandRun?: { costUsd: number; savingsPct: number } };
    const fleetOf = async (market: string) => {
      const r = await replayFixture(...args(market));
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { fleet: Fleet }).fleet;
    };
    const onDemand = await fleetOf('on-demand');
    expect(onDemand.onDemandRun).toBeUndefined();
    const spot = await fleetOf('spot');
    expect(spot.onDemandRun?.costUsd).toBe(onDemand.costUsd);
    expect(spot.onDemandRun?.savingsPct).toBeCloseTo(
      100 * (1 - spot.costUsd / onDemand.costUsd),
      1,
    );
    expect(spot.costUsd).toBeLessThan(onDemand.costUsd);
    const table = await replayFixture(...args('spot').filter((a) => a !== '--json'));
    expect(table.out).toMatch(/POLICY\s+COST\s+ON-DEMAND RUN\s+SAVED/);
  });

  it('buys from a replayed spot trace with --spot-trace, and names it', async () => {
    const trace = join(dir, 'spot-trace.csv');
    const header =
      'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour';
    // Spot comes and goes every 20 minutes in every AWS us-east-1 and us-west-2 zone.
    const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1f'];
    const west = ['us-west-2a', 'us-west-2b', 'us-west-2c'];
    const rows = [...zones, ...west].flatMap((zone) =>
      Array.from(
        { length: 36 },
        (_, t) =>
          `s,availability,aws,${zone.slice(0, -1)},${zone},,p3.2xlarge,V100,1,600,${t},${600 * t},,${Math.floor(t / 2) % 2},`,
      ),
    );
    writeFileSync(trace, [header, ...rows].join('\n'));
    const fleetOf = async (...more: string[]) => {
      const r = await replayFixture('--cloud-only', '--market', 'spot', '--json', ...more);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { fleet: { spotMarket: string; costUsd: number } }).fleet;
    };
    const calibrated = await fleetOf();
    expect(calibrated.spotMarket).toBe('calibrated model, seed 1');
    const traced = await fleetOf('--spot-trace', trace);
    expect(traced.spotMarket).toBe(trace);
    expect(traced.costUsd).not.toBe(calibrated.costUsd);
    const table = await replayFixture('--cloud-only', '--market', 'spot', '--spot-trace', trace);
    expect(table.out).toContain(`Cloud fleet (spot market: ${trace})`);
  });

  it.each([
    [['--spot-trace', 'x.csv'], /--spot-trace needs --cloud or --cloud-only/],
    [['--cloud', '--spot-trace', '/no/such/trace.csv'], /--spot-trace: .*no such file/i],
    [
      ['--cloud', '--regions', 'us-east-1,mars-1'],
      /--regions: unknown "mars-1"; known: .*us-east-1/,
    ],
    [['--cloud', '--clouds', 'ibm'], /--clouds: unknown "ibm"; known: aws, gcp, azure/],
    [['--regions', 'us-east-1'], /--regions needs --cloud or --cloud-only/],
  ])('refuses %j', async (more, error) => {
    const r = await replayFixture(...more);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(error);
  });

  it("refuses to shape a cluster's own elastic pools from flags, and compares with them on on-demand", async () => {
    const cluster = join(dir, 'elastic.yaml');
    writeFileSync(
      cluster,
      [
        'apiVersion: roam.dev/v1alpha1',
        'kind: NodePool',
        'metadata: { name: burst }',
        'spec: { placement: binpack, elastic: { market: spot, clouds: [aws], maxNodes: 4 } }',
        '---',
        'apiVersion: roam.dev/v1alpha1',
        'kind: Queue',
        'metadata: { name: alpha }',
        'spec: { quota: [{ nodePool: burst, deservedGpus: 8 }] }',
        '---',
        'apiVersion: roam.dev/v1alpha1',
        'kind: Queue',
        'metadata: { name: beta }',
        'spec: { quota: [{ nodePool: burst, deservedGpus: 8 }] }',
      ].join('\n'),
    );
    const replayOn = (...more: string[]) =>
      roam(['sim', 'replay', '--trace', `${fixtures}trace.jsonl`, '--cluster', cluster, ...more]);
    for (const flag of [
      ['--clouds', 'gcp'],
      ['--regions', 'us-east-1'],
      ['--market', 'on-demand'],
      ['--max-nodes', '9'],
    ]) {
      const refused = await replayOn('--cloud', ...flag);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(
        `${flag[0]}: the cluster declares its own elastic pool(s) burst; their specs say what they buy`,
      );
    }
    const r = await replayOn('--cloud', '--json');
    expect(r.err).toBe('');
    const fleet = (
      JSON.parse(r.out) as { fleet: { costUsd: number; onDemandRun: { costUsd: number } } }
    ).fleet;
    expect(fleet.onDemandRun.costUsd).toBeGreaterThan(fleet.costUsd);
  });

  it('prints a summary table with the queues', async () => {
    const r = await replayFixture('--policy', 'roam,spread');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/POLICY\s+DONE\s+JCT MEAN \(h\)/);
    expect(r.out).toMatch(/QUEUE\s+DESERVED/);
  });
});
