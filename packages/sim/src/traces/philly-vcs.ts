import { MILLI_PER_GPU, type NodeInfo, type QueueInfo } from '@roam/core';
import { PHILLY_GPUS_PER_NODE, PHILLY_OTHER_QUEUE, vcName } from './philly.js';
import { csvRows } from './table.js';
import type { ClusterSpec } from './types.js';
import { UniqueNames } from './unique.js';

/** Columns of the Philly virtual-cluster list (`philly_vc_nodes.csv`). */
export const PHILLY_VC_COLUMNS = ['vc', 'num_nodes', 'num_gpus'] as const;

/** The node pool every Philly node joins. */
export const PHILLY_POOL = 'philly';

/**
 * What one Philly node is assumed to be. The VC list gives only node counts, and the
 * Helios simulator it comes from assumes 8 GPUs per node. The GPU model is not known
 * (the trace's machine list gives only GPU memory, 12 or 24 GB), so it is `GPU`; CPU and
 * memory are not known either: 64 cores and 512 GiB, enough that GPUs are always the
 * bottleneck (Philly jobs ask for no CPU or memory).
 */
export const PHILLY_NODE = {
  gpus: PHILLY_GPUS_PER_NODE,
  gpuModel: 'GPU',
  cpuMilli: 64_000,
  memoryMiB: 512 * 1024,
} as const;

/**
 * Reads the Philly virtual-cluster sizes (`philly_vc_nodes.csv`; columns
 * `vc,num_nodes,num_gpus`, with `num_gpus` = `num_nodes` × 8) as a cluster: one pool
 * `philly` placed by bin-packing; per VC, `num_nodes` on-prem nodes shaped like
 * `PHILLY_NODE`, named `<vc>-<n>` (n from 1, zero-padded to at least two digits) and
 * labelled `vc: <vc>`, and a queue named after the VC that deserves its `num_gpus` in pool
 * `philly` (over-quota weight 1, no limit); plus the queue `other`, without quota, for jobs
 * of VCs not listed. Jobs are not pinned to their VC's nodes: the quotas share the pool.
 */
export function readPhillyVcs(text: string, file: string): ClusterSpec {
  const vcs = new UniqueNames(file, 'vc');
  const nodes: NodeInfo[] = [];
  const queues: QueueInfo[] = [];
  for (const row of csvRows(text, file, { required: PHILLY_VC_COLUMNS })) {
    const vc = vcName(row, 'vc');
    if (vc === PHILLY_OTHER_QUEUE)
      row.fail('vc', `"${vc}" is reserved for the queue of jobs of VCs not listed`);
    vcs.add(vc, row.line, 'vc');
    const numNodes = row.int('num_nodes', 0);
    const numGpus = row.int('num_gpus', 0);
    const expected = numNodes * PHILLY_GPUS_PER_NODE;
    if (numGpus !== expected)
      row.fail(
        'num_gpus',
        `must be num_nodes × ${PHILLY_GPUS_PER_NODE} = ${expected}, got ${JSON.stringify(row.text('num_gpus'))}`,
      );
    const width = Math.max(2, String(numNodes).length);
    for (let n = 1; n <= numNodes; n++)
      nodes.push({
        name: `${vc}-${String(n).padStart(width, '0')}`,
        pool: PHILLY_POOL,
        ...PHILLY_NODE,
        labels: { vc },
        schedulable: true,
        market: 'on-prem',
      });
    queues.push({
      name: vc,
      quota: [
        {
          nodePool: PHILLY_POOL,
          deservedMilli: numGpus * MILLI_PER_GPU,
          overQuotaWeight: 1,
          limitMilli: null,
        },
      ],
    });
  }
  queues.push({ name: PHILLY_OTHER_QUEUE, quota: [] });
  return { source: file, nodes, pools: [{ name: PHILLY_POOL, placement: 'binpack' }], queues };
}
