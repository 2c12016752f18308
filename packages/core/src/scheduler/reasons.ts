import type { ClusterState } from '../model/cluster-state.js';
import type { WorkloadInfo } from '../model/types.js';
import { formatCpu, formatGpus, formatMemory, MILLI_PER_GPU } from '../units.js';
import { FILTERS } from './placement/filters.js';

/** Describes a replica's request: "2 A100 or H100 GPUs, 8 CPU, 64Gi". */
export function describeRequest(w: WorkloadInfo): string {
  const r = w.request;
  const parts: string[] = [];
  if (r.gpuMilli > 0) parts.push(gpuPhrase(w));
  if (r.cpuMilli > 0) parts.push(`${formatCpu(r.cpuMilli)} CPU`);
  if (r.memoryMiB > 0) parts.push(formatMemory(r.memoryMiB));
  return parts.join(', ');
}

function gpuPhrase(w: WorkloadInfo): string {
  const r = w.request;
  const models = r.gpuModels.length > 0 ? `${r.gpuModels.join(' or ')} ` : '';
  if (r.gpuMilli < MILLI_PER_GPU) return `${formatGpus(r.gpuMilli)} of a free ${models}GPU`;
  const n = r.gpuMilli / MILLI_PER_GPU;
  return `${n} free ${models}GPU${n === 1 ? '' : 's'}`;
}

/**
 * Why `w` does not fit in a pool, given that `placed` of its replicas could be: for a
 * partly placed gang, how many fit; otherwise each node is charged to the first filter it
 * fails and the counts are summarised. O(nodes in the pool).
 */
export function explainNoFit(
  state: ClusterState,
  w: WorkloadInfo,
  pool: string,
  placed: number,
): string {
  if (placed > 0)
    return `gang of ${w.replicas} replicas: only ${placed} fit in pool ${pool} (${describeRequest(w)} each)`;
  const failures = new Map<string, number>();
  let nodes = 0;
  let fitting = 0;
  for (const slot of state.nodes()) {
    if (slot.info.pool !== pool) continue;
    nodes++;
    const failed = FILTERS.find((f) => !f.fits(slot, w.request, w));
    if (failed) failures.set(failed.failure, (failures.get(failed.failure) ?? 0) + 1);
    else fitting++;
  }
  if (nodes === 0) return `pool ${pool} has no nodes`;
  if (fitting > 0) return `pool ${pool}: ${fitting} nodes fit but the placement policy found none`;
  const onlyGpu = failures.size === 1 && failures.has('have too few free GPUs');
  if (onlyGpu && w.request.gpuMilli > 0) return `no node in pool ${pool} has ${gpuPhrase(w)}`;
  const counts = FILTERS.filter((f) => failures.has(f.failure))
    .map((f) => `${failures.get(f.failure)} ${f.failure}`)
    .join(', ');
  return `no node in pool ${pool} fits ${describeRequest(w)} (${nodes} node${nodes === 1 ? '' : 's'}: ${counts})`;
}
