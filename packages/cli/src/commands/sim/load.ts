import { formatDocumentError, parseResources } from '@roam/core';
import {
  clusterFromResources,
  loadTraceFile,
  readOpenbNodes,
  readOpenbPods,
  readTraceText,
  TraceError,
  type ClusterSpec,
  type OpenbPod,
  type Trace,
} from '@roam/sim';
import type { NodeInfo } from '@roam/core';
import { UsageError } from '../../io.js';

/**
 * Loads a cluster: an openb node list or Philly VC CSV (detected from the header), or a
 * YAML/JSON file of NodePools, Nodes and Queues.
 */
export async function loadCluster(file: string): Promise<ClusterSpec> {
  if (/\.(ya?ml|json)$/i.test(file)) {
    const text = await readTraceText(file);
    const { resources, errors } = parseResources(text, file);
    if (errors.length > 0) throw new UsageError(errors.map(formatDocumentError).join('\n'), 1);
    return clusterFromResources(resources, file);
  }
  const loaded = await guard(loadTraceFile(file));
  if ('jobs' in loaded) throw new UsageError(`${file}: is a workload trace, not a cluster`, 1);
  return loaded;
}

/** Loads a workload trace; Philly jobs of VCs without a queue in the cluster go to queue `other`. */
export async function loadTrace(file: string, cluster: ClusterSpec): Promise<Trace> {
  const loaded = await guard(
    loadTraceFile(file, { phillyJobs: { queues: new Set(cluster.queues.map((q) => q.name)) } }),
  );
  if (!('jobs' in loaded))
    throw new UsageError(`${file}: is a cluster description, not a workload trace`, 1);
  return loaded;
}

/** Loads the GPU nodes of an openb node list and the pods of an openb pod list. */
export async function loadOpenb(
  nodesFile: string,
  podsFile: string,
): Promise<{ nodes: NodeInfo[]; pods: OpenbPod[] }> {
  const nodesText = await guard(readTraceText(nodesFile));
  const podsText = await guard(readTraceText(podsFile));
  const cluster = await guard(() => readOpenbNodes(nodesText, nodesFile));
  const pods = await guard(() => readOpenbPods(podsText, podsFile));
  return { nodes: cluster.nodes.filter((n) => n.gpus > 0), pods };
}

/** Turns a malformed row into a user error (`file:line: column: reason`, exit 1). */
async function guard<T>(p: Promise<T> | (() => T)): Promise<T> {
  try {
    return await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof TraceError) throw new UsageError(e.message, 1);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`${(e as NodeJS.ErrnoException).path ?? 'file'}: no such file`, 1);
    throw e;
  }
}
