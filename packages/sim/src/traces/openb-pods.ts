import { MILLI_PER_GPU } from '@roam/core';
import { sortedTrace, trainingJob } from './jobs.js';
import { csvRows, type CsvRow } from './table.js';
import type { Trace, TraceJob } from './types.js';
import { UniqueNames } from './unique.js';

/**
 * The columns every Alibaba openb pod list has (the `multigpu*` variants have only these).
 * The others have `gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time` too.
 */
export const OPENB_POD_COLUMNS = [
  'name',
  'cpu_milli',
  'memory_mib',
  'num_gpu',
  'gpu_milli',
] as const;

/** The columns a replay needs besides `OPENB_POD_COLUMNS`. */
const TIME_COLUMNS = ['creation_time', 'deletion_time'] as const;

type PodColumn = (typeof OPENB_POD_COLUMNS)[number] | (typeof TIME_COLUMNS)[number] | 'gpu_spec';

/** One row of an openb pod list, as the FGD fill experiment uses it (no timestamps). */
export interface OpenbPod {
  /** Task id, `openb-pod-NNNN`. */
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  /** Number of GPUs, 0 for a CPU-only pod. */
  readonly numGpu: number;
  /** Share of each GPU, milli-GPU: 0 without GPUs, 1–1000 for one GPU, 1000 for several. */
  readonly gpuMilli: number;
  /** Allowed GPU models (`gpu_spec` split on `|`); empty means any. */
  readonly gpuModels: readonly string[];
}

/** Most GPUs a pod may ask for, as many as a node may have. */
const MAX_POD_GPUS = 64;

/**
 * Reads the pods of an Alibaba openb pod list (`openb_pod_list_*.csv`, the `multigpu*`
 * variants included) in file order. Only `name,cpu_milli,memory_mib,num_gpu,gpu_milli` are
 * required; `gpu_spec` is read when present. `gpu_milli` must be 0 when `num_gpu` is 0,
 * 1–1000 when it is 1, and 1000 when it is larger.
 */
export function readOpenbPods(text: string, file: string): OpenbPod[] {
  const pods: OpenbPod[] = [];
  for (const [, pod] of podRows(text, file, OPENB_POD_COLUMNS)) pods.push(pod);
  return pods;
}

/**
 * Reads an openb pod list as a trace to replay: each pod is a one-replica training job of
 * queue `default`, keyed by its name, asking for `num_gpu` whole GPUs (or a `gpu_milli`
 * share of one GPU when `num_gpu` is 1), submitted at `creation_time` and running until
 * `deletion_time` (seconds from the trace start); the duration is null when `deletion_time`
 * is empty or before `creation_time`. Pods of every phase are kept. The `multigpu*`
 * variants have no timestamps and are refused (read them with `readOpenbPods`).
 */
export function readOpenbPodTrace(text: string, file: string): Trace {
  const jobs: TraceJob[] = [];
  for (const [row, pod] of podRows(text, file, [...OPENB_POD_COLUMNS, ...TIME_COLUMNS])) {
    const submitMs = row.seconds('creation_time');
    const deletionMs = row.optionalSeconds('deletion_time');
    const durationMs = deletionMs !== null && deletionMs >= submitMs ? deletionMs - submitMs : null;
    const gpuMilli =
      pod.numGpu === 0 ? 0 : pod.numGpu === 1 ? pod.gpuMilli : pod.numGpu * MILLI_PER_GPU;
    const { name: key, gpuModels, cpuMilli, memoryMiB } = pod;
    const request = {
      key,
      queue: 'default',
      replicas: 1,
      gpuMilli,
      gpuModels,
      cpuMilli,
      memoryMiB,
    };
    jobs.push(trainingJob(request, submitMs, durationMs));
  }
  return sortedTrace(file, jobs);
}

/** The rows of a pod list with the pod each describes. */
function* podRows(
  text: string,
  file: string,
  required: readonly PodColumn[],
): Generator<[CsvRow<PodColumn>, OpenbPod]> {
  const names = new UniqueNames(file, 'pod');
  for (const row of csvRows<PodColumn>(text, file, { required, optional: ['gpu_spec'] })) {
    const name = row.nonEmpty('name');
    names.add(name, row.line, 'name');
    const cpuMilli = row.int('cpu_milli', 0);
    const memoryMiB = row.int('memory_mib', 0);
    const numGpu = row.int('num_gpu', 0, MAX_POD_GPUS);
    const gpuMilli = row.int('gpu_milli', 0, MILLI_PER_GPU);
    const got = `got ${JSON.stringify(row.text('gpu_milli'))}`;
    if (numGpu === 0 && gpuMilli !== 0)
      row.fail('gpu_milli', `must be 0 for a pod without GPUs (num_gpu 0), ${got}`);
    if (numGpu === 1 && gpuMilli === 0)
      row.fail('gpu_milli', `must be from 1 to 1000 for a one-GPU pod, ${got}`);
    if (numGpu > 1 && gpuMilli !== MILLI_PER_GPU)
      row.fail('gpu_milli', `must be 1000 for a multi-GPU pod (num_gpu ${numGpu}), ${got}`);
    const gpuModels = row
      .text('gpu_spec')
      .split('|')
      .filter((m) => m !== '');
    if (numGpu === 0 && gpuModels.length > 0)
      row.fail('gpu_spec', 'is set but the pod asks for no GPU');
    yield [row, { name, cpuMilli, memoryMiB, numGpu, gpuMilli, gpuModels }];
  }
}
