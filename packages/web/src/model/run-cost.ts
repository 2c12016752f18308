import type { NodeDoc, WorkloadDoc } from '../api/types.js';
import { nodePrice } from './nodes.js';

const HOUR_MS = 3_600_000;

/** What a workload's current run has cost: its share of its nodes' prices since it started. */
export interface RunCost {
  readonly dollars: number;
  readonly perHour: number;
  readonly hours: number;
}

/**
 * The cost of the current run of a running workload, counted like the server's queue
 * cost: on each node, the share of the node's GPUs it holds times the node's price.
 * Undefined when it is not running or none of its nodes has a price (on-prem).
 */
export function runCost(
  w: WorkloadDoc,
  nodeOf: (name: string) => NodeDoc | undefined,
  now: number,
): RunCost | undefined {
  const phase = w.status?.phase;
  const started = Date.parse(w.status?.startedAt ?? '');
  if ((phase !== 'Running' && phase !== 'Preempting') || !Number.isFinite(started))
    return undefined;
  let perHour = 0;
  let priced = false;
  for (const p of w.status?.placements ?? []) {
    const node = nodeOf(p.node ?? '');
    const price = node ? nodePrice(node) : undefined;
    const gpus = node?.status?.gpus ?? 0;
    if (price === undefined || gpus === 0) continue;
    priced = true;
    const share = (p.gpus ?? []).reduce((a, g) => a + (g.fraction ?? 0), 0) / gpus;
    perHour += share * price;
  }
  if (!priced) return undefined;
  const hours = Math.max(0, now - started) / HOUR_MS;
  return { dollars: perHour * hours, perHour, hours };
}
