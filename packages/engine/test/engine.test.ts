import { describe, expect, it } from 'vitest';
import {
  ClusterState,
  defaultSchedulerConfig,
  SeededRng,
  type ReplicaPlacement,
  type WorkloadInfo,
} from '@roam/core';
import {
  Engine,
  ManualClock,
  type EngineEvent,
  type Runtime,
  type StopRequest,
} from '../src/index.js';

/** A runtime that records what it is asked and lets the test decide when things stop. */
class FakeRuntime implements Runtime {
  readonly started: string[] = [];
  readonly stops: { key: string; request: StopRequest }[] = [];
  start(key: string, _placements: readonly ReplicaPlacement[]): void {
    this.started.push(key);
  }
  stop(key: string, request: StopRequest): void {
    this.stops.push({ key, request });
  }
}

const wl = (
  key: string,
  queue: string,
  gpus: number,
  over: Partial<WorkloadInfo> = {},
): WorkloadInfo => ({
  key,
  queue,
  class: 'training',
  priority: 50,
  preemptible: true,
  replicas: 1,
  request: { gpuMilli: gpus * 1000, gpuModels: [], cpuMilli: 1000, memoryMiB: 1024 },
  nodePools: [],
  nodeSelector: {},
  submittedAt: 0,
  ...over,
});

function setup(gpus = 2) {
  const state = new ClusterState({
    nodes: [
      {
        name: 'n1',
        pool: 'p',
        gpuModel: 'A100',
        gpus,
        cpuMilli: 64_000,
        memoryMiB: 262_144,
        labels: {},
        schedulable: true,
      },
    ],
    queues: [
      {
        name: 'a',
        quota: [{ nodePool: 'p', deservedMilli: 1000, overQuotaWeight: 1, limitMilli: null }],
      },
      {
        name: 'b',
        quota: [{ nodePool: 'p', deservedMilli: 1000, overQuotaWeight: 1, limitMilli: null }],
      },
    ],
  });
  const clock = new ManualClock(0);
  const runtime = new FakeRuntime();
  const events: EngineEvent[] = [];
  const engine = new Engine({
    state,
    config: defaultSchedulerConfig(),
    clock,
    rng: new SeededRng(1),
    runtime,
    sink: { record: (e) => events.push(e) },
  });
  return { state, clock, runtime, events, engine };
}

describe('engine', () => {
  it('runs a workload from submission to success', () => {
    const { engine, runtime, clock } = setup();
    engine.submit(wl('w', 'a', 1));
    expect(engine.needsCycle).toBe(true);
    engine.cycle();
    expect(engine.needsCycle).toBe(false);
    expect(runtime.started).toEqual(['w']);
    expect(engine.record('w')?.phase).toBe('Running');
    clock.advanceTo(5000);
    engine.finished('w', true);
    expect(engine.record('w')).toMatchObject({
      phase: 'Succeeded',
      startedAt: 0,
      finishedAt: 5000,
    });
    expect(engine.needsCycle).toBe(true);
  });

  it('refuses a second workload with the same key while the first is alive', () => {
    const { engine } = setup();
    engine.submit(wl('w', 'a', 1));
    expect(() => engine.submit(wl('w', 'a', 1))).toThrow(/already exists/);
  });

  it('holds a preemptor back until its victims stop, then places it first', () => {
    const { engine, runtime, clock, events } = setup(2);
    engine.submit(wl('b1', 'b', 1));
    engine.submit(wl('b2', 'b', 1));
    engine.cycle();
    clock.advanceTo(1000);
    engine.submit(wl('a1', 'a', 1));
    engine.cycle();
    // Queue b is over its fair share (1 GPU each): one of its jobs is reclaimed for a1.
    expect(runtime.stops).toHaveLength(1);
    const victim = runtime.stops[0]?.key as string;
    expect(runtime.stops[0]?.request).toMatchObject({ cause: 'reclaim', checkpoint: true });
    expect(engine.record(victim)?.phase).toBe('Preempting');
    expect(engine.record('a1')?.pendingCode).toBe('preempting');
    // While the victim checkpoints, nothing new is planned and a1 stays out of the pending set.
    engine.cycle();
    expect(runtime.stops).toHaveLength(1);
    clock.advanceTo(2000);
    engine.stopped(victim, 0);
    expect(engine.record(victim)).toMatchObject({ phase: 'Pending', preemptions: 1 });
    engine.cycle();
    expect(engine.record('a1')?.phase).toBe('Running');
    expect(engine.record(victim)?.phase).toBe('Pending');
    expect(events.filter((e) => e.kind === 'preempted').map((e) => e.workload)).toEqual([victim]);
  });

  it('cancels pending work at once and running work once it stops', () => {
    const { engine, runtime } = setup(1);
    engine.submit(wl('run', 'a', 1));
    engine.submit(wl('wait', 'a', 1, { submittedAt: 1 }));
    engine.cycle();
    engine.cancel('wait');
    expect(engine.record('wait')?.phase).toBe('Cancelled');
    engine.cancel('run');
    expect(runtime.stops.at(-1)).toMatchObject({
      key: 'run',
      request: { cause: 'cancel', checkpoint: false },
    });
    expect(engine.record('run')?.phase).toBe('Preempting');
    engine.stopped('run');
    expect(engine.record('run')?.phase).toBe('Cancelled');
  });

  it('requeues what ran on a lost node, counting the work since its last checkpoint as lost', () => {
    const { engine, clock, events, state } = setup(2);
    engine.submit(wl('w', 'a', 2));
    engine.cycle();
    clock.advanceTo(60_000);
    engine.checkpointed('w');
    clock.advanceTo(90_000);
    engine.removeNode('n1');
    expect(engine.record('w')).toMatchObject({ phase: 'Pending', preemptions: 1 });
    expect(events.find((e) => e.kind === 'preempted')?.lostGpuMilliMs).toBe(2000 * 30_000);
    expect(state.nodeCount).toBe(0);
  });
});
