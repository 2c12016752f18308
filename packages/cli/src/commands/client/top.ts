import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { table } from '../../table.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError } from './common.js';

export const topHelp = `Usage: roam top queues|nodes [-o json]

queues: each queue's deserved, fair-share, allocated and pending GPUs, workloads and cost per hour.
nodes:  each node's GPU, CPU and memory use, market and price.
${CONNECTION_HELP}`;

interface QueueStatus {
  name: string;
  parent?: string;
  deservedGpus: number;
  limitGpus: number | null;
  fairShareGpus: number;
  allocatedGpus: number;
  pendingGpus: number;
  runningWorkloads: number;
  pendingWorkloads: number;
  costPerHour: number;
}

/** `roam top queues|nodes`. */
export async function topCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, client } = await clientFor(args, {
    output: { type: 'string', short: 'o' },
  });
  const what = positionals[0];
  try {
    if (what === 'queues' || what === 'queue') {
      const { items } = await client.request<{ items: QueueStatus[] }>(
        'GET',
        collection('queuestatus'),
      );
      if (values.output === 'json') return (io.out(JSON.stringify(items, null, 2)), 0);
      io.out(
        table(
          [
            'QUEUE',
            'PARENT',
            'DESERVED',
            'FAIR SHARE',
            'ALLOCATED',
            'PENDING',
            'RUNNING',
            'WAITING',
            'COST/H',
          ],
          items.map((q) => [
            q.name,
            q.parent ?? '-',
            gpus(q.deservedGpus),
            gpus(q.fairShareGpus),
            `${gpus(q.allocatedGpus)}${q.allocatedGpus > q.deservedGpus ? ' (borrowing)' : ''}`,
            gpus(q.pendingGpus),
            String(q.runningWorkloads),
            String(q.pendingWorkloads),
            `$${q.costPerHour.toFixed(2)}`,
          ]),
        ),
      );
      return 0;
    }
    if (what === 'nodes' || what === 'node') {
      const { items } = await client.request<{
        items: { metadata: { name: string }; status: Record<string, unknown> }[];
      }>('GET', collection('nodes'));
      if (values.output === 'json') return (io.out(JSON.stringify(items, null, 2)), 0);
      io.out(
        table(
          [
            'NODE',
            'POOL',
            'GPU',
            'GPU USED',
            'CPU USED',
            'MEMORY USED',
            'MARKET',
            'PRICE/H',
            'WORKLOADS',
          ],
          items.map((n) => {
            const st = n.status;
            const a = (st.allocation ?? {}) as {
              gpuAllocation?: number[];
              cpu?: { allocatedMilli: number; capacityMilli: number };
              memory?: { allocatedMiB: number; capacityMiB: number };
              workloads?: string[];
            };
            const used = (a.gpuAllocation ?? []).reduce((x, y) => x + y, 0);
            return [
              n.metadata.name,
              String(st.pool ?? ''),
              `${String(st.gpus ?? 0)}×${String(st.gpuModel ?? '-')}`,
              `${gpus(used)}/${String(st.gpus ?? 0)}`,
              a.cpu ? pct(a.cpu.allocatedMilli, a.cpu.capacityMilli) : '-',
              a.memory ? pct(a.memory.allocatedMiB, a.memory.capacityMiB) : '-',
              String(st.market ?? 'on-prem'),
              st.pricePerHour !== undefined ? `$${Number(st.pricePerHour).toFixed(2)}` : '-',
              String(a.workloads?.length ?? 0),
            ];
          }),
        ),
      );
      return 0;
    }
  } catch (e) {
    return explainApiError(e);
  }
  throw new UsageError(
    `top shows queues or nodes, got ${what === undefined ? 'nothing' : JSON.stringify(what)}`,
  );
}

function gpus(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function pct(a: number, b: number): string {
  return b > 0 ? `${Math.round((100 * a) / b)}%` : '-';
}
