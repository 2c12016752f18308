import { parseCpuMilli, parseDurationMs, parseMemoryMiB } from '../units.js';
import type { FieldError } from './errors.js';
import type { Resource } from './meta.js';
import type { FieldReader } from './reader.js';

/** How the scheduler picks nodes in a pool. */
export type PlacementStrategy = 'roam' | 'binpack' | 'spread' | 'fgd';
export const PLACEMENT_STRATEGIES: readonly PlacementStrategy[] = [
  'roam',
  'binpack',
  'spread',
  'fgd',
];

/** Where a node's capacity comes from. */
export type NodeMarket = 'on-prem' | 'on-demand' | 'spot';
export const NODE_MARKETS: readonly NodeMarket[] = ['on-prem', 'on-demand', 'spot'];

/** A group of identical machines in a static pool. */
export interface MachineGroup {
  count: number;
  gpuModel?: string;
  gpus: number;
  cpuMilli: number;
  memoryMiB: number;
  labels: Record<string, string>;
}

/** Cloud capacity a pool may launch. */
export interface ElasticSpec {
  clouds: string[];
  regions: string[];
  instanceTypes: string[];
  gpuModels: string[];
  market: 'spot' | 'on-demand' | 'auto';
  minNodes: number;
  maxNodes: number;
  /** Idle nodes are removed after this long, ms. */
  idleTtlMs: number;
}

/** The normalised spec of a NodePool: static machines, or elastic cloud capacity. */
export interface NodePoolSpec {
  placement: PlacementStrategy;
  /** Labels every node of the pool carries. */
  labels: Record<string, string>;
  static?: { machines: MachineGroup[] };
  elastic?: ElasticSpec;
}

/** A NodePool document. */
export type NodePool = Resource<'NodePool', NodePoolSpec>;

/** Reads and checks a NodePool's `spec`. */
export function readNodePoolSpec(
  root: FieldReader,
  errors: FieldError[],
): NodePoolSpec | undefined {
  const s = root.object('spec', true);
  if (!s) return undefined;
  const start = errors.length;
  const placement = (s.string('placement', { oneOf: PLACEMENT_STRATEGIES }) ??
    'roam') as PlacementStrategy;
  const labels = s.stringMap('labels') ?? {};
  const staticReader = s.object('static');
  const machines = staticReader ? readMachines(staticReader) : undefined;
  const elasticReader = s.object('elastic');
  const elastic = elasticReader ? readElastic(elasticReader) : undefined;
  s.rejectUnknown();
  if (staticReader && elasticReader)
    s.error('elastic', 'a node pool is either static or elastic, not both');
  if (!staticReader && !elasticReader)
    s.error('static', 'a node pool needs static machines or elastic capacity');
  if (errors.length > start) return undefined;
  const spec: NodePoolSpec = { placement, labels };
  if (machines) spec.static = { machines };
  if (elastic) spec.elastic = elastic;
  return spec;
}

function readMachines(r: FieldReader): MachineGroup[] {
  const groups = r.objectList('machines', true) ?? [];
  r.rejectUnknown();
  const out: MachineGroup[] = [];
  for (const g of groups) {
    const count = g.number('count', { integer: true, min: 1, max: 100_000 }) ?? 1;
    const gpuModel = g.string('gpuModel');
    const gpus = g.number('gpus', { integer: true, min: 0, max: 64 }) ?? 0;
    const cpuMilli = g.parsed('cpu', parseCpuMilli, true);
    const memoryMiB = g.parsed('memory', parseMemoryMiB, true);
    const labels = g.stringMap('labels') ?? {};
    g.rejectUnknown();
    if (gpus > 0 && gpuModel === undefined) g.error('gpuModel', 'is required when gpus is above 0');
    if (cpuMilli === undefined || memoryMiB === undefined) continue;
    const group: MachineGroup = { count, gpus, cpuMilli, memoryMiB, labels };
    if (gpuModel !== undefined) group.gpuModel = gpuModel;
    out.push(group);
  }
  return out;
}

function readElastic(e: FieldReader): ElasticSpec | undefined {
  const clouds = e.stringList('clouds', { oneOf: ['aws', 'gcp', 'azure'] }) ?? [];
  const regions = e.stringList('regions') ?? [];
  const instanceTypes = e.stringList('instanceTypes') ?? [];
  const gpuModels = e.stringList('gpuModels') ?? [];
  const market = (e.string('market', { oneOf: ['spot', 'on-demand', 'auto'] }) ??
    'auto') as ElasticSpec['market'];
  const minNodes = e.number('minNodes', { integer: true, min: 0 }) ?? 0;
  const maxNodes = e.number('maxNodes', { integer: true, min: 0, required: true });
  const idleTtlMs = e.parsed('idleTimeToLive', parseDurationMs) ?? 10 * 60_000;
  e.rejectUnknown();
  if (maxNodes === undefined) return undefined;
  if (maxNodes < minNodes) {
    e.error('maxNodes', `must be at least minNodes (${minNodes}), got ${maxNodes}`);
    return undefined;
  }
  return { clouds, regions, instanceTypes, gpuModels, market, minNodes, maxNodes, idleTtlMs };
}
