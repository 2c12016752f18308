import { MILLI_PER_GPU } from '../units.js';
import type { CapacityMarket } from '../resources/workload.js';
import type { NodeInfo } from './types.js';

/**
 * A node's free capacity. GPU capacity is tracked per GPU index in milli-GPU so that a
 * fraction is always on one GPU and whole-GPU requests take fully free GPUs.
 */
export class NodeSlot {
  /** Free milli-GPU per GPU index. */
  readonly gpuFree: Int32Array;
  cpuFree: number;
  memFree: number;
  /** GPUs with all 1000 milli free. */
  fullFree: number;
  /** The largest free amount on any one GPU, milli-GPU. */
  maxFree: number;
  /** Keys of the workloads with a replica here. */
  readonly residents = new Set<string>();
  /** Bumped on every change, so scorers can cache per node state. */
  version = 0;
  /**
   * The market of the elastic pool the node belongs to, kept current by the cluster
   * state; undefined in a fixed pool (its nodes were not bought by Roam).
   */
  poolMarket: CapacityMarket | undefined;

  constructor(
    /** Position in the node table; stable for the node's life. */
    readonly index: number,
    public info: NodeInfo,
  ) {
    this.gpuFree = new Int32Array(info.gpus).fill(MILLI_PER_GPU);
    this.cpuFree = info.cpuMilli;
    this.memFree = info.memoryMiB;
    this.fullFree = info.gpus;
    this.maxFree = info.gpus > 0 ? MILLI_PER_GPU : 0;
  }

  /** Total free milli-GPU on the node. */
  freeGpuMilli(): number {
    let sum = 0;
    for (const f of this.gpuFree) sum += f;
    return sum;
  }

  /** Recomputes `fullFree` and `maxFree` after a change to `gpuFree`. */
  refreshSummary(): void {
    let full = 0;
    let max = 0;
    for (const f of this.gpuFree) {
      if (f === MILLI_PER_GPU) full++;
      if (f > max) max = f;
    }
    this.fullFree = full;
    this.maxFree = max;
    this.version++;
  }
}
