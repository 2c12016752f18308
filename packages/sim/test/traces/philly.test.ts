import { describe, expect, it } from 'vitest';
import { readPhillyJobs, readPhillyVcs } from '../../src/traces/index.js';
import { lines, traceErrorOf } from './helpers.js';

const JOB_HEADER = 'job_idx,vc,submit_time,submit_s,duration_s,num_gpus,gpu_time_s';
const job = (idx: number, vc: string, submitS: string, durationS: string, gpus: string): string =>
  `${idx},${vc},2017-10-01 00:00:00,${submitS},${durationS},${gpus},0`;

describe('Philly jobs', () => {
  const text = lines(
    JOB_HEADER,
    job(0, 'vc-a', '10', '100', '1'),
    job(1, 'vc-b', '5', '7', '8'),
    job(2, 'vc-c', '10', '1', '16'),
    job(3, 'vc-a', '20', '2.5', '12'),
  );

  it('reads jobs as training workloads, one replica per 8-GPU slice, sorted by submission', () => {
    const trace = readPhillyJobs(text, 'jobs.csv');
    expect(trace.source).toBe('jobs.csv');
    expect(
      trace.jobs.map((j) => [
        j.workload.key,
        j.workload.queue,
        j.submitMs,
        j.durationMs,
        j.workload.replicas,
        j.workload.request.gpuMilli,
      ]),
    ).toEqual([
      ['philly-1', 'vc-b', 5000, 7000, 1, 8000],
      ['philly-0', 'vc-a', 10_000, 100_000, 1, 1000],
      ['philly-2', 'vc-c', 10_000, 1000, 2, 8000],
      ['philly-3', 'vc-a', 20_000, 2500, 2, 6000],
    ]);
    expect(trace.jobs[0]?.workload).toEqual({
      key: 'philly-1',
      queue: 'vc-b',
      class: 'training',
      priority: 50,
      preemptible: true,
      replicas: 1,
      request: { gpuMilli: 8000, gpuModels: [], cpuMilli: 0, memoryMiB: 0 },
      nodePools: [],
      nodeSelector: {},
      submittedAt: 5000,
    });
  });

  it.each<[string, { queues?: ReadonlySet<string>; otherQueue?: string }, string[]]>([
    ['every VC its own queue', {}, ['vc-b', 'vc-a', 'vc-c', 'vc-a']],
    ['unlisted VCs to other', { queues: new Set(['vc-a']) }, ['other', 'vc-a', 'other', 'vc-a']],
    [
      'unlisted VCs to a named queue',
      { queues: new Set(['vc-c']), otherQueue: 'rest' },
      ['rest', 'rest', 'vc-c', 'rest'],
    ],
  ])('maps %s', (_name, options, queues) => {
    expect(readPhillyJobs(text, 'jobs.csv', options).jobs.map((j) => j.workload.queue)).toEqual(
      queues,
    );
  });

  it.each([
    [
      'a missing column',
      lines('job_idx,vc,submit_s,duration_s', '0,a,0,1'),
      'jobs.csv:1: num_gpus: missing column (the header is job_idx,vc,submit_s,duration_s)',
    ],
    [
      'a bad index',
      lines(JOB_HEADER, job(0, 'a', '0', '1', '1').replace(/^0/, 'x')),
      'jobs.csv:2: job_idx: must be a non-negative integer, got "x"',
    ],
    [
      'an index listed twice',
      lines(JOB_HEADER, job(7, 'a', '0', '1', '1'), job(7, 'a', '0', '1', '1')),
      'jobs.csv:3: job_idx: workload philly-7 is listed twice (first at line 2)',
    ],
    [
      'an empty VC',
      lines(JOB_HEADER, job(0, '', '0', '1', '1')),
      'jobs.csv:2: vc: must not be empty',
    ],
    [
      'a VC that cannot name a queue',
      lines(JOB_HEADER, job(0, 'VC_1', '0', '1', '1')),
      `jobs.csv:2: vc: must be lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, got "VC_1"`,
    ],
    [
      'a negative submission',
      lines(JOB_HEADER, job(0, 'a', '-1', '1', '1')),
      'jobs.csv:2: submit_s: must be a non-negative number of seconds, got "-1"',
    ],
    [
      'a zero duration',
      lines(JOB_HEADER, job(0, 'a', '0', '0', '1')),
      'jobs.csv:2: duration_s: must be a positive number of seconds, got "0"',
    ],
    [
      'no GPUs',
      lines(JOB_HEADER, job(0, 'a', '0', '1', '0')),
      'jobs.csv:2: num_gpus: must be an integer of at least 1, got "0"',
    ],
  ])('refuses %s', (_name, input, message) => {
    expect(traceErrorOf(() => readPhillyJobs(input, 'jobs.csv'))).toBe(message);
  });
});

describe('Philly virtual clusters', () => {
  it('reads VCs as 8-GPU nodes in one bin-packing pool with a queue each, and other', () => {
    const spec = readPhillyVcs(lines('vc,num_nodes,num_gpus', 'a1,2,16', 'b2,0,0'), 'vcs.csv');
    const node = {
      pool: 'philly',
      gpuModel: 'GPU',
      gpus: 8,
      cpuMilli: 64_000,
      memoryMiB: 524_288,
      schedulable: true,
      market: 'on-prem',
    };
    expect(spec).toEqual({
      source: 'vcs.csv',
      nodes: [
        { name: 'a1-01', ...node, labels: { vc: 'a1' } },
        { name: 'a1-02', ...node, labels: { vc: 'a1' } },
      ],
      pools: [{ name: 'philly', placement: 'binpack' }],
      queues: [
        {
          name: 'a1',
          quota: [
            { nodePool: 'philly', deservedMilli: 16_000, overQuotaWeight: 1, limitMilli: null },
          ],
        },
        {
          name: 'b2',
          quota: [{ nodePool: 'philly', deservedMilli: 0, overQuotaWeight: 1, limitMilli: null }],
        },
        { name: 'other', quota: [] },
      ],
    });
  });

  it('pads node numbers to the widest', () => {
    const spec = readPhillyVcs(lines('vc,num_nodes,num_gpus', 'v,100,800'), 'vcs.csv');
    expect([spec.nodes[0]?.name, spec.nodes[99]?.name]).toEqual(['v-001', 'v-100']);
  });

  const HEADER = 'vc,num_nodes,num_gpus';
  it.each([
    [
      'GPUs that are not 8 per node',
      lines(HEADER, 'a,64,500'),
      'vcs.csv:2: num_gpus: must be num_nodes × 8 = 512, got "500"',
    ],
    [
      'a VC listed twice',
      lines(HEADER, 'a,1,8', 'a,1,8'),
      'vcs.csv:3: vc: vc a is listed twice (first at line 2)',
    ],
    [
      'the reserved VC other',
      lines(HEADER, 'other,1,8'),
      'vcs.csv:2: vc: "other" is reserved for the queue of jobs of VCs not listed',
    ],
    [
      'a negative node count',
      lines(HEADER, 'a,-1,8'),
      'vcs.csv:2: num_nodes: must be a non-negative integer, got "-1"',
    ],
  ])('refuses %s', (_name, input, message) => {
    expect(traceErrorOf(() => readPhillyVcs(input, 'vcs.csv'))).toBe(message);
  });
});
