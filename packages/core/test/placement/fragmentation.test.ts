import { describe, expect, it } from 'vitest';
import {
  fgdScore,
  modelPressure,
  nodeFragmentation,
  strandedGpu,
  TaskMix,
  taskFragmentation,
  type TaskType,
} from '../../src/index.js';

const type = (over: Partial<TaskType>): TaskType => ({
  cpuMilli: 1000,
  gpuPerDevice: 500,
  gpuCount: 1,
  gpuModels: [],
  weight: 1,
  ...over,
});

describe("FGD's fragmentation measure", () => {
  it.each<[string, number[], number, TaskType, number]>([
    [
      'a fraction that fits: only GPUs with less free than it needs',
      [300, 1000, 600],
      32_000,
      type({ gpuPerDevice: 500 }),
      300,
    ],
    [
      'a fraction that fits nowhere: all idle GPU',
      [300, 400],
      32_000,
      type({ gpuPerDevice: 500 }),
      700,
    ],
    [
      'too little CPU: all idle GPU',
      [1000, 1000],
      500,
      type({ gpuPerDevice: 500, cpuMilli: 1000 }),
      2000,
    ],
    [
      'whole GPUs: partly used GPUs are fragments',
      [1000, 1000, 200],
      32_000,
      type({ gpuPerDevice: 1000, gpuCount: 2 }),
      200,
    ],
    [
      'too few whole GPUs: all idle GPU',
      [1000, 200],
      32_000,
      type({ gpuPerDevice: 1000, gpuCount: 2 }),
      1200,
    ],
    [
      'a CPU-only task cannot use GPUs at all',
      [1000, 500],
      32_000,
      type({ gpuPerDevice: 0, gpuCount: 0 }),
      1500,
    ],
    ['a model the task may not use', [1000], 32_000, type({ gpuModels: ['H100'] }), 1000],
    ['a full node has no fragment', [0, 0], 32_000, type({}), 0],
  ])('%s', (_name, gpuFree, cpuFree, t, expected) => {
    expect(taskFragmentation({ gpuFree, cpuFree, model: 'A100' }, t)).toBe(expected);
  });

  it('weights types by frequency, keeping the most common until 95% are covered', () => {
    const req = (gpuMilli: number) => ({ gpuMilli, gpuModels: [], cpuMilli: 1000, memoryMiB: 0 });
    const mix = TaskMix.fromRequests([
      ...Array.from({ length: 96 }, () => req(500)),
      ...Array.from({ length: 4 }, () => req(250)),
    ]);
    expect(mix.types).toHaveLength(1);
    expect(mix.types[0]?.weight).toBe(1);
    const both = TaskMix.fromRequests([...Array.from({ length: 3 }, () => req(500)), req(250)]);
    expect(nodeFragmentation({ gpuFree: [300], cpuFree: 8000, model: null }, both)).toBeCloseTo(
      0.75 * 300,
      6,
    );
  });

  it('scores a drop in fragmentation above 50 and a rise below', () => {
    expect(fgdScore(1000, 1000)).toBe(50);
    expect(fgdScore(1000, 0)).toBe(73);
    expect(fgdScore(0, 1000)).toBe(26);
  });
});

describe("Roam's extra costs", () => {
  it('counts GPU that free CPU cannot feed as stranded', () => {
    expect(strandedGpu({ gpuFree: [1000, 1000], cpuFree: 8000, model: null }, 8)).toBe(1000);
    expect(strandedGpu({ gpuFree: [1000, 1000], cpuFree: 32_000, model: null }, 8)).toBe(0);
  });

  it('finds models that constrained work needs more than their idle supply suggests', () => {
    const mix = TaskMix.fromRequests([
      { gpuMilli: 1000, gpuModels: ['T4'], cpuMilli: 1000, memoryMiB: 0 },
      { gpuMilli: 1000, gpuModels: [], cpuMilli: 1000, memoryMiB: 0 },
    ]);
    const p = modelPressure(
      new Map([
        ['T4', 1000],
        ['G2', 9000],
      ]),
      mix,
    );
    expect(p.get('T4')).toBeCloseTo(10, 6); // all constrained demand on a tenth of the idle GPU
    expect(p.get('G2')).toBe(0);
  });
});
