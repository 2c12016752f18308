import { stringify as toYaml } from 'yaml';
import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { table } from '../../table.js';
import {
  age,
  clientFor,
  collection,
  CONNECTION_HELP,
  explainApiError,
  resolveKind,
} from './common.js';

export const getHelp = `Usage: roam get workloads|queues|nodepools|colonies|nodes|offers [NAME] [-o wide|json|yaml]
                [-l LABEL_SELECTOR] [--field-selector FIELD_SELECTOR]

Lists resources (or shows one) from the Roam server.
  -l, --selector        e.g. team=nlp,tier!=dev
  --field-selector      e.g. spec.queue=nlp,status.phase=Running
${CONNECTION_HELP}`;

type Doc = {
  metadata: { name: string; labels?: Record<string, string>; creationTimestamp?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

/** `roam get KIND [NAME]`. */
export async function getCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, client } = await clientFor(args, {
    output: { type: 'string', short: 'o' },
    selector: { type: 'string', short: 'l' },
    'field-selector': { type: 'string' },
  });
  const [word, name] = positionals;
  const { plural, kind } = resolveKind(word);
  const output = values.output as string | undefined;
  if (output !== undefined && !['wide', 'json', 'yaml'].includes(output))
    throw new UsageError(`-o must be wide, json or yaml, got ${output}`);
  const query = new URLSearchParams();
  if (typeof values.selector === 'string') query.set('labelSelector', values.selector);
  if (typeof values['field-selector'] === 'string')
    query.set('fieldSelector', values['field-selector']);
  try {
    const path =
      name !== undefined
        ? `${collection(plural)}/${encodeURIComponent(name)}`
        : `${collection(plural)}${query.size > 0 ? `?${query}` : ''}`;
    const body = await client.request<Doc | { items: Doc[] }>('GET', path);
    if (output === 'json') return (io.out(JSON.stringify(body, null, 2)), 0);
    if (output === 'yaml') return (io.out(toYaml(body).trimEnd()), 0);
    const items = 'items' in body ? body.items : [body];
    if (items.length === 0) {
      io.err(`no ${plural} found`);
      return 0;
    }
    io.out(render(kind, items, output === 'wide', client.serverTime));
    return 0;
  } catch (e) {
    return explainApiError(e);
  }
}

