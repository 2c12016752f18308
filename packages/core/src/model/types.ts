import type { ElasticSpec, NodeMarket, PlacementStrategy } from '../resources/nodepool.js';
import type { QuotaEntry } from '../resources/queue.js';
import type { CapacitySpec, MigrationProfile, WorkloadClass } from '../resources/workload.js';

/** The facts about a node that scheduling needs. Units: milli-CPU, MiB, whole GPUs. */
export interface NodeInfo {
  readonly name: string;
  readonly pool: string;
  /** GPU model, or null for a CPU-only node. */
  readonly gpuModel: string | null;
  readonly gpus: number;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  readonly labels: Readonly<Record<string, string>>;
  /** Ready and not cordoned: new work may be placed here. */
  readonly schedulable: boolean;
  readonly market?: NodeMarket;
  readonly zone?: string;
  /** Price per hour, micro-dollars. */
  readonly pricePerHourMicros?: number;
  /** Cloud capacity: where it came from and what it would cost on-demand. */
  readonly cloud?: {
    readonly cloud: string;
    readonly region: string;
    readonly instanceType: string;
    readonly instanceId: string;
    readonly onDemandPerHourMicros: number;
    /** Spot nodes: the maximum price bid, micro-dollars per hour. */
    readonly bidPerHourMicros?: number;
  };
  /**
   * A workload moving here (make-before-break): only it may be placed on the node, and
   * the scheduler tries the node first for it.
   */
  readonly reservedFor?: string;
}

/** A node pool as the scheduler sees it. */
export interface PoolInfo {
  readonly name: string;
  readonly placement: PlacementStrategy;
  /** For elastic pools: what cloud capacity the pool may launch. */
  readonly elastic?: ElasticSpec;
  /** Labels every node of the pool carries. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A queue as the scheduler sees it. */
export interface QueueInfo {
  readonly name: string;
  readonly parent?: string;
  readonly quota: readonly QuotaEntry[];
}

/** What one replica of a workload needs. */
export interface ReplicaRequest {
  /** Below 1000: a fraction of one GPU. Otherwise a multiple of 1000: whole GPUs. */
  readonly gpuMilli: number;
  /** Allowed GPU models; empty means any. */
  readonly gpuModels: readonly string[];
  readonly cpuMilli: number;
  readonly memoryMiB: number;
}

/** A workload as the scheduler sees it. */
export interface WorkloadInfo {
  /** Unique key (the workload's name, or namespace/name). */
  readonly key: string;
  readonly queue: string;
  readonly class: WorkloadClass;
  readonly priority: number;
  readonly preemptible: boolean;
  /** Gang size. */
  readonly replicas: number;
  readonly request: ReplicaRequest;
  /** Allowed node pools in order of preference; empty means any. */
  readonly nodePools: readonly string[];
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** When the workload was submitted, ms. */
  readonly submittedAt: number;
  /** Which capacity it may run on (absent: any). */
  readonly capacity?: CapacitySpec;
  /** When it must finish, ms (absolute). */
  readonly deadlineAt?: number;
  /** Expected run time, ms. */
  readonly expectedDurationMs?: number;
  /** How often it checkpoints, ms (absent: it cannot resume from a checkpoint). */
  readonly checkpointIntervalMs?: number;
  /** What a live migration of one replica copies. */
  readonly migration?: MigrationProfile;
}

/** A share of one GPU given to one replica. */
export interface GpuSlice {
  /** GPU index on the node. */
  readonly index: number;
  readonly milli: number;
}

/** Where one replica runs: a node and the GPU slices it holds there. */
export interface ReplicaPlacement {
  readonly node: string;
  readonly gpus: readonly GpuSlice[];
}

/** A running workload's booking. */
export interface Booking {
  readonly workload: WorkloadInfo;
  readonly placements: readonly ReplicaPlacement[];
  /** When it started running, ms. */
  readonly startedAt: number;
  /** When its last checkpoint completed, ms; work since then is lost if it is evicted. */
  lastCheckpointAt?: number;
  /** Set while it checkpoints and stops after an eviction: it is not a victim again. */
  evicting?: boolean;
}

/** Resource amounts: milli-GPU, milli-CPU, MiB. */
export interface Usage {
  gpuMilli: number;
  cpuMilli: number;
  memoryMiB: number;
}

/** A zero `Usage`. */
export function emptyUsage(): Usage {
  return { gpuMilli: 0, cpuMilli: 0, memoryMiB: 0 };
}

/** Total GPU a workload holds or asks for, milli-GPU. */
export function workloadGpuMilli(w: WorkloadInfo): number {
  return w.request.gpuMilli * w.replicas;
}
