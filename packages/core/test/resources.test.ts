import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colonyNodeLabels,
  formatDocumentError,
  parseResources,
  type Colony,
  type Queue,
  type Workload,
} from '../src/index.js';

const LLAMA = readFileSync(new URL('../../../examples/llama.yaml', import.meta.url), 'utf8');

function errorsOf(text: string): string[] {
  return parseResources(text, 'x.yaml').errors.map(formatDocumentError);
}

const workload = (spec: string): string => `apiVersion: roam.dev/v1alpha1
kind: Workload
metadata:
  name: w
spec:
${spec
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;

describe('resource documents', () => {
  it('accepts the Queue and Workload of the foundation issue exactly as written', () => {
    const result = parseResources(LLAMA, 'llama.yaml');
    expect(result.errors).toEqual([]);
    const [queue, wl] = result.resources as [Queue, Workload];
    expect(queue.spec).toEqual({
      parent: 'research',
      quota: [{ nodePool: 'a100', deservedMilli: 16000, overQuotaWeight: 2, limitMilli: 64000 }],
    });
    expect(wl.spec).toMatchObject({
      queue: 'nlp',
      class: 'training',
      priority: 50,
      preemptible: true,
      replicas: 4,
      template: { gpuMilli: 1000, gpuModels: ['A100', 'H100'], cpuMilli: 8000, memoryMiB: 65536 },
      checkpoint: { intervalMs: 1_800_000, sizeMiB: 40 * 1024 },
      capacity: { market: 'auto', maxPricePerHourMicros: 3_000_000, clouds: [], regions: [] },
    });
  });

  it('accepts JSON: one document, a list of documents, or a kind: List', () => {
    const queue = {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Queue',
      metadata: { name: 'nlp' },
      spec: {
        parent: 'research',
        quota: [{ nodePool: 'a100', deservedGpus: 16, overQuotaWeight: 2, limitGpus: 64 }],
      },
    };
    const wl = {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Workload',
      metadata: { name: 'llama-finetune' },
      spec: {
        queue: 'nlp',
        replicas: 4,
        template: { gpu: 1, gpuModels: ['A100', 'H100'], cpu: 8, memory: '64Gi' },
      },
    };
    for (const text of [
      JSON.stringify(queue),
      JSON.stringify([queue, wl]),
      JSON.stringify({ kind: 'List', items: [queue, wl] }),
    ]) {
      const result = parseResources(text, 'x.json');
      expect(result.errors).toEqual([]);
      expect(result.resources.length).toBeGreaterThan(0);
    }
    const yamlDocs = parseResources(LLAMA, 'llama.yaml').resources;
    const jsonDocs = parseResources(JSON.stringify([queue, wl]), 'x.json').resources;
    expect(jsonDocs[0]).toEqual(yamlDocs[0]);
    expect((jsonDocs[1] as Workload).spec.template).toEqual(
      (yamlDocs[1] as Workload).spec.template,
    );
  });

  it('names the field and the reason for a GPU request of 1.5', () => {
    expect(errorsOf(LLAMA.replace('gpu: 1\n', 'gpu: 1.5\n'))).toEqual([
      'x.yaml: Workload/llama-finetune: spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 1.5',
    ]);
  });

  it.each([
    [
      'queue: nlp\ntemplate: {gpu: 1, cpu: 1}\nreplicas: 0',
      'spec.replicas: must be at least 1, got 0',
    ],
    ['template: {gpu: 1}', 'spec.queue: is required'],
    [
      'queue: nlp\ntemplate: {gpu: 1}\nclas: training',
      'spec.clas: unknown field; did you mean class?',
    ],
    [
      'queue: nlp\ntemplate: {gpu: 1}\nclass: batch',
      'spec.class: must be one of interactive, training, inference, got "batch"',
    ],
    [
      'queue: nlp\ntemplate: {gpu: 1, memory: 64GB}',
      'spec.template.memory: must be a memory quantity such as 64Gi or 512Mi, got "64GB"',
    ],
    [
      'queue: nlp\ntemplate: {memory: 1Gi}',
      'spec.template.cpu: a replica must ask for at least some CPU or a GPU',
    ],
    [
      'queue: nlp\ntemplate: {cpu: 1, gpuModels: [A100]}',
      'spec.template.gpuModels: is set but the replica asks for no GPU',
    ],
    [
      'queue: Nlp\ntemplate: {gpu: 1}',
      `spec.queue: must be lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, got "Nlp"`,
    ],
    [
      'queue: nlp\ntemplate: {gpu: 1}\ncapacity: {market: cheap}',
      'spec.capacity.market: must be one of spot, on-demand, auto, got "cheap"',
    ],
    [
      'queue: nlp\ntemplate: {gpu: 1}\ndeadline: soon',
      'spec.deadline: must be a duration such as 30m, 2h or 1d12h, got "soon"',
    ],
    [
      'queue: nlp\ntemplate: {gpu: 1}\nnodeSelector: {zone: [a]}',
      "spec.nodeSelector.zone: must be a label value (up to 63 letters, digits, '-', '_' or '.'), got a list",
    ],
  ])('refuses a workload spec: %j', (spec, expected) => {
    expect(errorsOf(workload(spec))).toEqual([`x.yaml: Workload/w: ${expected}`]);
  });

  it.each([
    [
      'quota:\n  - nodePool: a\n    deservedGpus: 10\n    limitGpus: 5',
      'spec.quota[0].limitGpus: must be at least deservedGpus (10), got 5',
    ],
    [
      'quota:\n  - nodePool: a\n  - nodePool: a',
      'spec.quota[1].nodePool: node pool a is listed twice',
    ],
    ['parent: q', 'spec.parent: a queue cannot be its own parent'],
    ['quota:\n  - deservedGpus: 1', 'spec.quota[0].nodePool: is required'],
  ])('refuses a queue spec: %j', (spec, expected) => {
    const doc = `apiVersion: roam.dev/v1alpha1\nkind: Queue\nmetadata: {name: q}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
    expect(errorsOf(doc)).toEqual([`x.yaml: Queue/q: ${expected}`]);
  });

  it('accepts an unlimited queue with limitGpus -1', () => {
    const doc =
      'apiVersion: roam.dev/v1alpha1\nkind: Queue\nmetadata: {name: q}\nspec:\n  quota: [{nodePool: a, deservedGpus: 2, limitGpus: -1}]\n';
    const [q] = parseResources(doc, 'x').resources as [Queue];
    expect(q.spec.quota[0]?.limitMilli).toBeNull();
  });

  it('reports every error of every document, and keeps the valid ones', () => {
    const text = `${workload('queue: a\ntemplate: {gpu: 2.5}')}---\n${workload('queue: b\ntemplate: {gpu: 2}').replace('name: w', 'name: ok')}---\nkind: Nope\n`;
    const result = parseResources(text, 'x.yaml');
    expect(result.resources.map((r) => r.metadata.name)).toEqual(['ok']);
    expect(result.errors.map(formatDocumentError)).toEqual([
      'x.yaml: Workload/w: spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 2.5',
      'x.yaml: document 3 (Nope): apiVersion: is required',
      'x.yaml: document 3 (Nope): kind: must be one of Workload, Queue, NodePool, Node, Colony, got "Nope"',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(errorsOf('kind: [\n')[0]).toMatch(/^x\.yaml: document 1: line \d+, column \d+: /);
  });

  it('validates NodePools and Nodes', () => {
    const text = `apiVersion: roam.dev/v1alpha1
kind: NodePool
metadata: {name: p}
spec:
  static:
    machines: [{count: 2, gpus: 8, cpu: 96, memory: 1Ti}]
---
apiVersion: roam.dev/v1alpha1
kind: Node
metadata: {name: n}
status: {pool: p, gpus: 8, gpuModel: H100, cpu: 96, memory: 1Ti, market: on-demand, bidPerHour: 3}
`;
    expect(errorsOf(text)).toEqual([
      'x.yaml: NodePool/p: spec.static.machines[0].gpuModel: is required when gpus is above 0',
      'x.yaml: Node/n: status.bidPerHour: only spot nodes have a bid',
    ]);
  });
});

