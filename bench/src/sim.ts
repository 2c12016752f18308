/**
 * Simulator benchmark: one FGD fill run (default openb trace, one seed) for the `fgd` and
 * `roam` policies, and the full Philly replay (82k jobs). Prints one JSON object.
 *
 *   npm run -s bench:sim -- --json [--data ../shared/data] [--seed 42]
 */
import { defaultSchedulerConfig, placementPolicy } from '@roam/core';
import {
  fillExperiment,
  fillPolicy,
  loadTraceFile,
  readOpenbNodes,
  readOpenbPods,
  readTraceText,
  replay,
} from '@roam/sim';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataDir, flags, intFlag } from './args.js';

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const data = dataDir(f);
  if (!existsSync(data))
    throw new Error(`no data folder at ${data}: give --data DIR (see ../shared/data/README.md)`);
  const seed = intFlag(f, 'seed', 42);
  const report: Record<string, unknown> = { benchmark: 'sim', node: process.version };

  const nodesFile = join(data, 'openb/openb_node_list_gpu_node.csv');
  const podsFile = join(data, 'openb/openb_pod_list_default.csv');
  const nodes = readOpenbNodes(await readTraceText(nodesFile), nodesFile).nodes;
  const pods = readOpenbPods(await readTraceText(podsFile), podsFile);
  for (const policy of ['fgd', 'roam'] as const) {
    const r = fillExperiment(
      {
        nodes,
        pods,
        policyName: policy,
        policy: fillPolicy(policy, nodes),
        seeds: [seed],
        inflate: 1.3,
      },
      () => performance.now(),
    );
    const placements = r.placed + r.failed;
    report[`fill_${policy}`] = {
      trace: 'openb_pod_list_default',
      seed,
      podsArrived: placements,
      wallMs: r.wallMs,
      eventsPerSec: Math.round(placements / (r.wallMs / 1000)),
      unallocatedAt100Pct: r.unallocatedAt100Pct,
    };
  }

  const cluster = await loadTraceFile(join(data, 'philly/philly_vc_nodes.csv'));
  if ('jobs' in cluster) throw new Error('philly_vc_nodes.csv did not load as a cluster');
  const trace = await loadTraceFile(join(data, 'philly/philly_jobs.csv.gz'), {
    phillyJobs: { queues: new Set(cluster.queues.map((q) => q.name)) },
  });
  if (!('jobs' in trace)) throw new Error('philly_jobs.csv.gz did not load as a trace');
  const config = defaultSchedulerConfig({ policyOverride: placementPolicy('roam') });
  const r = replay({ trace, cluster, config, policyName: 'roam', seed, keepLog: false }, () =>
    performance.now(),
  );
  report.philly_replay = {
    jobs: r.jobs,
    completed: r.completed,
    events: r.events,
    cycles: r.cycles,
    wallMs: r.wallMs,
    eventsPerSec: Math.round(r.events / (r.wallMs / 1000)),
    meanJctSeconds: r.jctSeconds.mean,
  };
  process.stdout.write(`${JSON.stringify(report, null, f.has('json') ? undefined : 2)}\n`);
}

await main();
