import { describe, expect, it } from 'vitest';
import { readOpenbNodes, readOpenbPods, readOpenbPodTrace } from '../../src/traces/index.js';
import { lines, traceErrorOf } from './helpers.js';

const NODE_HEADER = 'sn,cpu_milli,memory_mib,gpu,model';
const POD_HEADER =
  'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time';
const MULTIGPU_HEADER = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli';

describe('openb node list', () => {
  it('reads nodes in file order into one FGD pool and a default queue', () => {
    const text = lines(
      NODE_HEADER,
      'n-b,64000,262144,2,P100',
      'n-a,32000,131072,0,',
      'n-c,96000,786432,8,',
    );
    expect(readOpenbNodes(text, 'nodes.csv')).toEqual({
      source: 'nodes.csv',
      nodes: [
        {
          name: 'n-b',
          pool: 'openb',
          gpuModel: 'P100',
          gpus: 2,
          cpuMilli: 64000,
          memoryMiB: 262144,
          labels: {},
          schedulable: true,
          market: 'on-prem',
        },
        {
          name: 'n-a',
          pool: 'openb',
          gpuModel: null,
          gpus: 0,
          cpuMilli: 32000,
          memoryMiB: 131072,
          labels: {},
          schedulable: true,
          market: 'on-prem',
        },
        {
          name: 'n-c',
          pool: 'openb',
          gpuModel: null,
          gpus: 8,
          cpuMilli: 96000,
          memoryMiB: 786432,
          labels: {},
          schedulable: true,
          market: 'on-prem',
        },
      ],
      pools: [{ name: 'openb', placement: 'fgd' }],
      queues: [{ name: 'default', quota: [] }],
    });
  });

  it('names the pool as asked', () => {
    const spec = readOpenbNodes(lines(NODE_HEADER, 'n,1000,1024,1,T4'), 'n.csv', { pool: 'ali' });
    expect(spec.pools).toEqual([{ name: 'ali', placement: 'fgd' }]);
    expect(spec.nodes.map((n) => n.pool)).toEqual(['ali']);
  });

  it.each([
    [
      'a missing column',
      lines('sn,cpu_milli,memory_mib,gpu', 'n,1,1,1'),
      'nodes.csv:1: model: missing column (the header is sn,cpu_milli,memory_mib,gpu)',
    ],
    ['an empty name', lines(NODE_HEADER, ',1000,1024,1,T4'), 'nodes.csv:2: sn: must not be empty'],
    [
      'a name listed twice',
      lines(NODE_HEADER, 'n,1000,1024,1,T4', 'm,1,1,0,', 'n,1,1,0,'),
      'nodes.csv:4: sn: node n is listed twice (first at line 2)',
    ],
    [
      'a bad CPU',
      lines(NODE_HEADER, 'n,abc,1024,1,T4'),
      'nodes.csv:2: cpu_milli: must be a non-negative integer, got "abc"',
    ],
    [
      'a negative memory',
      lines(NODE_HEADER, 'n,1000,-1,1,T4'),
      'nodes.csv:2: memory_mib: must be a non-negative integer, got "-1"',
    ],
    [
      'too many GPUs',
      lines(NODE_HEADER, 'n,1000,1024,65,T4'),
      'nodes.csv:2: gpu: must be an integer from 0 to 64, got "65"',
    ],
    [
      'a fractional GPU count',
      lines(NODE_HEADER, 'n,1000,1024,1.5,T4'),
      'nodes.csv:2: gpu: must be an integer from 0 to 64, got "1.5"',
    ],
    [
      'a short row',
      lines(NODE_HEADER, 'n,1000,1024,1'),
      'nodes.csv:2: model: missing: the row has 4 fields, the header 5',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(traceErrorOf(() => readOpenbNodes(text, 'nodes.csv'))).toBe(message);
  });
});

describe('openb pod list', () => {
  const pods = lines(
    POD_HEADER,
    'p-0,12000,16384,1,1000,,LS,Running,100,200,100',
    'p-1,6000,12288,1,460,V100M16|V100M32|,BE,Succeeded,50,80,55',
    'p-2,4000,8192,0,0,,BE,Failed,100,,',
    'p-3,8000,8192,4,1000,,LS,Pending,100,90,',
    'p-4,2000,1024,2,1000,,LS,Running,0.5,10.25,1',
  );

  it('reads raw pods in file order', () => {
    expect(readOpenbPods(pods, 'pods.csv')).toEqual([
      { name: 'p-0', cpuMilli: 12000, memoryMiB: 16384, numGpu: 1, gpuMilli: 1000, gpuModels: [] },
      {
        name: 'p-1',
        cpuMilli: 6000,
        memoryMiB: 12288,
        numGpu: 1,
        gpuMilli: 460,
        gpuModels: ['V100M16', 'V100M32'],
      },
      { name: 'p-2', cpuMilli: 4000, memoryMiB: 8192, numGpu: 0, gpuMilli: 0, gpuModels: [] },
      { name: 'p-3', cpuMilli: 8000, memoryMiB: 8192, numGpu: 4, gpuMilli: 1000, gpuModels: [] },
      { name: 'p-4', cpuMilli: 2000, memoryMiB: 1024, numGpu: 2, gpuMilli: 1000, gpuModels: [] },
    ]);
  });

  it('reads the five-column multigpu variant', () => {
    const text = lines(MULTIGPU_HEADER, 'p-0,12000,16384,8,1000');
    expect(readOpenbPods(text, 'm.csv')).toEqual([
      { name: 'p-0', cpuMilli: 12000, memoryMiB: 16384, numGpu: 8, gpuMilli: 1000, gpuModels: [] },
    ]);
  });

  it('replays pods as one-replica training jobs sorted by creation time', () => {
    const trace = readOpenbPodTrace(pods, 'pods.csv');
    expect(trace.source).toBe('pods.csv');
    expect(
      trace.jobs.map((j) => [
        j.workload.key,
        j.submitMs,
        j.durationMs,
        j.workload.request.gpuMilli,
      ]),
    ).toEqual([
      ['p-4', 500, 9750, 2000],
      ['p-1', 50_000, 30_000, 460],
      ['p-0', 100_000, 100_000, 1000],
      ['p-2', 100_000, null, 0],
      ['p-3', 100_000, null, 4000],
    ]);
    expect(trace.jobs[1]?.workload).toEqual({
      key: 'p-1',
      queue: 'default',
      class: 'training',
      priority: 50,
      preemptible: true,
      replicas: 1,
      request: {
        gpuMilli: 460,
        gpuModels: ['V100M16', 'V100M32'],
        cpuMilli: 6000,
        memoryMiB: 12288,
      },
      nodePools: [],
      nodeSelector: {},
      submittedAt: 50_000,
    });
  });

  const row = (fields: string): string => lines(POD_HEADER, 'ok,1,1,0,0,,LS,Running,0,1,0', fields);
  it.each([
    [
      'a bad gpu_milli',
      row('p,1000,1024,1,abc,,LS,Running,0,1,0'),
      'pods.csv:3: gpu_milli: must be an integer from 0 to 1000, got "abc"',
    ],
    [
      'gpu_milli above 1000',
      row('p,1000,1024,1,1001,,LS,Running,0,1,0'),
      'pods.csv:3: gpu_milli: must be an integer from 0 to 1000, got "1001"',
    ],
    [
      'a multi-GPU share',
      row('p,1000,1024,2,500,,LS,Running,0,1,0'),
      'pods.csv:3: gpu_milli: must be 1000 for a multi-GPU pod (num_gpu 2), got "500"',
    ],
    [
      'a one-GPU pod without share',
      row('p,1000,1024,1,0,,LS,Running,0,1,0'),
      'pods.csv:3: gpu_milli: must be from 1 to 1000 for a one-GPU pod, got "0"',
    ],
    [
      'a share without GPUs',
      row('p,1000,1024,0,500,,LS,Running,0,1,0'),
      'pods.csv:3: gpu_milli: must be 0 for a pod without GPUs (num_gpu 0), got "500"',
    ],
    [
      'a GPU model without GPUs',
      row('p,1000,1024,0,0,T4,LS,Running,0,1,0'),
      'pods.csv:3: gpu_spec: is set but the pod asks for no GPU',
    ],
    [
      'too many GPUs',
      row('p,1000,1024,65,1000,,LS,Running,0,1,0'),
      'pods.csv:3: num_gpu: must be an integer from 0 to 64, got "65"',
    ],
    [
      'a bad CPU',
      row('p,-1,1024,1,1000,,LS,Running,0,1,0'),
      'pods.csv:3: cpu_milli: must be a non-negative integer, got "-1"',
    ],
    [
      'a name listed twice',
      row('ok,1,1,0,0,,LS,Running,0,1,0'),
      'pods.csv:3: name: pod ok is listed twice (first at line 2)',
    ],
    [
      'an empty creation time',
      row('p,1,1,0,0,,LS,Running,,1,0'),
      'pods.csv:3: creation_time: must be a non-negative number of seconds, got ""',
    ],
    [
      'a bad deletion time',
      row('p,1,1,0,0,,LS,Running,0,soon,0'),
      'pods.csv:3: deletion_time: must be a non-negative number of seconds, got "soon"',
    ],
    [
      'a list without timestamps',
      lines(MULTIGPU_HEADER, 'p,1,1,0,0'),
      'pods.csv:1: creation_time: missing column (the header is name,cpu_milli,memory_mib,num_gpu,gpu_milli)',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(traceErrorOf(() => readOpenbPodTrace(text, 'pods.csv'))).toBe(message);
  });

  it('needs no timestamps for the raw pods', () => {
    expect(traceErrorOf(() => readOpenbPods(lines(MULTIGPU_HEADER, 'p,1,1,1,0'), 'm.csv'))).toBe(
      'm.csv:2: gpu_milli: must be from 1 to 1000 for a one-GPU pod, got "0"',
    );
  });
});
