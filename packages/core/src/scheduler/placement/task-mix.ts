import type { ReplicaRequest } from '../../model/types.js';
import { MILLI_PER_GPU } from '../../units.js';

/** One kind of request in the mix, with its share of all requests. */
export interface TaskType {
  readonly cpuMilli: number;
  /** Milli-GPU per GPU: a fraction below 1000, or 1000 for whole GPUs; 0 for CPU-only. */
  readonly gpuPerDevice: number;
  /** Number of GPUs (1 for a fraction, 0 for CPU-only). */
  readonly gpuCount: number;
  /** Allowed GPU models; empty means any. */
  readonly gpuModels: readonly string[];
  /** Frequency of this type among the kept types (they sum to 1). */
  readonly weight: number;
}

/** Per-GPU milli and GPU count of a request: 500 → (500, 1); 2000 → (1000, 2); 0 → (0, 0). */
export function gpuShape(gpuMilli: number): { perDevice: number; count: number } {
  if (gpuMilli === 0) return { perDevice: 0, count: 0 };
  if (gpuMilli < MILLI_PER_GPU) return { perDevice: gpuMilli, count: 1 };
  return { perDevice: MILLI_PER_GPU, count: gpuMilli / MILLI_PER_GPU };
}

/**
 * The mix of requests a cluster sees (FGD's "target workload"): request shapes (CPU, GPU
 * per device, GPU count, allowed models — memory is not part of a shape) weighted by how
 * often they occur, CPU-only requests included. The most frequent shapes are kept until
 * they cover `coverage` of all requests, then renormalised, as FGD does with its
 * popularity threshold of 95%.
 */
export class TaskMix {
  private constructor(readonly types: readonly TaskType[]) {}

  /** The empty mix: nothing counts as fragmentation. */
  static readonly EMPTY = new TaskMix([]);

  /**
   * @param coverage share of requests the kept shapes must cover
   * @param quantum when set, weights are rounded to multiples of it (then renormalised), so
   *   mixes of nearly the same workload are equal and caches keyed on them survive
   */
  static fromRequests(
    requests: Iterable<ReplicaRequest>,
    coverage = 0.95,
    quantum?: number,
  ): TaskMix {
    const counts = new Map<string, { type: Omit<TaskType, 'weight'>; count: number }>();
    let total = 0;
    for (const r of requests) {
      const { perDevice, count } = gpuShape(r.gpuMilli);
      const key = `${r.cpuMilli}|${perDevice}|${count}|${r.gpuModels.join('|')}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else
        counts.set(key, {
          type: {
            cpuMilli: r.cpuMilli,
            gpuPerDevice: perDevice,
            gpuCount: count,
            gpuModels: r.gpuModels,
          },
          count: 1,
        });
      total++;
    }
    if (total === 0) return TaskMix.EMPTY;
    const ranked = [...counts.values()].sort(
      (a, b) => b.count - a.count || compareTypesDescending(a.type, b.type),
    );
    const kept: typeof ranked = [];
    let covered = 0;
    for (const entry of ranked) {
      if (covered >= coverage * total) break;
      kept.push(entry);
      covered += entry.count;
    }
    const weights = kept.map(({ count }) =>
      quantum
        ? Math.max(quantum, Math.round(count / covered / quantum) * quantum)
        : count / covered,
    );
    const sum = weights.reduce((a, b) => a + b, 0);
    return new TaskMix(
      kept.map(({ type }, i) => ({ ...type, weight: (weights[i] as number) / sum })),
    );
  }

  /** A string equal for mixes with the same types and weights. */
  signature(): string {
    return this.types
      .map(
        (t) => `${t.cpuMilli}|${t.gpuPerDevice}|${t.gpuCount}|${t.gpuModels.join('|')}|${t.weight}`,
      )
      .join(';');
  }
}

/** Larger CPU first, then larger GPU per device, more GPUs, models in reverse order. */
function compareTypesDescending(a: Omit<TaskType, 'weight'>, b: Omit<TaskType, 'weight'>): number {
  const am = a.gpuModels.join('|');
  const bm = b.gpuModels.join('|');
  return (
    b.cpuMilli - a.cpuMilli ||
    b.gpuPerDevice - a.gpuPerDevice ||
    b.gpuCount - a.gpuCount ||
    (am < bm ? 1 : am > bm ? -1 : 0)
  );
}
