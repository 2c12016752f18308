import {
  ClusterState,
  findNode,
  FragmentationMemo,
  MILLI_PER_GPU,
  SeededRng,
  shuffleInPlace,
  TaskMix,
  type NodeInfo,
  type NodeSlot,
  type PlacementPolicy,
  type ReplicaRequest,
  type WorkloadInfo,
} from '@roam/core';
import type { FillEvent } from './discretize.js';
import { inflatePods, podGpuMilli, type FillPod } from './inflate.js';

/** The request of a fill pod as the scheduler sees it. */
export function podRequest(p: FillPod): ReplicaRequest {
  return {
    gpuMilli: p.numGpu === 0 ? 0 : p.numGpu === 1 ? p.gpuMilli : p.numGpu * MILLI_PER_GPU,
    gpuModels: p.gpuModels,
    cpuMilli: p.cpuMilli,
    memoryMiB: p.memoryMiB,
  };
}

/** What one seeded fill run needs. */
export interface FillRunInput {
  readonly nodes: readonly NodeInfo[];
  /** The original pod list (the trace). */
  readonly pods: readonly FillPod[];
  /** Builds the placement policy for this run (a fresh one per run: policies cache). */
  readonly policy: () => PlacementPolicy;
  readonly seed: number;
  /** Arrived GPU request to reach, as a multiple of cluster GPUs (1.3 in the FGD paper). */
  readonly inflate: number;
  /** Called after each pod with how many are done, for progress. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The events of one run and how many pods were placed or failed. */
export interface FillRun {
  readonly events: FillEvent[];
  readonly placed: number;
  readonly failed: number;
  readonly clusterMilli: number;
}

/**
 * One FGD-style fill run: pods arrive one at a time in the inflated, shuffled order and
 * are placed by the policy on the first try or fail; nothing leaves. Nodes are added in a
 * random order drawn from the seed, so "ties go to the lowest slot" breaks ties by a fixed
 * random node rank, as the authors' scheduler does. After each pod the allocation and the
 * cluster's expected fragmentation (under the trace's task mix) are recorded.
 */
export function runFill(input: FillRunInput): FillRun {
  const rng = new SeededRng(input.seed);
  const clusterMilli = input.nodes.reduce((a, n) => a + n.gpus * MILLI_PER_GPU, 0);
  const order = inflatePods(input.pods, Math.round(clusterMilli * input.inflate), rng);
  const state = new ClusterState();
  for (const n of rankNodes(input.nodes, rng)) state.addNode(n);
  const taskMix = TaskMix.fromRequests(input.pods.map(podRequest));
  const ctx = { rng, taskMix, state };
  const memo = new FragmentationMemo(taskMix);
  const policy = input.policy();
  const fragOf = (s: NodeSlot): number =>
    memo.of({ gpuFree: s.gpuFree, cpuFree: s.cpuFree, model: s.info.gpuModel });
  const nodeFrag: number[] = [];
  let frag = 0;
  for (const s of state.nodes()) frag += nodeFrag[s.index] = fragOf(s);
  const events: FillEvent[] = [];
  let arrived = 0;
  let used = 0;
  let placed = 0;
  const pools = new Set(input.nodes.map((n) => n.pool));
  order.forEach((pod, i) => {
    const w = fillWorkload(pod, i);
    arrived += podGpuMilli(pod);
    const pick = [...pools]
      .map((pool) => findNode(state, w, pool, policy, ctx))
      .find((p) => p !== undefined);
    if (pick) {
      state.bind(w, [{ node: pick.slot.info.name, gpus: pick.choice.gpus }], 0);
      used += w.request.gpuMilli;
      const f = fragOf(pick.slot);
      frag += f - (nodeFrag[pick.slot.index] as number);
      nodeFrag[pick.slot.index] = f;
      placed++;
    }
    events.push({
      arrivedMilli: arrived,
      usedMilli: used,
      fragMilli: frag,
      idleMilli: clusterMilli - used,
    });
    input.onProgress?.(i + 1, order.length);
  });
  return { events, placed, failed: order.length - placed, clusterMilli };
}

/** Nodes sorted by name, then reordered by a random permutation: the order is the tie-break rank. */
function rankNodes(nodes: readonly NodeInfo[], rng: SeededRng): NodeInfo[] {
  const byName = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rank = shuffleInPlace(
    byName.map((_, i) => i),
    rng,
  );
  const ranked: NodeInfo[] = new Array<NodeInfo>(byName.length);
  byName.forEach((n, i) => {
    ranked[rank[i] as number] = n;
  });
  return ranked;
}

function fillWorkload(pod: FillPod, i: number): WorkloadInfo {
  return {
    key: `${pod.name}#${i}`,
    queue: 'default',
    class: 'training',
    priority: 0,
    preemptible: false,
    replicas: 1,
    request: podRequest(pod),
    nodePools: [],
    nodeSelector: {},
    submittedAt: i,
  };
}
