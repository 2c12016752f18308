import {
  ClusterState,
  defaultSchedulerConfig,
  formatGpus,
  PLACEMENT_STRATEGIES,
  schedule,
  SeededRng,
  staticPoolNodes,
  toNodeInfo,
  toPoolInfo,
  toQueueInfo,
  toWorkloadInfo,
  type PlacementStrategy,
  type ScheduleResult,
} from '@roam/core';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../io.js';
import { table } from '../table.js';
import { loadFiles } from './load.js';

export const scheduleHelp = `Usage: roam schedule -f FILE [-f FILE ...] [--placement binpack|spread|fgd] [--seed N] [-o json]

Dry run of one scheduling cycle: reads NodePools (static machines), Nodes, Queues and
Workloads, and prints where each workload would be placed, what would be evicted, and
why the rest would wait. Nothing is applied anywhere.`;

/** `roam schedule -f FILE...`: what Roam would decide for these resources. */
export async function scheduleCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      filename: { type: 'string', short: 'f', multiple: true },
      placement: { type: 'string' },
      seed: { type: 'string', default: '1' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
  });
  const placement = values.placement;
  if (placement !== undefined && !(PLACEMENT_STRATEGIES as readonly string[]).includes(placement))
    throw new UsageError(
      `--placement must be one of ${PLACEMENT_STRATEGIES.join(', ')}, got ${placement}`,
    );
  const seed = Number(values.seed);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got ${values.seed}`);
  if (values.output !== undefined && values.output !== 'json')
    throw new UsageError(`-o must be json, got ${values.output}`);
  const { resources, errors } = await loadFiles(io, [...(values.filename ?? []), ...positionals]);
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    return 1;
  }
  const state = new ClusterState();
  const pools = [];
  const queues = [];
  let order = 0;
  for (const { resource } of resources) {
    if (resource.kind === 'NodePool') {
      pools.push(toPoolInfo(resource));
      for (const n of staticPoolNodes(resource)) state.addNode(n);
    } else if (resource.kind === 'Node') state.addNode(toNodeInfo(resource));
    else if (resource.kind === 'Queue') queues.push(toQueueInfo(resource));
  }
  state.setPools(pools);
  state.setQueues(queues);
  for (const { resource } of resources)
    if (resource.kind === 'Workload') state.submit(toWorkloadInfo(resource, order++));
  const config = defaultSchedulerConfig(
    placement !== undefined ? { defaultStrategy: placement as PlacementStrategy } : {},
  );
  const configured =
    placement !== undefined
      ? { ...config, policyOverride: config.policies[placement as PlacementStrategy] }
      : config;
  const result = schedule(state, configured, 0, new SeededRng(seed));
  if (values.output === 'json') io.out(JSON.stringify(toJson(result), null, 2));
  else io.out(render(result));
  return 0;
}

function toJson(result: ScheduleResult): unknown {
  const fairShares: Record<string, Record<string, number>> = {};
  for (const [queue, byPool] of result.fairShares)
    fairShares[queue] = Object.fromEntries(
      [...byPool].map(([pool, milli]) => [pool, Math.round(milli) / 1000]),
    );
  return {
    binds: result.binds,
    evictions: result.evictions,
    pending: result.pending,
    fairShareGpus: fairShares,
  };
}

function render(result: ScheduleResult): string {
  const rows = [
    ...result.binds.map((b) => [b.workload, 'Placed', b.reason]),
    ...result.evictions.map((e) => [e.workload, 'Evicted', e.reason]),
    ...result.pending.map((p) => [p.workload, 'Pending', p.reason]),
  ];
  const shares = [...result.fairShares].flatMap(([queue, byPool]) =>
    [...byPool].map(([pool, milli]) => [queue, pool, formatGpus(Math.round(milli))]),
  );
  return `${table(['WORKLOAD', 'DECISION', 'WHY'], rows)}\n\n${table(['QUEUE', 'POOL', 'FAIR SHARE (GPUs)'], shares)}`;
}
