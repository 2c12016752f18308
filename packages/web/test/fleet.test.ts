import { describe, expect, it } from 'vitest';
import type { NodeDoc } from '../src/api/types.js';
import { summarizeFleet } from '../src/model/fleet-summary.js';
import { nodeRisk } from '../src/model/nodes.js';
import {
  GEOMETRY,
  geometryFor,
  hitTest,
  layoutFleet,
  neighbour,
  rowsBetween,
  tileWidth,
} from '../src/views/fleet/fleet-layout.js';

const node = (
  name: string,
  pool: string,
  fill: number[],
  extra: Record<string, unknown> = {},
): NodeDoc => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Node',
  metadata: { name },
  status: {
    pool,
    gpus: fill.length,
    ...extra,
    allocation: {
      gpuAllocation: fill,
      cpu: { allocatedMilli: 0, capacityMilli: 1000 },
      memory: { allocatedMiB: 0, capacityMiB: 1024 },
      schedulable: true,
      market: String(extra.market ?? 'on-prem'),
      workloads: [],
    },
  },
});

describe('summarizeFleet', () => {
  it('counts GPUs by pool and market, fractions as fractions, and prices like the metrics', () => {
    const s = summarizeFleet([
      node('a', 'onprem', [1, 0.25, 0, 0]),
      node('b', 'spot', [1, 1], { market: 'spot', pricePerHour: 3 }),
      node('c', 'spot', [0, 0], { market: 'on-demand', pricePerHour: 8 }),
    ]);
    expect(s.total).toEqual({ nodes: 3, total: 8, allocated: 3.25, idle: 4.75 });
    expect(s.byPool.get('onprem')).toEqual({ nodes: 1, total: 4, allocated: 1.25, idle: 2.75 });
    expect(s.byMarket.get('spot')).toEqual({ nodes: 1, total: 2, allocated: 2, idle: 0 });
    expect(s.byMarket.get('on-prem')?.total).toBe(4);
    expect(s.costPerHour).toBe(11);
    expect(s.onDemandPerHour).toBe(11);
  });

  it("counts a cloud node's on-demand price from its status against all on-demand", () => {
    const s = summarizeFleet([
      node('s', 'spot', [1], { market: 'spot', pricePerHour: 1, onDemandPricePerHour: 4 }),
    ]);
    expect([s.costPerHour, s.onDemandPerHour]).toEqual([1, 4]);
  });

  it('reads the reclaim risk only when it is a number, clamped to 0…1', () => {
    expect(nodeRisk(node('a', 'p', [0], { reclaimRisk: 0.3 }))).toBe(0.3);
    expect(nodeRisk(node('a', 'p', [0], { reclaimRisk: 7 }))).toBe(1);
    expect(nodeRisk(node('a', 'p', [0]))).toBeUndefined();
  });
});

describe('layoutFleet', () => {
  const eight = tileWidth(8);
  const layout = layoutFleet(
    [
      { label: 'a100', gpus: Array.from({ length: 10 }, () => 8) },
      { label: 't4', gpus: [4, 4] },
    ],
    GEOMETRY.margin * 2 + 3 * eight + 2 * GEOMETRY.tileGap,
  );

  it('wraps tiles into rows under a heading per pool', () => {
    expect(layout.tiles).toHaveLength(12);
    expect(layout.rows.map((r) => [r.start, r.end])).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 10],
      [10, 12],
    ]);
    expect(layout.sections.map((s) => s.label)).toEqual(['a100', 't4']);
    expect(layout.sections[1]?.y).toBeGreaterThan(layout.rows[3]?.y ?? Infinity);
  });

  it('finds the tile under a point, and none in the gaps', () => {
    const t = layout.tiles[4];
    expect(t && hitTest(layout, t.x + 1, t.y + 1)).toBe(4);
    expect(t && hitTest(layout, t.x + t.w + 1, t.y + 1)).toBeUndefined();
    expect(hitTest(layout, 1, 1)).toBeUndefined();
  });

  it('moves by arrow keys to the nearest tile above and below', () => {
    expect(neighbour(layout, 4, 'up')).toBe(1);
    expect(neighbour(layout, 4, 'down')).toBe(7);
    expect(neighbour(layout, 8, 'down')).toBe(9);
    expect(neighbour(layout, 0, 'left')).toBe(0);
    expect(neighbour(layout, 11, 'right')).toBe(11);
    expect(neighbour(layout, 11, 'down')).toBe(11);
  });

  it('returns only the rows inside a viewport', () => {
    const second = layout.rows[1];
    const rows = second ? rowsBetween(layout, second.y, second.y + second.h) : [];
    expect(rows.map((r) => r.start)).toEqual([3]);
  });

  it('lays out 5,000 nodes quickly', () => {
    const t0 = performance.now();
    const big = layoutFleet([{ label: 'x', gpus: Array.from({ length: 5000 }, () => 8) }], 1400);
    expect(big.tiles).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('geometryFor', () => {
  it('draws few nodes large and with names, many nodes small', () => {
    expect(geometryFor(20).cellW).toBe(2 * GEOMETRY.cellW);
    expect(geometryFor(20).labelH).toBeGreaterThan(0);
    expect(geometryFor(300).cellW).toBe(1.5 * GEOMETRY.cellW);
    expect(geometryFor(5000)).toBe(GEOMETRY);
  });
});