describe('colonies', () => {
  const colony = (spec: string): string => `apiVersion: roam.dev/v1alpha1
kind: Colony
metadata: {name: c}
spec: ${spec}
`;

  it('accepts the example colony, and labels its nodes with it and their dependencies', () => {
    const text = readFileSync(new URL('../../../examples/colony.yaml', import.meta.url), 'utf8');
    const { resources, errors } = parseResources(text, 'colony.yaml');
    expect(errors).toEqual([]);
    const c = resources.find((r): r is Colony => r.kind === 'Colony');
    expect(c?.spec).toMatchObject({ nodePools: ['burst-a100'], lifetime: 'ephemeral' });
    expect(colonyNodeLabels('finetune-burst', c!.spec)).toEqual({
      'colony.roam.dev/name': 'finetune-burst',
      'deps.roam.dev/nvidia-driver': '550.54',
      'deps.roam.dev/kai-scheduler': 'v0.5.0',
      'deps.roam.dev/dcgm-exporter': 'any',
      'deps.roam.dev/pytorch': '2.5',
    });
  });

  it.each([
    ['{nodePools: [a]}', []],
    [
      '{nodePools: []}',
      ['x.yaml: Colony/c: spec.nodePools: a colony needs at least one node pool'],
    ],
    ['{lifetime: ephemeral}', ['x.yaml: Colony/c: spec.nodePools: is required']],
    ['{nodePools: [a, a]}', ['x.yaml: Colony/c: spec.nodePools: lists a twice']],
    [
      '{nodePools: [a], lifetime: forever}',
      ['x.yaml: Colony/c: spec.lifetime: must be one of persistent, ephemeral, got "forever"'],
    ],
    [
      '{nodePools: [a], dependencies: [{name: cuda}, {name: cuda}]}',
      ['x.yaml: Colony/c: spec.dependencies[1].name: cuda is listed twice'],
    ],
    [
      '{nodePools: [a], providers: [aws]}',
      [expect.stringMatching(/^x\.yaml: Colony\/c: spec\.providers: /)],
    ],
  ])('checks %s', (spec, expected) => {
    expect(errorsOf(colony(spec))).toEqual(expected);
  });
});
