import { describe, expect, it } from 'vitest';
import { readRoamJsonl } from '../../src/traces/index.js';
import { traceErrorOf } from './helpers.js';

const workload = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Workload',
  metadata: { name },
  spec: { queue: 'nlp', template: { gpu: 1, cpu: 8, memory: '64Gi' }, ...spec },
});
const line = (fields: Record<string, unknown>): string => JSON.stringify(fields);

describe('Roam JSONL workload trace', () => {
  it('reads jobs, skipping blank and comment lines, sorted by submission', () => {
    const text = [
      '# jobs of the nlp team',
      line({ submitSeconds: 90.5, workload: workload('late', { class: 'interactive' }) }),
      '',
      '   # indented comment',
      line({
        submitSeconds: 0,
        durationSeconds: 3600,
        workload: workload('llama', { replicas: 4, checkpoint: { intervalMinutes: 30 } }),
      }),
      `  ${line({ submitSeconds: 0, durationSeconds: 0.0001, workload: workload('tiny') })}\r`,
    ].join('\n');
    const trace = readRoamJsonl(text, 'jobs.jsonl');
    expect(trace.source).toBe('jobs.jsonl');
    expect(trace.jobs).toEqual([
      {
        workload: {
          key: 'llama',
          queue: 'nlp',
          class: 'training',
          priority: 50,
          preemptible: true,
          replicas: 4,
          request: { gpuMilli: 1000, gpuModels: [], cpuMilli: 8000, memoryMiB: 65536 },
          nodePools: [],
          nodeSelector: {},
          submittedAt: 0,
          capacity: { market: 'auto', clouds: [], regions: [] },
          checkpointIntervalMs: 1_800_000,
        },
        submitMs: 0,
        durationMs: 3_600_000,
        checkpointIntervalMs: 1_800_000,
      },
      expect.objectContaining({ submitMs: 0, durationMs: 1 }),
      expect.objectContaining({ submitMs: 90_500, durationMs: null }),
    ]);
    expect(trace.jobs[2]?.workload).toMatchObject({
      key: 'late',
      class: 'interactive',
      priority: 100,
      preemptible: false,
      submittedAt: 90_500,
    });
    expect(trace.jobs[2]).not.toHaveProperty('checkpointIntervalMs');
  });

  it('keys namespaced workloads by namespace/name', () => {
    const w = { ...workload('w'), metadata: { name: 'w', namespace: 'team' } };
    expect(readRoamJsonl(line({ submitSeconds: 1, workload: w }), 'j').jobs[0]?.workload.key).toBe(
      'team/w',
    );
  });

  it('reads an empty trace', () => {
    expect(readRoamJsonl('# nothing yet\n\n', 'j.jsonl')).toEqual({ source: 'j.jsonl', jobs: [] });
  });

  const ok = line({ submitSeconds: 0, workload: workload('first') });
  it.each([
    ['a list', '[1, 2]', 'j.jsonl:2: (line): must be a JSON object, got a list'],
    ['a number', '7', 'j.jsonl:2: (line): must be a JSON object, got 7'],
    [
      'an unknown field',
      line({ submitSeconds: 0, workload: workload('w'), user: 'x' }),
      'j.jsonl:2: user: unknown field; the fields are submitSeconds, durationSeconds, workload',
    ],
    [
      'a misspelt field',
      line({ submitSecond: 0, workload: workload('w') }),
      'j.jsonl:2: submitSecond: unknown field; the fields are submitSeconds, durationSeconds, workload',
    ],
    [
      'no submission time',
      line({ workload: workload('w') }),
      'j.jsonl:2: submitSeconds: is required',
    ],
    [
      'a negative submission time',
      line({ submitSeconds: -1, workload: workload('w') }),
      'j.jsonl:2: submitSeconds: must be a number ≥ 0, got -1',
    ],
    [
      'a submission time as text',
      line({ submitSeconds: '5', workload: workload('w') }),
      'j.jsonl:2: submitSeconds: must be a number ≥ 0, got "5"',
    ],
    [
      'an infinite submission time',
      '{"submitSeconds": 1e999}',
      'j.jsonl:2: submitSeconds: must be a number ≥ 0, got Infinity',
    ],
    [
      'a zero duration',
      line({ submitSeconds: 0, durationSeconds: 0, workload: workload('w') }),
      'j.jsonl:2: durationSeconds: must be a number > 0, got 0',
    ],
    ['no workload', line({ submitSeconds: 0 }), 'j.jsonl:2: workload: is required'],
    [
      'a workload that is not an object',
      line({ submitSeconds: 0, workload: 5 }),
      'j.jsonl:2: workload: must be an object, got 5',
    ],
    [
      'another kind',
      line({ submitSeconds: 0, workload: { ...workload('w'), kind: 'Queue' } }),
      'j.jsonl:2: workload.kind: must be Workload, got "Queue"',
    ],
    [
      'an invalid workload field',
      line({ submitSeconds: 0, workload: workload('w', { template: { gpu: 1.5 } }) }),
      'j.jsonl:2: workload.spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 1.5',
    ],
    [
      'an unknown workload field',
      line({ submitSeconds: 0, workload: workload('w', { queu: 'x' }) }),
      'j.jsonl:2: workload.spec.queu: unknown field; did you mean queue?',
    ],
    [
      'a workload listed twice',
      line({ submitSeconds: 5, workload: workload('first') }),
      'j.jsonl:2: workload.metadata.name: workload first is listed twice (first at line 1)',
    ],
  ])('refuses %s', (_name, bad, message) => {
    expect(traceErrorOf(() => readRoamJsonl(`${ok}\n${bad}\n`, 'j.jsonl'))).toBe(message);
  });

  it('refuses a line that is not JSON, with the parser message', () => {
    expect(traceErrorOf(() => readRoamJsonl(`${ok}\n{"submitSeconds": }\n`, 'j.jsonl'))).toMatch(
      /^j\.jsonl:2: \(line\): not valid JSON: ./,
    );
  });
});
