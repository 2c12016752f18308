import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadTraceFile,
  readOpenbPods,
  readPhillyJobs,
  readPhillyVcs,
  readTraceText,
  type ClusterSpec,
  type Trace,
  type TraceJob,
} from '../../src/traces/index.js';

// The public data sets of /work/shared/data (see each folder's README.md for the figures
// checked here). The tests are skipped where the data folder is absent.
const DATA = new URL('../../../../../shared/data/', import.meta.url).pathname;
const OPENB = `${DATA}openb/`;
const PHILLY = `${DATA}philly/`;
const missing = (path: string): boolean => !existsSync(path);

const asCluster = async (path: string): Promise<ClusterSpec> =>
  (await loadTraceFile(path)) as ClusterSpec;
const asTrace = async (path: string): Promise<Trace> => (await loadTraceFile(path)) as Trace;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};
const isSorted = (trace: Trace): boolean =>
  trace.jobs.every((j, i) => i === 0 || (trace.jobs[i - 1]?.submitMs ?? 0) <= j.submitMs);

describe('Alibaba openb (cluster-trace-gpu-v2023)', () => {
  const gpuNodes = `${OPENB}openb_node_list_gpu_node.csv`;
  it.skipIf(missing(gpuNodes))('has 1213 GPU nodes with 6212 GPUs and 107,018 CPUs', async () => {
    const spec = await asCluster(gpuNodes);
    expect(spec.nodes).toHaveLength(1213);
    expect(sum(spec.nodes.map((n) => n.gpus))).toBe(6212);
    expect(sum(spec.nodes.map((n) => n.cpuMilli))).toBe(107_018_000);
    expect(countBy(spec.nodes, (n) => String(n.gpuModel))).toEqual({
      G2: 549,
      T4: 404,
      P100: 134,
      V100M16: 55,
      G3: 39,
      V100M32: 30,
      A10: 2,
    });
    expect(spec.nodes[0]?.name).toBe('openb-node-0000');
  });

  const allNodes = `${OPENB}openb_node_list_all_node.csv`;
  it.skipIf(missing(allNodes))('has 1523 nodes in all, 310 of them CPU-only', async () => {
    const spec = await asCluster(allNodes);
    expect(spec.nodes).toHaveLength(1523);
    expect(spec.nodes.filter((n) => n.gpuModel === null)).toHaveLength(310);
    expect(sum(spec.nodes.map((n) => n.cpuMilli))).toBe(125_514_000);
  });

  const defaultPods = `${OPENB}openb_pod_list_default.csv`;
  it.skipIf(missing(defaultPods))(
    'has 8152 pods in the default list, asking 6086.8 GPUs',
    async () => {
      const trace = await asTrace(defaultPods);
      expect(trace.jobs).toHaveLength(8152);
      expect(isSorted(trace)).toBe(true);
      expect(sum(trace.jobs.map((j) => j.workload.request.gpuMilli))).toBe(6_086_800);
      const pods = readOpenbPods(await readTraceText(defaultPods), defaultPods);
      expect(countBy(pods, (p) => String(p.numGpu))).toEqual({
        '0': 1088,
        '1': 6989,
        '2': 16,
        '4': 15,
        '8': 44,
      });
      expect(pods.filter((p) => p.numGpu === 1 && p.gpuMilli < 1000)).toHaveLength(3078);
    },
  );

  const gpuspec = `${OPENB}openb_pod_list_gpuspec33.csv`;
  it.skipIf(missing(gpuspec))('reads GPU-model constraints of the gpuspec lists', async () => {
    const pods = readOpenbPods(await readTraceText(gpuspec), gpuspec);
    expect(pods).toHaveLength(8152);
    expect(pods.filter((p) => p.gpuModels.length > 0)).toHaveLength(2388);
  });

  it.skipIf(missing(OPENB)).each([
    ['multigpu20', 8324],
    ['multigpu30', 8508],
    ['multigpu40', 8746],
    ['multigpu50', 9061],
  ])('reads the %s list without timestamps (%i pods)', async (variant, count) => {
    const path = `${OPENB}openb_pod_list_${variant}.csv`;
    expect(readOpenbPods(await readTraceText(path), path)).toHaveLength(count);
    await expect(loadTraceFile(path)).rejects.toThrow(`${path}:1: creation_time: missing column`);
  });
});

describe('Microsoft Philly', () => {
  const jobs = `${PHILLY}philly_jobs.csv.gz`;
  const vcs = `${PHILLY}philly_vc_nodes.csv`;

  it.skipIf(missing(jobs))('has 82,247 jobs, with their GPU time', async () => {
    const trace = await asTrace(jobs);
    expect(trace.jobs).toHaveLength(82_247);
    expect(isSorted(trace)).toBe(true);
    const gpus = (j: TraceJob): number =>
      (j.workload.replicas * j.workload.request.gpuMilli) / 1000;
    expect(sum(trace.jobs.map(gpus))).toBe(107_235);
    expect(sum(trace.jobs.map((j) => (gpus(j) * (j.durationMs ?? 0)) / 1000))).toBe(3_521_082_502);
    expect(countBy(trace.jobs, (j) => String(gpus(j)))).toEqual({
      '1': 76_627,
      '2': 1818,
      '4': 1870,
      '8': 1643,
      '12': 7,
      '16': 199,
      '24': 7,
      '32': 67,
      '64': 6,
      '128': 3,
    });
    expect(trace.jobs.filter((j) => j.workload.request.gpuMilli > 8000)).toEqual([]);
    expect(countBy(trace.jobs, (j) => j.workload.queue)).toMatchObject({
      '6214e9': 41_226,
      '11cb48': 16_091,
      '795a4c': 3,
    });
  });

  it.skipIf(missing(vcs))('has 11 VCs of 352 nodes and 2,816 GPUs', async () => {
    const spec = await asCluster(vcs);
    expect(spec.nodes).toHaveLength(352);
    expect(sum(spec.nodes.map((n) => n.gpus))).toBe(2816);
    expect(spec.queues.map((q) => q.name)).toHaveLength(12);
    expect(sum(spec.queues.flatMap((q) => q.quota.map((e) => e.deservedMilli)))).toBe(2_816_000);
  });

  it.skipIf(missing(jobs) || missing(vcs))(
    'charges jobs of the 4 unlisted VCs to other',
    async () => {
      const cluster = readPhillyVcs(await readTraceText(vcs), vcs);
      const queues = new Set(cluster.queues.map((q) => q.name));
      const trace = readPhillyJobs(await readTraceText(jobs), jobs, { queues });
      expect(trace.jobs.filter((j) => j.workload.queue === 'other')).toHaveLength(8 + 4 + 3 + 3);
    },
  );
});
