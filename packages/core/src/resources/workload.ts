import {
  MS_PER_MINUTE,
  parseCpuMilli,
  parseDollarsMicros,
  parseDurationMs,
  parseGpuMilli,
  parseMemoryMiB,
} from '../units.js';
import type { FieldError } from './errors.js';
import { NAME_RULE, type Resource } from './meta.js';
import type { FieldReader } from './reader.js';

/** What kind of work a workload is; classes set default priority and preemptibility. */
export type WorkloadClass = 'interactive' | 'training' | 'inference';
export const WORKLOAD_CLASSES: readonly WorkloadClass[] = ['interactive', 'training', 'inference'];

/** Which capacity a workload may run on. */
export type CapacityMarket = 'spot' | 'on-demand' | 'auto';
export const CAPACITY_MARKETS: readonly CapacityMarket[] = ['spot', 'on-demand', 'auto'];

/** Defaults each class gives a workload that does not say otherwise. */
export const CLASS_DEFAULTS: Readonly<
  Record<WorkloadClass, { priority: number; preemptible: boolean }>
> = {
  inference: { priority: 125, preemptible: false },
  interactive: { priority: 100, preemptible: false },
  training: { priority: 50, preemptible: true },
};

/** What one replica of a workload asks for. */
export interface ReplicaTemplate {
  /** Milli-GPU: below 1000 is a fraction of one GPU; otherwise a multiple of 1000 (whole GPUs). */
  gpuMilli: number;
  /** Allowed GPU models; empty means any. */
  gpuModels: string[];
  cpuMilli: number;
  memoryMiB: number;
}

/** How often a workload checkpoints and how large a checkpoint is. */
export interface CheckpointSpec {
  intervalMs: number;
  sizeMiB: number;
}

/** What a live migration of one replica has to copy. */
export interface MigrationProfile {
  /** Memory to copy, MiB. */
  memoryMiB: number;
  /** Rate at which the running workload dirties memory, MiB per second. */
  dirtyRateMiBps: number;
}

/** Where and at what price a workload may run. */
export interface CapacitySpec {
  market: CapacityMarket;
  /** Highest price per hour per replica the workload accepts, micro-dollars. */
  maxPricePerHourMicros?: number;
  /** Allowed clouds (`aws`, `gcp`, `azure`, `on-prem`); empty means any. */
  clouds: string[];
  /** Allowed regions; empty means any. */
  regions: string[];
}

/** The normalised spec of a Workload, in integer units. */
export interface WorkloadSpec {
  queue: string;
  class: WorkloadClass;
  priority: number;
  preemptible: boolean;
  /** Gang size: all replicas run together or none does. */
  replicas: number;
  template: ReplicaTemplate;
  /** Node pools the workload may use, in order of preference; empty means any. */
  nodePools: string[];
  /** Labels a node must carry. */
  nodeSelector: Record<string, string>;
  checkpoint?: CheckpointSpec;
  migration?: MigrationProfile;
  capacity: CapacitySpec;
  /** Time from submission by which the workload must finish, ms. */
  deadlineMs?: number;
  /** Expected run time when known, ms. */
  expectedDurationMs?: number;
}

/** A Workload document. */
export type Workload = Resource<'Workload', WorkloadSpec>;