function render(kind: string, items: readonly Doc[], wide: boolean, now: number): string {
  switch (kind) {
    case 'Workload':
      return table(
        [
          'NAME',
          'QUEUE',
          'CLASS',
          'PHASE',
          'GPUS',
          'AGE',
          ...(wide ? ['PRIORITY', 'PREEMPTIONS', 'NODES'] : []),
          'REASON',
        ],
        items.map((d) => {
          const s = d.spec ?? {};
          const t = (s.template ?? {}) as { gpu?: number };
          const st = d.status ?? {};
          const nodes = ((st.placements as { node: string }[] | undefined) ?? []).map(
            (p) => p.node,
          );
          return [
            d.metadata.name,
            String(s.queue ?? ''),
            String(s.class ?? 'training'),
            String(st.phase ?? 'Pending'),
            `${Number(s.replicas ?? 1)}×${t.gpu ?? 0}`,
            age(d.metadata.creationTimestamp, now),
            ...(wide
              ? [
                  String(s.priority ?? '-'),
                  String(st.preemptions ?? 0),
                  [...new Set(nodes)].join(',') || '-',
                ]
              : []),
            truncate(String(st.reason ?? ''), wide ? 200 : 70),
          ];
        }),
      );
    case 'Queue':
      return table(
        ['NAME', 'PARENT', 'QUOTA (pool: deserved/limit, weight)', 'AGE'],
        items.map((d) => {
          const s = d.spec ?? {};
          const quota = (
            (s.quota as
              | {
                  nodePool: string;
                  deservedGpus?: number;
                  limitGpus?: number;
                  overQuotaWeight?: number;
                }[]
              | undefined) ?? []
          )
            .map(
              (q) =>
                `${q.nodePool}: ${q.deservedGpus ?? 0}/${q.limitGpus === undefined || q.limitGpus === -1 ? '∞' : q.limitGpus}, w${q.overQuotaWeight ?? 1}`,
            )
            .join('; ');
          return [
            d.metadata.name,
            String(s.parent ?? '-'),
            quota || '-',
            age(d.metadata.creationTimestamp, now),
          ];
        }),
      );
    case 'NodePool':
      return table(
        ['NAME', 'TYPE', 'PLACEMENT', 'CAPACITY', 'AGE'],
        items.map((d) => {
          const s = d.spec ?? {};
          const machines = (
            (
              s.static as
                { machines?: { count?: number; gpus?: number; gpuModel?: string }[] } | undefined
            )?.machines ?? []
          )
            .map((m) => `${m.count ?? 1}× ${m.gpus ?? 0}×${m.gpuModel ?? 'CPU'}`)
            .join(', ');
          const elastic = s.elastic as
            { maxNodes?: number; market?: string; gpuModels?: string[] } | undefined;
          const capacity = elastic
            ? `up to ${elastic.maxNodes} nodes (${elastic.market ?? 'auto'}${elastic.gpuModels?.length ? `, ${elastic.gpuModels.join('/')}` : ''})`
            : machines;
          return [
            d.metadata.name,
            elastic ? 'elastic' : 'static',
            String(s.placement ?? 'roam'),
            capacity,
            age(d.metadata.creationTimestamp, now),
          ];
        }),
      );
    case 'Colony':
      return table(
        ['NAME', 'LIFETIME', 'POOLS', 'NODES', 'GPUS', 'RUNNING', 'PHASE', 'DEPENDENCIES', 'AGE'],
        items.map((d) => {
          const s = d.spec ?? {};
          const st = (d.status ?? {}) as {
            nodes?: number;
            gpus?: number;
            runningWorkloads?: number;
            phase?: string;
          };
          const deps = ((s.dependencies as { name: string; version?: string }[]) ?? [])
            .map((x) => (x.version ? `${x.name}@${x.version}` : x.name))
            .join(', ');
          return [
            d.metadata.name,
            String(s.lifetime ?? 'persistent'),
            ((s.nodePools as string[]) ?? []).join(','),
            String(st.nodes ?? 0),
            String(st.gpus ?? 0),
            String(st.runningWorkloads ?? 0),
            String(st.phase ?? '-'),
            truncate(deps || '-', 60),
            age(d.metadata.creationTimestamp, now),
          ];
        }),
      );
    case 'Node':
      return table(
        [
          'NAME',
          'POOL',
          'GPUS',
          'GPU ALLOCATION',
          'MARKET',
          'STATUS',
          ...(wide ? ['ZONE', 'PRICE/H', 'WORKLOADS'] : []),
        ],
        items.map((d) => {
          const st = d.status ?? {};
          const alloc = (st.allocation ?? {}) as {
            gpuAllocation?: number[];
            workloads?: string[];
            schedulable?: boolean;
          };
          const fill = (alloc.gpuAllocation ?? []).map((a) => bar(a)).join(' ');
          const status = st.cordoned ? 'Cordoned' : String(st.lifecycle ?? 'Ready');
          return [
            d.metadata.name,
            String(st.pool ?? ''),
            `${st.gpus ?? 0}×${st.gpuModel ?? '-'}`,
            fill || '-',
            String(st.market ?? 'on-prem'),
            status,
            ...(wide
              ? [
                  String(st.zone ?? '-'),
                  st.pricePerHour !== undefined ? `$${Number(st.pricePerHour).toFixed(2)}` : '-',
                  (alloc.workloads ?? []).join(',') || '-',
                ]
              : []),
          ];
        }),
      );
    default:
      return table(
        ['NAME', 'SUMMARY'],
        items.map((d) => [d.metadata.name, truncate(JSON.stringify(d.spec ?? {}), 100)]),
      );
  }
}

/** A GPU's fill as a tiny bar: ▁▂▃▄▅▆▇█ (empty GPUs are ·). */
function bar(share: number): string {
  if (share <= 0) return '·';
  const blocks = '▁▂▃▄▅▆▇█';
  return blocks[Math.min(7, Math.max(0, Math.ceil(share * 8) - 1))] ?? '█';
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
