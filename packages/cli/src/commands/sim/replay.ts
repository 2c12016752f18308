import { CLOUDS, defaultSchedulerConfig, placementPolicy } from '@roam/core';
import { builtinCatalog, type SpotMarketModel } from '@roam/adapters';
import {
  FILL_POLICIES,
  isFillPolicy,
  replay,
  scaleArrivals,
  spotMarket,
  firstJobs,
  withCheckpoints,
  withElasticPool,
  withOnDemandRun,
  type ClusterSpec,
  type ElasticReach,
  type ReplayReport,
} from '@roam/sim';
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
                       [--cloud | --cloud-only] [--market M] [--spot-trace FILE]
                       [--clouds LIST] [--regions LIST]
                       [--checkpoint-minutes M] [--conservative] [--max-nodes N]

Replays a workload trace with arrivals and departures through Roam's engine and
scheduler on a simulated cluster, and reports job completion time, queueing delay,
makespan, GPU allocation over time, preemptions, each queue's share against its fair
and deserved shares, and Jain's fairness index.

  --trace     Philly jobs CSV(.gz), an openb pod list (creation/deletion times), or Roam JSONL
  --cluster   Philly VC sizes CSV, an openb node list CSV, or YAML/JSON NodePools + Queues
  --policy    placement policy for every pool: ${FILL_POLICIES.join(', ')}
  --arrival-scale X   multiply arrival times by X (below 1 compresses: more load)
  --jobs N            replay only the first N jobs of the trace
  --checkpoint-seconds S   time an evicted job takes to checkpoint before it stops (default 0)
  --cycle-seconds S   schedule at most every S seconds of simulated time (default 0: after
                      every batch of simultaneous events); larger is faster on long backlogs
  --no-preemption     turn preemption and reclaim off
  --cloud             add elastic cloud capacity (Roam's built-in catalog, a spot market
                      calibrated from public traces): the provisioner launches for work
                      that fits nowhere, the mover moves work off risky spot capacity
  --cloud-only        run on elastic cloud capacity only (drop the cluster's own nodes)
  --conservative      with --cloud: only reactive and deadline moves (no proactive or
                      opportunistic ones)
  --max-nodes N       the elastic pool's maximum size (default 1000)
  --market M          what the elastic pool may buy: auto (default: spot or on-demand,
                      whichever is expected to cost less), spot, or on-demand. Unless
                      on-demand, each policy is also replayed on on-demand only, and the
                      report shows what the fleet saves against that run
  --checkpoint-minutes M   jobs that do not say otherwise checkpoint every M minutes
  --clouds LIST       with --cloud: the clouds the elastic pool may buy from (aws,gcp,azure;
                      default all)
  --regions LIST      with --cloud: the regions it may buy in (default all), e.g. the
                      regions a --spot-trace covers
  --spot-trace FILE   with --cloud: replay spot availability and prices from a trace in
                      the zones it covers, from the replay's start and looped (an instance
                      type it recorded at its prices; others from their own offset in the
                      zone's series, prices scaled to the catalog's); other places use the
                      calibrated market. Formats as for roam sim spot

