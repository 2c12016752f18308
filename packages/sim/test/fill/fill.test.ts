import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeededRng } from '@roam/core';
import {
  discretize,
  fillExperiment,
  fillPolicy,
  inflatePods,
  podGpuMilli,
  readOpenbNodes,
  readOpenbPods,
  roundHalfEven,
  type FillPod,
} from '../../src/index.js';

const pod = (name: string, numGpu: number, gpuMilli: number): FillPod => ({
  name,
  cpuMilli: 1000,
  memoryMiB: 1024,
  numGpu,
  gpuMilli,
  gpuModels: [],
});

describe('fill experiment harness', () => {
  it('appends resampled copies after the shuffled originals until the next would pass the target', () => {
    const originals = [pod('a', 1, 1000), pod('b', 1, 500), pod('c', 0, 0)];
    const order = inflatePods(originals, 4000, new SeededRng(1));
    expect(new Set(order.slice(0, 3).map((p) => p.name))).toEqual(new Set(['a', 'b', 'c']));
    const total = order.reduce((s, p) => s + podGpuMilli(p), 0);
    expect(total).toBeLessThanOrEqual(4000);
    expect(total).toBeGreaterThan(4000 - 1000);
  });

  it('removes random pods when the originals already pass the target', () => {
    const originals = Array.from({ length: 10 }, (_, i) => pod(`p${i}`, 1, 1000));
    expect(inflatePods(originals, 6500, new SeededRng(1))).toHaveLength(6);
  });

  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [2.6, 3],
  ])('rounds %d half to even as %d', (x, r) => expect(roundHalfEven(x)).toBe(r));

  it('averages the events of each arrived-% bucket, falling back to neighbours', () => {
    const cluster = 10_000;
    const events = [
      { arrivedMilli: 0, usedMilli: 0, fragMilli: 0, idleMilli: 10_000 },
      { arrivedMilli: 100, usedMilli: 100, fragMilli: 50, idleMilli: 9_900 },
      { arrivedMilli: 300, usedMilli: 200, fragMilli: 100, idleMilli: 9_800 },
    ];
    const points = discretize(events, cluster, 4);
    expect(points[0]).toEqual({ arrivedPct: 0, allocPct: 0, fragPct: 0, fragRatioPct: 0 });
    expect(points[1]?.allocPct).toBe(1); // one event at 1%
    expect(points[2]?.allocPct).toBe(1.5); // none at 2%: mean of 1% and 3%
    expect(points[4]?.allocPct).toBe(2); // none at 4%: the 3% neighbour
  });
});

const data = new URL('../../../../../shared/data/openb/', import.meta.url).pathname;
const hasData = existsSync(`${data}openb_pod_list_default.csv`);

describe('fill on the real trace (one seed)', () => {
  it.skipIf(!hasData)(
    'reproduces FGD and beats it with Roam on the default trace',
    () => {
      const nodes = readOpenbNodes(
        readFileSync(`${data}openb_node_list_gpu_node.csv`, 'utf8'),
        'nodes',
      ).nodes;
      const pods = readOpenbPods(readFileSync(`${data}openb_pod_list_default.csv`, 'utf8'), 'pods');
      const run = (name: 'fgd' | 'roam') =>
        fillExperiment(
          {
            nodes,
            pods,
            policyName: name,
            policy: fillPolicy(name, nodes),
            seeds: [42],
            inflate: 1.3,
          },
          () => 0,
        );
      const fgd = run('fgd');
      const roam = run('roam');
      // Published: FGD leaves 4.77% of GPUs unallocated at 100% arrived (10-seed mean; seeds vary by ±0.3).
      expect(fgd.unallocatedAt100Pct).toBeGreaterThan(4.2);
      expect(fgd.unallocatedAt100Pct).toBeLessThan(5.3);
      expect(roam.unallocatedAt100Pct).toBeLessThan(fgd.unallocatedAt100Pct);
      expect(fgd.points).toHaveLength(131);
    },
    120_000,
  );
});