/** Reads and checks a Workload's `spec`. */
export function readWorkloadSpec(
  root: FieldReader,
  errors: FieldError[],
): WorkloadSpec | undefined {
  const s = root.object('spec', true);
  if (!s) return undefined;
  const start = errors.length;
  const queue = s.string('queue', { required: true, ...NAME_RULE });
  const cls = (s.string('class', { oneOf: WORKLOAD_CLASSES }) ?? 'training') as WorkloadClass;
  const priority =
    s.number('priority', { integer: true, min: 0, max: 1_000_000 }) ?? CLASS_DEFAULTS[cls].priority;
  const preemptible = s.boolean('preemptible') ?? CLASS_DEFAULTS[cls].preemptible;
  const replicas = s.number('replicas', { integer: true, min: 1, max: 4096 }) ?? 1;
  const template = readTemplate(s);
  const nodePools = s.stringList('nodePools', NAME_RULE) ?? [];
  const nodeSelector = s.stringMap('nodeSelector') ?? {};
  const checkpoint = readCheckpoint(s);
  const migration = readMigration(s);
  const capacity = readCapacity(s);
  const deadlineMs = s.parsed('deadline', parseDurationMs);
  const expectedDurationMs = s.parsed('expectedDuration', parseDurationMs);
  s.rejectUnknown();
  if (
    errors.length > start ||
    queue === undefined ||
    template === undefined ||
    capacity === undefined
  )
    return undefined;
  const spec: WorkloadSpec = {
    queue,
    class: cls,
    priority,
    preemptible,
    replicas,
    template,
    nodePools,
    nodeSelector,
    capacity,
  };
  if (checkpoint) spec.checkpoint = checkpoint;
  if (migration) spec.migration = migration;
  if (deadlineMs !== undefined) spec.deadlineMs = deadlineMs;
  if (expectedDurationMs !== undefined) spec.expectedDurationMs = expectedDurationMs;
  return spec;
}

function readTemplate(s: FieldReader): ReplicaTemplate | undefined {
  const t = s.object('template', true);
  if (!t) return undefined;
  const gpuMilli = t.parsed('gpu', parseGpuMilli);
  const gpuModels = t.stringList('gpuModels') ?? [];
  const cpuMilli = t.parsed('cpu', parseCpuMilli);
  const memoryMiB = t.parsed('memory', parseMemoryMiB) ?? 0;
  t.rejectUnknown();
  const noGpu = !t.has('gpu') || gpuMilli === 0;
  if (noGpu && gpuModels.length > 0) t.error('gpuModels', 'is set but the replica asks for no GPU');
  if (noGpu && !t.has('cpu')) t.error('cpu', 'a replica must ask for at least some CPU or a GPU');
  if (gpuMilli === undefined && t.has('gpu')) return undefined;
  if (cpuMilli === undefined && t.has('cpu')) return undefined;
  return { gpuMilli: gpuMilli ?? 0, gpuModels, cpuMilli: cpuMilli ?? 0, memoryMiB };
}

function readCheckpoint(s: FieldReader): CheckpointSpec | undefined {
  const c = s.object('checkpoint');
  if (!c) return undefined;
  const minutes = c.number('intervalMinutes', { required: true, min: 0.1, max: 10_080 });
  const sizeMiB = c.parsed('size', parseMemoryMiB);
  const sizeGi = c.number('sizeGi', { min: 0 });
  c.rejectUnknown();
  if (sizeMiB !== undefined && sizeGi !== undefined)
    c.error('sizeGi', 'give either size or sizeGi, not both');
  if (minutes === undefined) return undefined;
  return {
    intervalMs: Math.round(minutes * MS_PER_MINUTE),
    sizeMiB: sizeMiB ?? Math.ceil((sizeGi ?? 0) * 1024),
  };
}

function readMigration(s: FieldReader): MigrationProfile | undefined {
  const m = s.object('migration');
  if (!m) return undefined;
  const memoryMiB = m.parsed('memory', parseMemoryMiB, true);
  const dirtyRateMiBps = m.number('dirtyRateMiBps', { min: 0 }) ?? 0;
  m.rejectUnknown();
  return memoryMiB === undefined ? undefined : { memoryMiB, dirtyRateMiBps };
}

function readCapacity(s: FieldReader): CapacitySpec | undefined {
  const c = s.object('capacity');
  if (!c) return { market: 'auto', clouds: [], regions: [] };
  const market = (c.string('market', { oneOf: CAPACITY_MARKETS }) ?? 'auto') as CapacityMarket;
  const maxPrice = c.parsed('maxPricePerHour', parseDollarsMicros);
  const clouds = c.stringList('clouds', { oneOf: ['aws', 'gcp', 'azure', 'on-prem'] }) ?? [];
  const regions = c.stringList('regions') ?? [];
  c.rejectUnknown();
  if (maxPrice === 0) c.error('maxPricePerHour', 'must be above 0 when set');
  const spec: CapacitySpec = { market, clouds, regions };
  if (maxPrice !== undefined && maxPrice > 0) spec.maxPricePerHourMicros = maxPrice;
  return spec;
}