A cluster that declares its own elastic pools keeps them (no pool is added): --market,
--max-nodes, --clouds and --regions are then refused, and the on-demand run makes them
buy on-demand only.`;

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
      cloud: { type: 'boolean', default: false },
      'cloud-only': { type: 'boolean', default: false },
      conservative: { type: 'boolean', default: false },
      'max-nodes': { type: 'string' },
      jobs: { type: 'string' },
      market: { type: 'string' },
      'checkpoint-minutes': { type: 'string' },
      'spot-trace': { type: 'string' },
      clouds: { type: 'string' },
      regions: { type: 'string' },
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
  const withCloud = values.cloud || values['cloud-only'];
  const market = values.market ?? 'auto';
  if (market !== 'auto' && market !== 'spot' && market !== 'on-demand')
    throw new UsageError(`--market must be auto, spot or on-demand, got ${market}`);
  const spotTrace = values['spot-trace'];
  if (spotTrace !== undefined && !withCloud)
    throw new UsageError('--spot-trace needs --cloud or --cloud-only (it is the cloud’s market)');
  const reach = elasticReach(values.clouds, values.regions, withCloud);
  const marketAt = await spotMarketOf(spotTrace, seed);
  const loaded = await loadCluster(clusterFile);
  if (withCloud) refuseReachOfOwnPools(loaded, values);
  const maxNodes = positiveNumber('max-nodes', values['max-nodes'], 1000);
  const clusterFor = (m: typeof market) =>
    withElasticPool(loaded, values['cloud-only'], maxNodes, m, reach);
  const cluster = withCloud ? clusterFor(market) : loaded;
  // A fleet that may buy spot is compared with the same replay on on-demand only.
  const baselineCluster = withCloud && market !== 'on-demand' ? clusterFor('on-demand') : undefined;
  const loadedTrace = await loadTrace(traceFile, cluster);
  const jobs = values.jobs === undefined ? undefined : positiveNumber('jobs', values.jobs, 0);
  if (jobs !== undefined && !Number.isInteger(jobs))
    throw new UsageError(`--jobs must be a whole number above 0, got ${values.jobs}`);
  const scaled = scaleArrivals(
    jobs === undefined ? loadedTrace : firstJobs(loadedTrace, jobs),
    scale,
  );
  const checkpointMinutes = values['checkpoint-minutes'];
  const trace =
    checkpointMinutes === undefined
      ? scaled
      : withCheckpoints(
          scaled,
          positiveNumber('checkpoint-minutes', checkpointMinutes, 30) * 60_000,
        );
  // A fresh market per run: runs share no state.
  const cloudFor = () =>
    withCloud
      ? {
          catalog: builtinCatalog(),
          market: marketAt(0),
          marketName: spotTrace ?? `calibrated model, seed ${seed}`,
          ...(values.conservative ? { conservative: true } : {}),
        }
      : undefined;
  const run = (name: string, on: typeof cluster, label: string): ReplayReport => {
    const bar = new ProgressBar(label);
    const config = defaultSchedulerConfig({
      policyOverride: placementPolicy(name as Parameters<typeof placementPolicy>[0]),
      preemption: !values['no-preemption'],
      reclaim: !values['no-preemption'],
    });
    const cloud = cloudFor();
    const report = replay(
      {
        trace,
        cluster: on,
        config,
        policyName: name,
        seed,
        checkpointMs,
        cycleIntervalMs: cycleSeconds * 1000,
        ...(cloud ? { cloud } : {}),
        onProgress: (f) => bar.update(f),
      },
      () => performance.now(),
    );
    bar.done();
    return report;
  };
  const reports: ReplayReport[] = policies.map((name) => {
    const report = run(name, cluster, `replay ${name}`);
    return baselineCluster === undefined
      ? report
      : withOnDemandRun(report, run(name, baselineCluster, `replay ${name} on on-demand only`));
  });
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

/**
 * A cluster that declares its own elastic pools says in their specs what they buy: the
 * flags that would shape the added pool are refused rather than ignored.
 */
function refuseReachOfOwnPools(
  cluster: ClusterSpec,
  values: Partial<Record<'market' | 'clouds' | 'regions' | 'max-nodes', string>>,
): void {
  const own = cluster.pools.filter((p) => p.elastic !== undefined).map((p) => p.name);
  if (own.length === 0) return;
  for (const flag of ['market', 'clouds', 'regions', 'max-nodes'] as const)
    if (values[flag] !== undefined)
      throw new UsageError(
        `--${flag}: the cluster declares its own elastic pool(s) ${own.join(', ')}; their specs say what they buy`,
      );
}

/** `--clouds` and `--regions`, checked: known clouds, regions of the catalog. */
function elasticReach(
  clouds: string | undefined,
  regions: string | undefined,
  withCloud: boolean,
): ElasticReach {
  const list = (flag: string, value: string | undefined, known: readonly string[]) => {
    if (value === undefined) return [];
    if (!withCloud) throw new UsageError(`--${flag} needs --cloud or --cloud-only`);
    const items = value.split(',').map((v) => v.trim());
    for (const item of items)
      if (!known.includes(item))
        throw new UsageError(
          `--${flag}: unknown ${JSON.stringify(item)}; known: ${known.join(', ')}`,
        );
    return items;
  };
  const catalog = builtinCatalog().offerings;
  return {
    clouds: list('clouds', clouds, CLOUDS),
    regions: list('regions', regions, [...new Set(catalog.map((o) => o.region))].sort()),
  };
}

/** The market factory of `--spot-trace` (or the calibrated one), its problems as usage errors. */
async function spotMarketOf(
  traceFile: string | undefined,
  seed: number,
): Promise<(startMs: number) => SpotMarketModel> {
  try {
    return await spotMarket(traceFile, seed);
  } catch (e) {
    throw new UsageError(`--spot-trace: ${(e as Error).message}`);
  }
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
  const fleets = reports.filter((r) => r.fleet);
  const fleet =
    fleets.length > 0
      ? `\n\nCloud fleet (spot market: ${fleets[0]?.fleet?.spotMarket}):\n${table(
          [
            'POLICY',
            'COST',
            'ON-DEMAND RUN',
            'SAVED',
            'GPU-H SPOT / ON-DEMAND',
            'LAUNCHES',
            'RECLAIMS',
            'MIGRATIONS',
            'GPU-H LOST TO RECLAIMS',
            'DEADLINES MISSED',
          ],
          fleets.map((r) => {
            const f = r.fleet as NonNullable<ReplayReport['fleet']>;
            return [
              r.policy,
              `$${f.costUsd.toFixed(2)}`,
              f.onDemandRun ? `$${f.onDemandRun.costUsd.toFixed(2)}` : '-',
              f.onDemandRun ? `${f.onDemandRun.savingsPct.toFixed(1)}%` : '-',
              `${f.gpuHours.spot} / ${f.gpuHours.onDemand}`,
              String(f.launches),
              String(f.reclaims),
              String(f.migrations),
              String(r.gpuHoursLostToReclaims ?? 0),
              String(r.deadlinesMissed ?? 0),
            ];
          }),
        )}`
      : '';
  return `${head}\n\n${summary}${fleet}\n\nQueues (${first?.policy ?? ''}), GPUs:\n${queues}`;
}
