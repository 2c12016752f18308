import type { NodeInfo } from '@roam/core';
import { csvRows } from './table.js';
import type { ClusterSpec } from './types.js';
import { UniqueNames } from './unique.js';

/** Columns of an Alibaba openb node list (cluster-trace-gpu-v2023). */
export const OPENB_NODE_COLUMNS = ['sn', 'cpu_milli', 'memory_mib', 'gpu', 'model'] as const;

/** Options of `readOpenbNodes`. */
export interface OpenbNodeOptions {
  /** Name of the one node pool every node joins (default `openb`). */
  readonly pool?: string;
}

/** Most GPUs a node may have, as for a Node resource. */
const MAX_NODE_GPUS = 64;

/**
 * Reads an Alibaba openb node list (`openb_node_list_gpu_node.csv`,
 * `openb_node_list_all_node.csv`; columns `sn,cpu_milli,memory_mib,gpu,model`) as a
 * cluster: every node, in file order, in one on-prem pool placed by FGD, named by `sn`,
 * schedulable, without labels; `gpuModel` is null when `gpu` is 0 or `model` is empty.
 * Jobs are charged to one queue, `default`, with no quota.
 */
export function readOpenbNodes(
  text: string,
  file: string,
  options: OpenbNodeOptions = {},
): ClusterSpec {
  const pool = options.pool ?? 'openb';
  const names = new UniqueNames(file, 'node');
  const nodes: NodeInfo[] = [];
  for (const row of csvRows(text, file, { required: OPENB_NODE_COLUMNS })) {
    const name = row.nonEmpty('sn');
    names.add(name, row.line, 'sn');
    const cpuMilli = row.int('cpu_milli', 0);
    const memoryMiB = row.int('memory_mib', 0);
    const gpus = row.int('gpu', 0, MAX_NODE_GPUS);
    const model = row.text('model');
    nodes.push({
      name,
      pool,
      gpuModel: gpus > 0 && model !== '' ? model : null,
      gpus,
      cpuMilli,
      memoryMiB,
      labels: {},
      schedulable: true,
      market: 'on-prem',
    });
  }
  return {
    source: file,
    nodes,
    pools: [{ name: pool, placement: 'fgd' }],
    queues: [{ name: 'default', quota: [] }],
  };
}
