import { describe, expect, it } from 'vitest';
import {
  ClusterState,
  fgdPolicy,
  findNode,
  roamPolicy,
  SeededRng,
  TaskMix,
  type ReplicaRequest,
} from '../../src/index.js';
import { node, workload } from '../builders.js';

const req = (gpuMilli: number, cpuMilli: number, gpuModels: string[] = []): ReplicaRequest => ({
  gpuMilli,
  gpuModels,
  cpuMilli,
  memoryMiB: 0,
});

function place(state: ClusterState, mix: TaskMix, gpus: number, cpu: number): string | undefined {
  const p = findNode(
    state,
    workload('w', 'q', gpus, { cpu }),
    'a100',
    roamPolicy({ maxCandidates: Infinity, order: 'slot' }),
    {
      rng: new SeededRng(1),
      taskMix: mix,
      state,
    },
  );
  return p?.slot.info.name;
}

describe("Roam's placement policy", () => {
  it('sends flexible work to the GPU model that constrained work does not need', () => {
    const state = new ClusterState({
      nodes: [node('t4', { gpuModel: 'T4', gpus: 2 }), node('g2', { gpuModel: 'G2', gpus: 2 })],
    });
    // Half the mix can only run on T4.
    const mix = TaskMix.fromRequests([req(1000, 1000, ['T4']), req(1000, 1000)]);
    expect(place(state, mix, 1, 1)).toBe('g2');
    // Without constrained work, the first node in rank order wins the tie.
    expect(place(state, TaskMix.fromRequests([req(1000, 1000)]), 1, 1)).toBe('t4');
  });

  it('keeps CPU for the GPUs it would otherwise strand, where FGD sees no difference', () => {
    // Typical work needs 16 CPUs per GPU. A CPU-hungry task (1 GPU, 40 CPUs) on 'lean' leaves
    // 24 CPUs for 3 idle GPUs: one more typical task fits (so FGD counts no fragment), but
    // 1.5 GPUs can never be fed.
    const state = new ClusterState({
      nodes: [
        node('lean', { gpus: 4, cpuMilli: 64_000 }),
        node('rich', { gpus: 4, cpuMilli: 128_000 }),
      ],
    });
    const mix = TaskMix.fromRequests([req(1000, 16_000)]);
    expect(place(state, mix, 1, 40)).toBe('rich');
    const fgd = findNode(
      state,
      workload('w', 'q', 1, { cpu: 40 }),
      'a100',
      fgdPolicy({ maxCandidates: Infinity, order: 'slot' }),
      {
        rng: new SeededRng(1),
        taskMix: mix,
        state,
      },
    );
    expect(fgd?.slot.info.name).toBe('lean');
  });
});
