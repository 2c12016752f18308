/**
 * The demo `roam up` creates on an empty store: clearly named `demo-*`, so nobody mistakes
 * it for real capacity. Two queues under one department, an on-prem pool of A100
 * machines, an elastic spot pool of H100 capacity, a colony of both with the software every node
 * needs, and a few workloads that run for a
 * while so the cluster is alive (one on spot, so launches, reclaims and moves show).
 */
export const DEMO_RESOURCES: readonly Record<string, unknown>[] = [
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'NodePool',
    metadata: { name: 'demo-onprem', labels: { 'roam.dev/demo': 'true' } },
    spec: {
      placement: 'roam',
      labels: { site: 'demo-dc' },
      static: {
        machines: [
          { count: 4, gpuModel: 'A100', gpus: 8, cpu: 96, memory: '1Ti' },
          { count: 4, gpuModel: 'T4', gpus: 4, cpu: 48, memory: '192Gi' },
        ],
      },
    },
  },
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'NodePool',
    metadata: { name: 'demo-spot', labels: { 'roam.dev/demo': 'true' } },
    spec: {
      placement: 'roam',
      elastic: {
        clouds: ['aws', 'gcp', 'azure'],
        gpuModels: ['H100', 'A100'],
        market: 'spot',
        minNodes: 0,
        maxNodes: 8,
        idleTimeToLive: '10m',
      },
    },
  },
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Colony',
    metadata: { name: 'demo-fleet', labels: { 'roam.dev/demo': 'true' } },
    spec: {
      nodePools: ['demo-onprem', 'demo-spot'],
      lifetime: 'persistent',
      dependencies: [
        { name: 'nvidia-driver', version: '550.54' },
        { name: 'dcgm-exporter', version: '3.3' },
        { name: 'pytorch', version: '2.5' },
      ],
    },
  },
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Queue',
    metadata: { name: 'demo-research', labels: { 'roam.dev/demo': 'true' } },
    spec: {
      quota: [
        { nodePool: 'demo-onprem', deservedGpus: 24, overQuotaWeight: 1 },
        { nodePool: 'demo-spot', deservedGpus: 32 },
      ],
    },
  },
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Queue',
    metadata: { name: 'demo-vision', labels: { 'roam.dev/demo': 'true' } },
    spec: {
      parent: 'demo-research',
      quota: [
        { nodePool: 'demo-onprem', deservedGpus: 12, overQuotaWeight: 2 },
        { nodePool: 'demo-spot', deservedGpus: 16 },
      ],
    },
  },
  {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Queue',
    metadata: { name: 'demo-serving', labels: { 'roam.dev/demo': 'true' } },
    spec: { quota: [{ nodePool: 'demo-onprem', deservedGpus: 8, limitGpus: 16 }] },
  },
  workload('demo-chat-serving', 'demo-serving', {
    class: 'inference',
    replicas: 2,
    template: { gpu: 0.5, gpuModels: ['T4'], cpu: 4, memory: '16Gi' },
  }),
  workload('demo-detector-train', 'demo-vision', {
    class: 'training',
    replicas: 2,
    template: { gpu: 4, gpuModels: ['A100'], cpu: 32, memory: '256Gi' },
    checkpoint: { intervalMinutes: 15, sizeGi: 20 },
    expectedDuration: '3h',
  }),
  workload('demo-llm-finetune', 'demo-research', {
    class: 'training',
    nodePools: ['demo-spot'],
    replicas: 1,
    template: { gpu: 8, gpuModels: ['H100', 'A100'], cpu: 64, memory: '512Gi' },
    checkpoint: { intervalMinutes: 20, sizeGi: 80 },
    capacity: { market: 'spot' },
    expectedDuration: '6h',
  }),
  workload('demo-notebook', 'demo-vision', {
    class: 'interactive',
    template: { gpu: 0.25, cpu: 2, memory: '8Gi' },
    expectedDuration: '1h',
  }),
];

function workload(
  name: string,
  queue: string,
  spec: Record<string, unknown>,
): Record<string, unknown> {
  return {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Workload',
    metadata: { name, labels: { 'roam.dev/demo': 'true' } },
    spec: { queue, ...spec },
  };
}
