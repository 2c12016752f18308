import { describe, expect, it } from 'vitest';
import {
  ClusterState,
  findNode,
  minMaxNormalize,
  placementPolicy,
  SeededRng,
  TaskMix,
  type NodeInfo,
  type PlacementPolicyName,
  type WorkloadInfo,
} from '../../src/index.js';
import { node, workload } from '../builders.js';

/** A cluster whose nodes already hold the given per-GPU allocations (milli) and CPU. */
function clusterWith(
  specs: { name: string; used: number[]; cpuUsed?: number; info?: Partial<NodeInfo> }[],
): ClusterState {
  const state = new ClusterState();
  let n = 0;
  for (const s of specs) {
    state.addNode(node(s.name, { gpus: s.used.length, cpuMilli: 128_000, ...s.info }));
    s.used.forEach((milli, index) => {
      if (milli === 0) return;
      const w = workload(`fill-${n++}`, 'q', milli / 1000, { cpu: 0.001 });
      state.bind(
        { ...w, request: { ...w.request, gpuMilli: milli } },
        [{ node: s.name, gpus: [{ index, milli }] }],
        0,
      );
    });
    if (s.cpuUsed) {
      const w = workload(`cpu-${n++}`, 'q', 0, { cpu: s.cpuUsed / 1000 });
      state.bind(w, [{ node: s.name, gpus: [] }], 0);
    }
  }
  return state;
}

function pick(
  name: PlacementPolicyName,
  state: ClusterState,
  w: WorkloadInfo,
  mix = TaskMix.EMPTY,
): string | undefined {
  const policy = placementPolicy(name, { maxCandidates: Infinity, order: 'slot' });
  const p = findNode(state, w, 'a100', policy, { rng: new SeededRng(1), taskMix: mix, state });
  return p && `${p.slot.info.name}:${p.choice.gpus.map((g) => g.index).join('+')}`;
}

describe("the FGD paper's policies", () => {
  const nodes = [
    { name: 'empty', used: [0, 0, 0, 0] },
    { name: 'half', used: [500, 0, 0, 0] },
    { name: 'busy', used: [1000, 1000, 700, 0] },
  ];
  it.each<[PlacementPolicyName, number, string]>([
    // DotProd: the smallest dot product of free and requested: the busiest node.
    ['dotprod', 0.3, 'busy:2'],
    // BestFit: least left after placing; best-fit GPU (the 300-free GPU).
    ['bestfit', 0.3, 'busy:2'],
    // GpuPacking: a partly used GPU wins (100 − ⌊30/10⌋ = 97 on busy's GPU 2 vs 95 on half's GPU 0).
    ['packing', 0.3, 'busy:2'],
    // GpuClustering: 'half' holds only fractions (band 75 + 14) and beats 'busy', which mixes whole and fractional (50 + 20).
    ['clustering', 0.3, 'half:0'],
    ['bestfit', 1, 'busy:3'],
    ['packing', 2, 'half:1+2'],
  ])('%s places %s GPU on %s', (policy, gpus, where) => {
    expect(pick(policy, clusterWith(nodes), workload('w', 'q', gpus))).toBe(where);
  });

  it('GpuPacking scores an idle node max(33 − free GPUs, free GPUs), so small idle nodes fill first', () => {
    const state = clusterWith([
      { name: 'eight', used: [0, 0, 0, 0, 0, 0, 0, 0] },
      { name: 'two', used: [0, 0] },
    ]);
    expect(pick('packing', state, workload('w', 'q', 1))).toBe('two:0');
  });

  it('breaks ties by the lowest slot (the fixed node rank)', () => {
    const state = clusterWith([
      { name: 'first', used: [0, 0] },
      { name: 'second', used: [0, 0] },
    ]);
    for (const p of ['dotprod', 'bestfit', 'packing', 'clustering', 'fgd'] as const)
      expect(pick(p, state, workload('w', 'q', 1))).toBe('first:0');
  });

  it('normalises BestFit scores min–max to 0…100 with integer division', () => {
    expect(minMaxNormalize([10, 20, 30])).toEqual([0, 50, 100]);
    expect(minMaxNormalize([7, 8, 10])).toEqual([0, 33, 100]);
    expect(minMaxNormalize([5, 5])).toEqual([0, 0]);
  });

  it('Random picks every feasible node sometimes, and only feasible ones', () => {
    const state = clusterWith([
      { name: 'a', used: [0] },
      { name: 'b', used: [0] },
      { name: 'full', used: [1000] },
    ]);
    const seen = new Set<string>();
    const policy = placementPolicy('random');
    const rng = new SeededRng(3);
    for (let i = 0; i < 40; i++) {
      const p = findNode(state, workload('w', 'q', 0.5), 'a100', policy, {
        rng,
        taskMix: TaskMix.EMPTY,
        state,
      });
      seen.add(p?.slot.info.name ?? 'none');
    }
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it('FGD puts a fraction where it fills a gap the mix cannot use, not on an idle GPU', () => {
    // Tasks of 0.6 are common: a GPU with 0.4 free is a fragment for them; filling it with 0.4 removes the fragment.
    const mix = TaskMix.fromRequests([
      ...Array.from({ length: 9 }, () => ({
        gpuMilli: 600,
        gpuModels: [],
        cpuMilli: 1000,
        memoryMiB: 0,
      })),
      { gpuMilli: 400, gpuModels: [], cpuMilli: 1000, memoryMiB: 0 },
    ]);
    const state = clusterWith([
      { name: 'idle', used: [0, 0] },
      { name: 'gap', used: [600, 0] },
    ]);
    expect(pick('fgd', state, workload('w', 'q', 0.4, { cpu: 1 }), mix)).toBe('gap:0');
  });
});
