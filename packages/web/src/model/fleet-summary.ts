import type { NodeDoc } from '../api/types.js';
import {
  MARKETS,
  nodeGpuFill,
  nodeMarket,
  nodeOnDemandPrice,
  nodePool,
  nodePrice,
  type Market,
} from './nodes.js';

/** GPUs of a group of nodes. */
export interface GpuTally {
  readonly nodes: number;
  readonly total: number;
  /** Sum of allocated shares (fractions count as fractions). */
  readonly allocated: number;
  readonly idle: number;
}

/** The fleet at a glance: GPUs by pool and by market, and what it costs. */
export interface FleetSummary {
  readonly total: GpuTally;
  readonly byPool: ReadonlyMap<string, GpuTally>;
  readonly byMarket: ReadonlyMap<Market, GpuTally>;
  /** What the fleet costs per hour now, dollars (nodes with a price). */
  readonly costPerHour: number;
  /** What the same nodes would cost all on-demand, dollars per hour. */
  readonly onDemandPerHour: number;
}

interface MutableTally {
  nodes: number;
  total: number;
  allocated: number;
}

const freeze = (t: MutableTally): GpuTally => ({
  nodes: t.nodes,
  total: t.total,
  allocated: Math.round(t.allocated * 1000) / 1000,
  idle: Math.round((t.total - t.allocated) * 1000) / 1000,
});

/** Sums GPUs and prices over nodes, as the server's metrics do (`roam_pool_*`, `roam_cost_*`). */
export function summarizeFleet(nodes: readonly NodeDoc[]): FleetSummary {
  const total: MutableTally = { nodes: 0, total: 0, allocated: 0 };
  const pools = new Map<string, MutableTally>();
  const markets = new Map<Market, MutableTally>(
    MARKETS.map((m) => [m, { nodes: 0, total: 0, allocated: 0 }]),
  );
  let costPerHour = 0;
  let onDemandPerHour = 0;
  for (const n of nodes) {
    const fill = nodeGpuFill(n);
    const allocated = fill.reduce((a, b) => a + b, 0);
    const pool = nodePool(n);
    let p = pools.get(pool);
    if (!p) pools.set(pool, (p = { nodes: 0, total: 0, allocated: 0 }));
    for (const t of [total, p, markets.get(nodeMarket(n))]) {
      if (!t) continue;
      t.nodes++;
      t.total += fill.length;
      t.allocated += allocated;
    }
    costPerHour += nodePrice(n) ?? 0;
    onDemandPerHour += nodeOnDemandPrice(n) ?? 0;
  }
  return {
    total: freeze(total),
    byPool: new Map(
      [...pools].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, freeze(v)]),
    ),
    byMarket: new Map([...markets].map(([k, v]) => [k, freeze(v)])),
    costPerHour: Math.round(costPerHour * 10_000) / 10_000,
    onDemandPerHour: Math.round(onDemandPerHour * 10_000) / 10_000,
  };
}
