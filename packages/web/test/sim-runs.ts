import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../roam/bin/roam.js', import.meta.url).pathname;
const simFixture = (name: string): string =>
  new URL(`../../sim/test/fixtures/${name}`, import.meta.url).pathname;

/**
 * A small openb-format cluster (A100, T4 and V100 machines) and a list of 400 pods of
 * mixed sizes, the same every time (a fixed linear congruential sequence).
 */
function openbFiles(dir: string): { nodes: string; pods: string } {
  const nodes = join(dir, 'nodes.csv');
  const pods = join(dir, 'pods.csv');
  const machines = [
    ...Array.from({ length: 12 }, () => '8,A100'),
    ...Array.from({ length: 10 }, () => '4,T4'),
    ...Array.from({ length: 6 }, () => '2,V100'),
  ];
  writeFileSync(
    nodes,
    [
      'sn,cpu_milli,memory_mib,gpu,model',
      ...machines.map((m, i) => `n${i},64000,262144,${m}`),
    ].join('\n'),
  );
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const shapes = [
    [1, 1000],
    [1, 500],
    [1, 250],
    [2, 1000],
    [1, 1000],
    [4, 1000],
    [1, 750],
    [8, 1000],
  ] as const;
  const rows = Array.from({ length: 400 }, (_, i) => {
    const [n, m] = shapes[next(shapes.length)] ?? [1, 1000];
    return `p${i},${1000 + next(8) * 1000},${4096 + next(8) * 4096},${n},${m},`;
  });
  writeFileSync(pods, ['name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec', ...rows].join('\n'));
  return { nodes, pods };
}

/**
 * Runs the real `roam sim` binary (it must be built) and returns the `--out` folders of a
 * fill comparison of three policies and a replay of two.
 */
export function simRuns(): { fill: string; replay: string } {
  const dir = mkdtempSync(join(tmpdir(), 'roam-web-sim-'));
  const { nodes, pods } = openbFiles(dir);
  const fill = join(dir, 'fill');
  const replay = join(dir, 'replay');
  const run = (args: string[]) =>
    execFileSync(process.execPath, [bin, 'sim', ...args], { stdio: 'pipe' });
  run([
    'compare',
    '--policies',
    'binpack,spread,roam',
    '--nodes',
    nodes,
    '--pods',
    pods,
    '--seeds',
    '1-3',
    '--out',
    fill,
  ]);
  run([
    'replay',
    '--trace',
    simFixture('trace.jsonl'),
    '--cluster',
    simFixture('cluster.yaml'),
    '--policy',
    'binpack,spread',
    '--out',
    replay,
  ]);
  return { fill, replay };
}
