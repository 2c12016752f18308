/**
 * Reproduces the FGD paper's experiment on all 16 published openb traces with the six
 * paper policies and Roam's, 10 seeds each, and writes the comparison with the published
 * numbers to docs/results/fgd-reproduction.md (and .json). Runs in parallel workers.
 *
 *   npm run -s repro:fgd -- [--data ../shared/data] [--seeds 42-51] [--workers N] [--traces default,cpu050]
 */
import { FGD_PAPER_POLICIES, type PlacementPolicyName } from '@roam/core';
import {
  fillExperiment,
  fillPolicy,
  readOpenbNodes,
  readOpenbPods,
  readTraceText,
} from '@roam/sim';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { dataDir, flags } from './args.js';

/** The traces whose results the FGD artifact published. */
const TRACES = [
  'default',
  'cpu050',
  'cpu100',
  'cpu200',
  'cpu250',
  'gpushare40',
  'gpushare80',
  'gpushare100',
  'multigpu20',
  'multigpu30',
  'multigpu40',
  'multigpu50',
  'gpuspec10',
  'gpuspec20',
  'gpuspec25',
  'gpuspec33',
];
const POLICIES: PlacementPolicyName[] = [...FGD_PAPER_POLICIES, 'roam'];
/** The published policy names, in the artifact's spelling. */
const PUBLISHED_NAME: Partial<Record<PlacementPolicyName, string>> = {
  random: '01-Random',
  dotprod: '02-DotProd',
  clustering: '03-GpuClustering',
  packing: '04-GpuPacking',
  bestfit: '05-BestFit',
  fgd: '06-FGD',
};

interface Job {
  trace: string;
  policy: PlacementPolicyName;
  seeds: number[];
  data: string;
}
interface Result {
  trace: string;
  policy: PlacementPolicyName;
  unallocated: number;
  bySeed: number[];
  wallMs: number;
}

async function runJob(job: Job): Promise<Result> {
  const nodesFile = join(job.data, 'openb/openb_node_list_gpu_node.csv');
  const podsFile = join(job.data, `openb/openb_pod_list_${job.trace}.csv`);
  const nodes = readOpenbNodes(await readTraceText(nodesFile), nodesFile).nodes;
  const pods = readOpenbPods(await readTraceText(podsFile), podsFile);
  const r = fillExperiment(
    {
      nodes,
      pods,
      policyName: job.policy,
      policy: fillPolicy(job.policy, nodes),
      seeds: job.seeds,
      inflate: 1.3,
    },
    () => performance.now(),
  );
  return {
    trace: job.trace,
    policy: job.policy,
    unallocated: r.unallocatedAt100Pct,
    bySeed: r.unallocatedAt100PctBySeed,
    wallMs: r.wallMs,
  };
}

function published(data: string): Map<string, number> {
  const text = readFileSync(join(data, 'published/fgd_atc23_summary.csv'), 'utf8');
  const out = new Map<string, number>();
  const [header, ...rows] = text.trim().split('\n');
  const cols = (header ?? '').split(',');
  const at = (name: string): number => cols.indexOf(name);
  for (const row of rows) {
    const v = row.split(',');
    if (v[at('metric')] !== 'gpu_alloc_ratio_pct' || v[at('arrived_gpu_request_pct')] !== '100')
      continue;
    const trace = (v[at('workload')] ?? '').replace('openb_pod_list_', '');
    out.set(`${trace}|${v[at('policy')]}`, Math.round((100 - Number(v[at('mean')])) * 100) / 100);
  }
  return out;
}

function parseSeeds(text: string): number[] {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (m) return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
  return text.split(',').map(Number);
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const data = dataDir(f);
  const seeds = parseSeeds(
    typeof f.get('seeds') === 'string' ? (f.get('seeds') as string) : '42-51',
  );
  const traces =
    typeof f.get('traces') === 'string' ? (f.get('traces') as string).split(',') : TRACES;
  const workers = Number(f.get('workers') ?? availableParallelism());
  const jobs: Job[] = traces.flatMap((trace) =>
    POLICIES.map((policy) => ({ trace, policy, seeds, data })),
  );
  const results: Result[] = [];
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, workers) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as Job;
        const result = await new Promise<Result>((ok, fail) => {
          const w = new Worker(fileURLToPath(import.meta.url), { workerData: job });
          w.once('message', ok);
          w.once('error', fail);
        });
        results.push(result);
        process.stderr.write(
          `${results.length}/${jobs.length} ${result.trace} ${result.policy}: ${result.unallocated.toFixed(2)}%\n`,
        );
      }
    }),
  );
  const pub = published(data);
  const key = (r: Result): string => `${r.trace}|${r.policy}`;
  const byKey = new Map(results.map((r) => [key(r), r]));
  const lines: string[] = [];
  lines.push('# FGD reproduction: unallocated GPU (%) at 100% arrived load');
  lines.push('');
  lines.push(
    `Generated by \`npm run -s repro:fgd\` (bench/src/fgd-reproduction.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${seeds.length} seeds (${seeds[0]}–${seeds[seeds.length - 1]}), inflation 130%, ${((performance.now() - start) / 60000).toFixed(1)} min with ${workers} workers. Lower is better.`,
  );
  lines.push(
    "Each cell: Roam's run / the published number (FGD artifact, mean of 10 seeds) and the difference. The last columns compare Roam's own policy with the published FGD.",
  );
  lines.push('');
  lines.push(`| trace | ${FGD_PAPER_POLICIES.join(' | ')} | roam | roam vs FGD (published) |`);
  lines.push(`|---|${FGD_PAPER_POLICIES.map(() => '---').join('|')}|---|---|`);
  let within = 0;
  let cells = 0;
  let wins = 0;
  for (const trace of traces) {
    const cellsOf = FGD_PAPER_POLICIES.map((p) => {
      const r = byKey.get(`${trace}|${p}`);
      const ref = pub.get(`${trace}|${PUBLISHED_NAME[p]}`);
      if (!r || ref === undefined) return '–';
      const d = r.unallocated - ref;
      cells++;
      if (Math.abs(d) <= 0.5) within++;
      return `${r.unallocated.toFixed(2)} / ${ref.toFixed(2)} (${d >= 0 ? '+' : ''}${d.toFixed(2)})`;
    });
    const roam = byKey.get(`${trace}|roam`);
    const fgdRef = pub.get(`${trace}|06-FGD`);
    const gain = roam && fgdRef !== undefined ? fgdRef - roam.unallocated : undefined;
    if (gain !== undefined && gain >= 0) wins++;
    lines.push(
      `| ${trace} | ${cellsOf.join(' | ')} | ${roam ? roam.unallocated.toFixed(2) : '–'} | ${gain === undefined ? '–' : `${gain >= 0 ? '−' : '+'}${Math.abs(gain).toFixed(2)} pts (${((100 * gain) / (fgdRef ?? 1)).toFixed(0)}% fewer)`} |`,
    );
  }
  lines.push('');
  lines.push(
    `Within ±0.5 points of the published number: ${within} of ${cells} cells. Roam at or below published FGD: ${wins} of ${traces.length} traces.`,
  );
  await mkdir(join(here, '../../docs/results'), { recursive: true });
  await writeFile(join(here, '../../docs/results/fgd-reproduction.md'), `${lines.join('\n')}\n`);
  await writeFile(
    join(here, '../../docs/results/fgd-reproduction.json'),
    `${JSON.stringify({ seeds, results: results.sort((a, b) => key(a).localeCompare(key(b))) }, null, 2)}\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (isMainThread) await main();
else parentPort?.postMessage(await runJob(workerData as Job));
