import type { TaskMix, TaskType } from './task-mix.js';

/**
 * A node's free state as fragmentation sees it: free milli-GPU per GPU, free CPU and the
 * GPU model. (Memory does not enter the measure, as in FGD.)
 */
export interface FreeState {
  readonly gpuFree: ArrayLike<number>;
  readonly cpuFree: number;
  readonly model: string | null;
}

/**
 * The idle GPU capacity of a node (milli-GPU) that a task of type `t` could not use
 * (FGD, Weng et al., USENIX ATC '23, as in the authors' simulator): all of it when the
 * task asks for no GPU, may not use this GPU model, or does not fit (too few GPUs with
 * enough free, or too little CPU); otherwise only the GPUs with less free than the task
 * needs per GPU.
 */
export function taskFragmentation(s: FreeState, t: TaskType): number {
  const g = s.gpuFree;
  let idle = 0;
  for (let i = 0; i < g.length; i++) idle += g[i] as number;
  if (idle === 0) return 0;
  if (t.gpuPerDevice === 0) return idle;
  if (t.gpuModels.length > 0 && (s.model === null || !t.gpuModels.includes(s.model))) return idle;
  let able = 0;
  let short = 0;
  for (let i = 0; i < g.length; i++) {
    const f = g[i] as number;
    if (f >= t.gpuPerDevice) able++;
    else short += f;
  }
  if (able < t.gpuCount || s.cpuFree < t.cpuMilli) return idle;
  return short;
}

/** Expected fragmentation of a node state under a task mix, milli-GPU. */
export function nodeFragmentation(s: FreeState, mix: TaskMix): number {
  let sum = 0;
  for (const t of mix.types) sum += t.weight * taskFragmentation(s, t);
  return sum;
}

/**
 * Memoised `nodeFragmentation` for one task mix. The measure depends only on the model,
 * the free CPU and the multiset of free GPU amounts, so states that differ only in which
 * GPU index is free share an entry.
 */
export class FragmentationMemo {
  private readonly memo = new Map<string, number>();

  constructor(
    readonly mix: TaskMix,
    /** The measure to memoise; FGD's by default. It may depend only on model, free CPU and the free GPU multiset. */
    private readonly measure: (s: FreeState, mix: TaskMix) => number = nodeFragmentation,
  ) {}

  of(s: FreeState): number {
    const key = stateKey(s);
    let f = this.memo.get(key);
    if (f === undefined) {
      f = this.measure(s, this.mix);
      this.memo.set(key, f);
    }
    return f;
  }
}

const scratch = new Int32Array(64);

/** A key for the model, free CPU and the multiset of free GPU amounts (order does not matter). */
function stateKey(s: FreeState): string {
  const n = s.gpuFree.length;
  const sorted = n <= scratch.length ? scratch.subarray(0, n) : new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = s.gpuFree[i] as number;
  sorted.sort();
  let key = `${s.model ?? ''}|${s.cpuFree}`;
  for (let i = 0; i < n; i++) key += `,${sorted[i] as number}`;
  return key;
}
