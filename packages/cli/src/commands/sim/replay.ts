import { defaultSchedulerConfig, placementPolicy } from '@roam/core';
import { FILL_POLICIES, isFillPolicy, replay, scaleArrivals, type ReplayReport } from '@roam/sim';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { ProgressBar } from '../../progress.js';
import { table } from '../../table.js';
import { loadCluster, loadTrace } from './load.js';
import { positiveNumber, required } from './options.js';
import { writeReplayOutputs } from './outputs.js';

export const replayHelp = `Usage: roam sim replay --trace TRACE --cluster CLUSTER --policy P[,P...] [--seed N]
                       [--arrival-scale X] [--checkpoint-seconds S] [--no-preemption]
                       [--json] [--out DIR] [--png]

Replays a workload trace with arrivals and departures through Roam's engine and
scheduler on a simulated cluster, and reports job completion time, queueing delay,
makespan, GPU allocation over time, preemptions, each queue's share against its fair
and deserved shares, and Jain's fairness index.

  --trace     Philly jobs CSV(.gz), an openb pod list (creation/deletion times), or Roam JSONL
  --cluster   Philly VC sizes CSV, an openb node list CSV, or YAML/JSON NodePools + Queues
  --policy    placement policy for every pool: ${FILL_POLICIES.join(', ')}
  --arrival-scale X   multiply arrival times by X (below 1 compresses: more load)
  --checkpoint-seconds S   time an evicted job takes to checkpoint before it stops (default 0)
  --cycle-seconds S   schedule at most every S seconds of simulated time (default 0: after
                      every batch of simultaneous events); larger is faster on long backlogs
  --no-preemption     turn preemption and reclaim off`;

/** `roam sim replay`. */
export async function replayCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      trace: { type: 'string' },
      cluster: { type: 'string' },
      policy: { type: 'string', default: 'roam' },
      seed: { type: 'string', default: '1' },
      'arrival-scale': { type: 'string' },
      'checkpoint-seconds': { type: 'string' },
      'cycle-seconds': { type: 'string' },
      'no-preemption': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      png: { type: 'boolean', default: false },
    },
  });
  const policies = values.policy.split(',');
  for (const p of policies)
    if (!isFillPolicy(p))
      throw new UsageError(
        `--policy: unknown policy ${JSON.stringify(p)}; known: ${FILL_POLICIES.join(', ')}`,
      );
  const seed = Number(values.seed);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got ${values.seed}`);
  const scale = positiveNumber('arrival-scale', values['arrival-scale'], 1);
  const checkpointMs =
    values['checkpoint-seconds'] === undefined ? 0 : Number(values['checkpoint-seconds']) * 1000;
  if (!(checkpointMs >= 0))
    throw new UsageError(
      `--checkpoint-seconds must be a number ≥ 0, got ${values['checkpoint-seconds']}`,
    );
  const cycleSeconds = values['cycle-seconds'] === undefined ? 0 : Number(values['cycle-seconds']);
  if (!(cycleSeconds >= 0))
    throw new UsageError(`--cycle-seconds must be a number ≥ 0, got ${values['cycle-seconds']}`);
  const clusterFile = required('cluster', values.cluster);
  const traceFile = required('trace', values.trace);
  const cluster = await loadCluster(clusterFile);
  const trace = scaleArrivals(await loadTrace(traceFile, cluster), scale);
  const reports: ReplayReport[] = [];
  for (const name of policies) {
    const bar = new ProgressBar(`replay ${name}`);
    const config = defaultSchedulerConfig({
      policyOverride: placementPolicy(name as Parameters<typeof placementPolicy>[0]),
      preemption: !values['no-preemption'],
      reclaim: !values['no-preemption'],
    });
    reports.push(
      replay(
        {
          trace,
          cluster,
          config,
          policyName: name,
          seed,
          checkpointMs,
          cycleIntervalMs: cycleSeconds * 1000,
          onProgress: (f) => bar.update(f),
        },
        () => performance.now(),
      ),
    );
    bar.done();
  }
  if (values.out !== undefined)
    await writeReplayOutputs(values.out, reports, {
      png: values.png,
      title: `${trace.source} on ${cluster.source}`,
    });
  const printable = reports.map(({ samples: _samples, ...rest }) => rest);
  if (values.json)
    io.out(JSON.stringify(printable.length === 1 ? printable[0] : printable, null, 2));
  else io.out(renderReplay(reports));
  return 0;
}

/** Side-by-side summary of replays, then the first one's queues. */
export function renderReplay(reports: readonly ReplayReport[]): string {
  const h = (s: number): string => (s / 3600).toFixed(2);
  const rows = reports.map((r) => [
    r.policy,
    `${r.completed}/${r.jobs}`,
    h(r.jctSeconds.mean),
    h(r.jctSeconds.p50),
    h(r.jctSeconds.p95),
    h(r.jctSeconds.p99),
    h(r.queueingDelaySeconds.mean),
    h(r.queueingDelaySeconds.p95),
    h(r.makespanSeconds),
    r.meanGpuAllocationPct.toFixed(1),
    String(r.preemptions),
    r.jainFairness.toFixed(3),
    `${(r.wallMs / 1000).toFixed(1)}s`,
  ]);
  const first = reports[0];
  const head = first ? `${first.trace} on ${first.cluster}` : '';
  const summary = table(
    [
      'POLICY',
      'DONE',
      'JCT MEAN (h)',
      'P50',
      'P95',
      'P99',
      'WAIT MEAN (h)',
      'WAIT P95',
      'MAKESPAN (h)',
      'GPU ALLOC %',
      'PREEMPTIONS',
      'JAIN',
      'WALL',
    ],
    rows,
  );
  const queues = first
    ? table(
        ['QUEUE', 'DESERVED', 'MEAN FAIR SHARE', 'MEAN ALLOCATED', 'ALLOCATED/FAIR'],
        first.queues.map((q) => [
          q.queue,
          String(q.deservedGpus),
          q.meanFairShareGpus.toFixed(2),
          q.meanAllocatedGpus.toFixed(2),
          q.shareOfFair.toFixed(3),
        ]),
      )
    : '';
  return `${head}\n\n${summary}\n\nQueues (${first?.policy ?? ''}), GPUs:\n${queues}`;
}
