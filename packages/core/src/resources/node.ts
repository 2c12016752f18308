import { parseCpuMilli, parseDollarsMicros, parseMemoryMiB } from '../units.js';
import type { FieldError } from './errors.js';
import { NAME_RULE, type Resource } from './meta.js';
import { NODE_MARKETS, type NodeMarket } from './nodepool.js';
import type { FieldReader } from './reader.js';

/** Where a node is in its life. */
export type NodeLifecycle = 'Provisioning' | 'Ready' | 'Draining' | 'Terminating' | 'Lost';
export const NODE_LIFECYCLES: readonly NodeLifecycle[] = [
  'Provisioning',
  'Ready',
  'Draining',
  'Terminating',
  'Lost',
];

/** The status of a Node: a machine Roam schedules onto. Nodes are reported, not requested. */
export interface NodeStatus {
  pool: string;
  gpuModel?: string;
  gpus: number;
  cpuMilli: number;
  memoryMiB: number;
  market: NodeMarket;
  lifecycle: NodeLifecycle;
  cordoned: boolean;
  cloud?: string;
  region?: string;
  zone?: string;
  instanceType?: string;
  /** What the node costs per hour, micro-dollars. */
  pricePerHourMicros?: number;
  /** For spot nodes: the maximum price bid per hour, micro-dollars. */
  bidPerHourMicros?: number;
}

/** A Node document (status only). */
export type Node = Resource<'Node', Record<string, never>, NodeStatus>;

/** Reads and checks a Node's `status`. */
export function readNodeStatus(root: FieldReader, errors: FieldError[]): NodeStatus | undefined {
  root.raw('spec');
  const s = root.object('status', true);
  if (!s) return undefined;
  const start = errors.length;
  const pool = s.string('pool', { required: true, ...NAME_RULE });
  const gpuModel = s.string('gpuModel');
  const gpus = s.number('gpus', { integer: true, min: 0, max: 64 }) ?? 0;
  const cpuMilli = s.parsed('cpu', parseCpuMilli, true);
  const memoryMiB = s.parsed('memory', parseMemoryMiB, true);
  const market = (s.string('market', { oneOf: NODE_MARKETS }) ?? 'on-prem') as NodeMarket;
  const lifecycle = (s.string('lifecycle', { oneOf: NODE_LIFECYCLES }) ?? 'Ready') as NodeLifecycle;
  const cordoned = s.boolean('cordoned') ?? false;
  const cloud = s.string('cloud');
  const region = s.string('region');
  const zone = s.string('zone');
  const instanceType = s.string('instanceType');
  const price = s.parsed('pricePerHour', parseDollarsMicros);
  const bid = s.parsed('bidPerHour', parseDollarsMicros);
  s.raw('gpuAllocation');
  s.rejectUnknown();
  if (gpus > 0 && gpuModel === undefined) s.error('gpuModel', 'is required when gpus is above 0');
  if (bid !== undefined && market !== 'spot') s.error('bidPerHour', 'only spot nodes have a bid');
  if (
    errors.length > start ||
    pool === undefined ||
    cpuMilli === undefined ||
    memoryMiB === undefined
  )
    return undefined;
  const status: NodeStatus = { pool, gpus, cpuMilli, memoryMiB, market, lifecycle, cordoned };
  if (gpuModel !== undefined) status.gpuModel = gpuModel;
  if (cloud !== undefined) status.cloud = cloud;
  if (region !== undefined) status.region = region;
  if (zone !== undefined) status.zone = zone;
  if (instanceType !== undefined) status.instanceType = instanceType;
  if (price !== undefined) status.pricePerHourMicros = price;
  if (bid !== undefined) status.bidPerHourMicros = bid;
  return status;
}
