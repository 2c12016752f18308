import { describe, expect, it } from 'vitest';
import {
  ClusterState,
  defaultSchedulerConfig,
  offeringId,
  SeededRng,
  spotPlace,
  type CatalogOffering,
  type MarketOffering,
  type NodeInfo,
  type ReplicaPlacement,
  type WorkloadInfo,
} from '@roam/core';
import {
  CapacityManager,
  Engine,
  ManualClock,
  type CapacityEvent,
  type CloudEvent,
  type CloudInstance,
  type CloudPort,
  type LaunchRequest,
  type Runtime,
  type StopRequest,
} from '../src/index.js';

/** A cloud the test drives: a fixed market; launches are recorded and answered by the test. */
class ScriptedCloud implements CloudPort {
  readonly launches: (LaunchRequest & { id: string })[] = [];
  readonly terminated: string[] = [];
  /** What `instances()` lists: set by the test. */
  held: CloudInstance[] = [];
  private listener: (e: CloudEvent) => void = () => undefined;
  constructor(public offerings: MarketOffering[]) {}
  market(): readonly MarketOffering[] {
    return this.offerings;
  }
  instances(): readonly CloudInstance[] {
    return this.held;
  }
  launch(request: LaunchRequest): string {
    const id = `i-${this.launches.length}`;
    this.launches.push({ ...request, id });
    return id;
  }
  terminate(instanceId: string): void {
    this.terminated.push(instanceId);
  }
  subscribe(listener: (e: CloudEvent) => void): () => void {
    this.listener = listener;
    return () => undefined;
  }
  /** The instance of launch `n` is ready as a node. */
  ready(n: number, name: string): NodeInfo {
    const l = this.launches[n] as LaunchRequest & { id: string };
    const o = this.offerings.find((m) => offeringId(m.offering) === l.offeringId)?.offering;
    if (!o) throw new Error(`no offering ${l.offeringId}`);
    const node: NodeInfo = {
      name,
      pool: l.pool,
      gpuModel: o.gpuModel,
      gpus: o.gpuCount,
      cpuMilli: o.cpuMilli,
      memoryMiB: o.memoryMiB,
      labels: {},
      schedulable: true,
      market: l.market,
      zone: l.zone,
      pricePerHourMicros:
        l.market === 'spot'
          ? (this.offerings.find((m) => m.offering === o)?.spot.get(l.zone)?.pricePerHourMicros ??
            0)
          : o.onDemandPerHourMicros,
      cloud: {
        cloud: o.cloud,
        region: o.region,
        instanceType: o.instanceType,
        instanceId: l.id,
        onDemandPerHourMicros: o.onDemandPerHourMicros,
      },
    };
    this.listener({ type: 'ready', instanceId: l.id, node });
    return node;
  }
  emit(e: CloudEvent): void {
    this.listener(e);
  }
}

class FakeRuntime implements Runtime {
  readonly stops: { key: string; request: StopRequest }[] = [];
  start(_key: string, _placements: readonly ReplicaPlacement[]): void {}
  stop(key: string, request: StopRequest): void {
    this.stops.push({ key, request });
  }
}

const offering = (instanceType: string, onDemand: number): CatalogOffering => ({
  cloud: 'aws',
  region: 'us-east-1',
  zones: ['us-east-1a', 'us-east-1b'],
  instanceType,
  gpuModel: 'A100',
  gpuCount: 2,
  gpuMemoryMiB: 40_960,
  cpuMilli: 24_000,
  memoryMiB: 170 * 1024,
  onDemandPerHourMicros: onDemand * 1e6,
  spotPerHourMicros: (onDemand / 3) * 1e6,
  source: 'test',
});
const market = (o: CatalogOffering, spot: Record<string, number>): MarketOffering => ({
  offering: o,
  spot: new Map(
    Object.entries(spot).map(([z, p]) => [z, { available: true, pricePerHourMicros: p * 1e6 }]),
  ),
});
const workload = (key: string, gpus: number, over: Partial<WorkloadInfo> = {}): WorkloadInfo => ({
  key,
  queue: 'team',
  class: 'training',
  priority: 50,
  preemptible: true,
  replicas: 1,
  request: { gpuMilli: gpus * 1000, gpuModels: [], cpuMilli: 1000, memoryMiB: 1024 },
  nodePools: [],
  nodeSelector: {},
  submittedAt: 0,
  expectedDurationMs: 10 * 3_600_000,
  checkpointIntervalMs: 600_000,
  ...over,
});

const a2 = offering('a2', 6);

function setup(offerings: MarketOffering[], maxNodes = 4) {
  const state = new ClusterState({
    pools: [
      {
        name: 'cloud',
        placement: 'binpack',
        elastic: {
          clouds: [],
          regions: [],
          instanceTypes: [],
          gpuModels: [],
          market: 'auto',
          minNodes: 0,
          maxNodes,
          idleTtlMs: 600_000,
        },
      },
    ],
    queues: [
      {
        name: 'team',
        quota: [{ nodePool: 'cloud', deservedMilli: 8000, overQuotaWeight: 1, limitMilli: null }],
      },
    ],
  });
  const clock = new ManualClock(0);
  const runtime = new FakeRuntime();
  const engine = new Engine({
    state,
    config: defaultSchedulerConfig(),
    clock,
    rng: new SeededRng(1),
    runtime,
  });
  const cloud = new ScriptedCloud(offerings);
  const events: CapacityEvent[] = [];
  const capacity = new CapacityManager({
    engine,
    cloud,
    now: () => clock.now(),
    onEvent: (e) => events.push(e),
  });
  const cycle = () => capacity.afterCycle(engine.cycle());
  return { state, clock, runtime, engine, cloud, capacity, events, cycle };
}

describe('capacity manager', () => {
  it('launches for work that fits nowhere, once, and places it when the node is ready', () => {
    const { engine, cloud, cycle, state } = setup([market(a2, { 'us-east-1a': 2 })]);
    engine.submit(workload('w1', 1));
    engine.submit(workload('w2', 1));
    cycle();
    // Both fit one 2-GPU instance: one launch, spot, bid at the on-demand price.
    expect(cloud.launches).toEqual([
      expect.objectContaining({ pool: 'cloud', market: 'spot', bidPerHourMicros: 6e6 }),
    ]);
    cycle();
    expect(cloud.launches).toHaveLength(1); // waits for the instance on its way
    cloud.ready(0, 'node-0');
    expect(state.poolSize('cloud')).toBe(1);
    cycle();
    expect(engine.record('w1')?.phase).toBe('Running');
    expect(engine.record('w2')?.phase).toBe('Running');
  });

  it('moves work off a node with a reclaim notice at once, to a target launched for it, and drops the node when it goes', () => {
    const { engine, cloud, cycle, runtime, state, capacity } = setup([
      market(a2, { 'us-east-1a': 2, 'us-east-1b': 2.1 }),
    ]);
    engine.submit(workload('w', 2));
    cycle();
    cloud.ready(0, 'node-0');
    cycle();
    cloud.emit({ type: 'interruption-notice', instanceId: 'i-0', node: 'node-0', at: 120_000 });
    cycle();
    expect(runtime.stops).toEqual([
      { key: 'w', request: expect.objectContaining({ checkpoint: true }) },
    ]);
    expect(state.node('node-0')?.info.schedulable).toBe(false);
    engine.stopped('w');
    cloud.emit({
      type: 'terminated',
      instanceId: 'i-0',
      node: 'node-0',
      reason: 'reclaimed: test',
    });
    expect(state.node('node-0')).toBeUndefined();
    cycle();
    // Its target was launched with the notice (where spot is not going), and only that.
    expect(cloud.launches).toHaveLength(2);
    expect(cloud.launches[1]).toMatchObject({ zone: 'us-east-1b' });
    cloud.ready(1, 'node-1');
    cycle();
    expect(state.booking('w')?.placements.map((p) => p.node)).toEqual(['node-1']);
    expect(capacity.counters).toMatchObject({ reclaims: 1, migrations: 1 });
  });

  it.each<[string, Partial<WorkloadInfo>, boolean]>([
    ['work that checkpoints: checkpointed to wait', {}, true],
    [
      'work that cannot checkpoint: stays (it loses its progress either way)',
      { checkpointIntervalMs: undefined },
      false,
    ],
    ['work that finishes before the node goes: stays', { expectedDurationMs: 60_000 }, false],
  ])('with a reclaim notice and nowhere to move, %s', (_name, over, checkpointed) => {
    // Spot only, in one zone: with the notice, no place it may use has capacity.
    const { engine, cloud, cycle, runtime, state, capacity, events } = setup([
      market(a2, { 'us-east-1a': 2 }),
    ]);
    const spotOnly = { capacity: { market: 'spot' as const, clouds: [], regions: [] } };
    engine.submit(workload('w', 2, { ...spotOnly, ...over }));
    cycle();
    cloud.ready(0, 'node-0');
    cycle();
    cloud.emit({ type: 'interruption-notice', instanceId: 'i-0', node: 'node-0', at: 120_000 });
    cycle();
    expect(cloud.launches).toHaveLength(1);
    expect(capacity.counters.migrations).toBe(0);
    expect(state.node('node-0')?.info.schedulable).toBe(!checkpointed);
    if (!checkpointed) return expect(runtime.stops).toEqual([]);
    expect(runtime.stops).toEqual([
      { key: 'w', request: expect.objectContaining({ checkpoint: true }) },
    ]);
    expect(events.map((e) => e.kind)).toContain('checkpointing');
    engine.stopped('w');
    expect(engine.record('w')?.phase).toBe('Pending');
  });

  it('checkpoints a multi-node gang when any of its nodes gets a reclaim notice, and replaces only that node', () => {
    const { engine, cloud, cycle, runtime, state, capacity } = setup([
      market(a2, { 'us-east-1a': 2, 'us-east-1b': 2.1 }),
    ]);
    const gangNodes = () =>
      state
        .booking('g')
        ?.placements.map((p) => p.node)
        .sort();
    engine.submit(workload('g', 2, { replicas: 2 }));
    cycle();
    expect(cloud.launches).toHaveLength(2);
    cloud.ready(0, 'node-0');
    cloud.ready(1, 'node-1');
    cycle();
    expect(gangNodes()).toEqual(['node-0', 'node-1']);
    // The notice is for the gang's second node.
    cloud.emit({ type: 'interruption-notice', instanceId: 'i-1', node: 'node-1', at: 120_000 });
    cycle();
    expect(runtime.stops).toEqual([
      { key: 'g', request: expect.objectContaining({ checkpoint: true }) },
    ]);
    expect(state.node('node-1')?.info.schedulable).toBe(false);
    expect(state.node('node-0')?.info.schedulable).toBe(true);
    // One replacement, for the going node's share, where spot is not going.
    expect(cloud.launches).toHaveLength(3);
    expect(cloud.launches[2]).toMatchObject({ zone: 'us-east-1b' });
    engine.stopped('g');
    cloud.emit({ type: 'terminated', instanceId: 'i-1', node: 'node-1', reason: 'reclaimed: x' });
    // While the replacement boots, the gang waits with half of it fitting on node-0: nothing
    // more is launched for it.
    cycle();
    expect(engine.record('g')?.pendingCode).toBe('gang');
    expect(cloud.launches).toHaveLength(3);
    cloud.ready(2, 'node-2');
    cycle();
    expect(gangNodes()).toEqual(['node-0', 'node-2']);
    expect(cloud.launches).toHaveLength(3);
    expect(capacity.counters).toMatchObject({ reclaims: 1, migrations: 1 });
  });

  it('moves a multi-node gang short of slack to on-demand as a whole, and keeps it off spot meanwhile', () => {
    const { engine, cloud, cycle, runtime, state, clock } = setup([
      market(a2, { 'us-east-1a': 2 }),
    ]);
    const gangNodes = () =>
      state
        .booking('g')
        ?.placements.map((p) => p.node)
        .sort();
    // 10 h of work, 2 h of slack at submission: spot is worth it then.
    engine.submit(workload('g', 2, { replicas: 2, deadlineAt: 12 * 3_600_000 }));
    cycle();
    expect(cloud.launches.map((l) => l.market)).toEqual(['spot', 'spot']);
    // The nodes take 95 minutes to come: 25 minutes of slack are left, under 30.
    clock.advanceTo(95 * 60_000);
    cloud.ready(0, 'spot-0');
    cloud.ready(1, 'spot-1');
    cycle();
    expect(gangNodes()).toEqual(['spot-0', 'spot-1']);
    cycle();
    // Checkpointed at once; no single-node target: on-demand for both replicas instead.
    expect(runtime.stops).toEqual([
      { key: 'g', request: expect.objectContaining({ checkpoint: true }) },
    ]);
    engine.stopped('g');
    expect(engine.record('g')?.onDemandOnly).toMatch(/^moved off spot for its deadline/);
    // A user's edit of the waiting gang does not put it back on spot.
    engine.update(workload('g', 2, { replicas: 2, deadlineAt: 12 * 3_600_000, priority: 60 }));
    expect(engine.record('g')?.info).toMatchObject({
      priority: 60,
      capacity: { market: 'on-demand' },
    });
    cycle();
    // The spot nodes are free and schedulable, but the gang waits for on-demand.
    expect(state.isPending('g')).toBe(true);
    expect(cloud.launches.slice(2).map((l) => l.market)).toEqual(['on-demand', 'on-demand']);
    cloud.ready(2, 'od-0');
    cloud.ready(3, 'od-1');
    cycle();
    expect(gangNodes()).toEqual(['od-0', 'od-1']);
  });

  it('moves to a cheaper place make-before-break: target first, then evict, place there, and drop the old node', () => {
    const { engine, cloud, cycle, runtime, state, clock, events } = setup([
      market(a2, { 'us-east-1a': 5 }),
    ]);
    engine.submit(workload('w', 2));
    cycle();
    cloud.ready(0, 'dear');
    cycle();
    expect(engine.record('w')?.placements?.[0]?.node).toBe('dear');
    // The price elsewhere falls far below: worth moving for the rest of a 10 h run.
    clock.advanceTo(60_000);
    cloud.offerings = [market(a2, { 'us-east-1a': 5, 'us-east-1b': 0.5 })];
    cycle();
    expect(cloud.launches[1]).toMatchObject({ zone: 'us-east-1b', market: 'spot' });
    // It keeps running while the target boots.
    expect(runtime.stops).toEqual([]);
    cycle();
    expect(cloud.launches).toHaveLength(2);
    cloud.ready(1, 'cheap');
    expect(state.node('cheap')?.info.reservedFor).toBe('w');
    expect(runtime.stops.map((s) => s.key)).toEqual(['w']);
    engine.stopped('w');
    cycle();
    expect(engine.record('w')?.placements?.[0]?.node).toBe('cheap');
    cycle();
    expect(state.node('cheap')?.info.reservedFor).toBeUndefined();
    expect(events.filter((e) => e.kind === 'moving')).toHaveLength(1);
    // The dear node it left was cordoned and is terminated now, not after 10 idle minutes.
    expect(cloud.terminated).toEqual(['i-0']);
    expect(events.find((e) => e.kind === 'scaled-down')?.reason).toMatch(/left empty by a move/);
  });

  /** A 2-node gang on dear spot, then a far cheaper zone: the gang's targets launch. */
  function gangSeesCheaperZone() {
    const s = setup([market(a2, { 'us-east-1a': 5 })]);
    const gangNodes = () =>
      s.state
        .booking('g')
        ?.placements.map((p) => p.node)
        .sort();
    s.engine.submit(workload('g', 2, { replicas: 2 }));
    s.cycle();
    s.cloud.ready(0, 'dear-0');
    s.cloud.ready(1, 'dear-1');
    s.cycle();
    expect(gangNodes()).toEqual(['dear-0', 'dear-1']);
    // Worth moving the whole gang for the rest of a 10 h run.
    s.clock.advanceTo(60_000);
    s.cloud.offerings = [market(a2, { 'us-east-1a': 5, 'us-east-1b': 0.5 })];
    s.cycle();
    return { ...s, gangNodes };
  }

  it('moves a multi-node gang as a unit: a target per node, evicted once all have joined', () => {
    const { engine, cloud, cycle, runtime, gangNodes } = gangSeesCheaperZone();
    expect(cloud.launches.slice(2)).toEqual([
      expect.objectContaining({ zone: 'us-east-1b', market: 'spot' }),
      expect.objectContaining({ zone: 'us-east-1b', market: 'spot' }),
    ]);
    cloud.ready(2, 'cheap-0');
    cycle();
    // Half of the targets: it keeps running.
    expect(runtime.stops).toEqual([]);
    cloud.ready(3, 'cheap-1');
    expect(runtime.stops.map((r) => r.key)).toEqual(['g']);
    engine.stopped('g');
    cycle();
    expect(gangNodes()).toEqual(['cheap-0', 'cheap-1']);
    cycle();
    // Both nodes it left are terminated at once.
    expect(cloud.terminated.sort()).toEqual(['i-0', 'i-1']);
    expect(cloud.launches).toHaveLength(4);
  });

  it("keeps a gang where it runs when one of its move's targets fails to launch", () => {
    const { cloud, cycle, runtime, state, gangNodes } = gangSeesCheaperZone();
    cloud.ready(2, 'cheap-0');
    cloud.emit({ type: 'launch-failed', instanceId: 'i-3', reason: 'no spot capacity' });
    cycle();
    expect(runtime.stops).toEqual([]);
    expect(gangNodes()).toEqual(['dear-0', 'dear-1']);
    // The target that joined is free for any work again.
    expect(state.node('cheap-0')?.info.reservedFor).toBeUndefined();
  });

  it('removes cloud nodes idle past their time-to-live, once, cordoned while they go', () => {
    const { engine, cloud, cycle, clock, capacity, state, events } = setup([
      market(a2, { 'us-east-1a': 2 }),
    ]);
    engine.submit(workload('w', 1));
    cycle();
    cloud.ready(0, 'node-0');
    cycle();
    clock.advanceTo(1000);
    engine.finished('w', true);
    cycle();
    expect(capacity.nextScaleDownAt()).toBe(601_000);
    clock.advanceTo(601_000);
    cycle();
    expect(cloud.terminated).toEqual(['i-0']);
    expect(state.node('node-0')?.info.schedulable).toBe(false);
    // The cloud takes a while to terminate: later cycles do not ask (or count) again.
    clock.advanceTo(700_000);
    cycle();
    expect(cloud.terminated).toEqual(['i-0']);
    cloud.emit({
      type: 'terminated',
      instanceId: 'i-0',
      node: 'node-0',
      reason: 'terminated by Roam',
    });
    expect(state.node('node-0')).toBeUndefined();
    expect(capacity.counters.scaleDowns).toBe(1);
    expect(events.filter((e) => e.kind === 'scaled-down')).toHaveLength(1);
  });

  it('tears an ephemeral colony down as soon as its work is done, and labels its nodes', () => {
    const { engine, cloud, cycle, clock, capacity, events, state } = setup([
      market(a2, { 'us-east-1a': 2 }),
    ]);
    capacity.colonies.set([
      {
        name: 'burst',
        spec: {
          nodePools: ['cloud'],
          lifetime: 'ephemeral',
          dependencies: [{ name: 'nvidia-driver', version: '550' }],
        },
      },
    ]);
    engine.submit(workload('w', 1));
    cycle();
    expect(cloud.launches[0]?.labels).toMatchObject({
      'colony.roam.dev/name': 'burst',
      'deps.roam.dev/nvidia-driver': '550',
    });
    cloud.ready(0, 'node-0');
    cycle();
    clock.advanceTo(1000);
    engine.finished('w', true);
    cycle();
    // Not after the pool's 10 idle minutes: now.
    expect(cloud.terminated).toEqual(['i-0']);
    expect(state.node('node-0')?.info.schedulable).toBe(false);
    expect(events.filter((e) => e.kind === 'colony-torn-down').map((e) => e.reason)).toEqual([
      'colony burst is ephemeral and its work is done: 1 cloud node(s) terminated',
    ]);
    // Once only.
    cycle();
    expect(cloud.terminated).toEqual(['i-0']);
  });

  it('pauses a spot place whose launch failed for three minutes, though the market still quotes it, and counts the failure in its hazard', () => {
    const { engine, cloud, cycle, clock, capacity } = setup([
      market(a2, { 'us-east-1a': 2, 'us-east-1b': 2.2 }),
    ]);
    const hazardA = capacity.hazards.of(spotPlace(a2, 'us-east-1a'));
    engine.submit(workload('w', 2));
    cycle();
    expect(cloud.launches[0]).toMatchObject({ zone: 'us-east-1a', market: 'spot' });
    cloud.emit({ type: 'launch-failed', instanceId: 'i-0', reason: 'no spot capacity' });
    expect(hazardA.evidence().reclaims).toBe(1);
    clock.advanceTo(10_000);
    cycle();
    expect(cloud.launches[1]).toMatchObject({ zone: 'us-east-1b', market: 'spot' });
    cloud.emit({ type: 'launch-failed', instanceId: 'i-1', reason: 'no spot capacity' });
    clock.advanceTo(179_999);
    cycle();
    // Both places paused: on-demand rather than asking again where spot just failed.
    expect(cloud.launches[2]).toMatchObject({ market: 'on-demand' });
    cloud.emit({ type: 'launch-failed', instanceId: 'i-2', reason: 'no capacity' });
    clock.advanceTo(180_000);
    cycle();
    // The first pause is over: the cheapest place is tried again.
    expect(cloud.launches[3]).toMatchObject({ zone: 'us-east-1a', market: 'spot' });
    expect(hazardA.evidence().reclaims).toBe(1);
  });

  it('takes over what the cloud holds after a restart: running nodes, launches on their way, and terminates what no pool claims', () => {
    const { engine, cloud, cycle, state, capacity } = setup([market(a2, { 'us-east-1a': 2 })], 2);
    const asked = (pool: string): LaunchRequest => ({
      pool,
      offeringId: offeringId(a2),
      zone: 'us-east-1a',
      market: 'spot',
      labels: {},
    });
    // Launches 0 and 1 stand for instances of an earlier run of the control plane.
    cloud.launch(asked('cloud'));
    cloud.launch(asked('cloud'));
    const node = cloud.ready(0, 'cloud-a');
    state.removeNode('cloud-a');
    cloud.held = [
      { instanceId: 'i-0', state: 'running', request: asked('cloud'), node },
      { instanceId: 'i-1', state: 'booting', request: asked('cloud') },
      { instanceId: 'i-9', state: 'running', request: asked('gone'), node: { ...node, name: 'x' } },
      { instanceId: 'i-8', state: 'terminating', request: asked('cloud') },
      // Running, but the cloud cannot make it a node (its offering left the catalog).
      { instanceId: 'i-7', state: 'running', request: asked('cloud') },
    ];
    expect(capacity.reconcile()).toEqual({ adopted: 1, booting: 1, terminated: 2 });
    expect(state.node('cloud-a')?.info).toEqual(node);
    expect(state.node('x')).toBeUndefined();
    expect(cloud.terminated).toEqual(['i-9', 'i-7']);
    // The pool holds 2 nodes at most: the adopted one and the one booting. Work that fits
    // neither waits; nothing more is launched.
    engine.submit(workload('w', 2));
    engine.submit(workload('v', 2));
    const phases = () => ['v', 'w'].map((k) => engine.record(k)?.phase);
    cycle();
    expect(cloud.launches).toHaveLength(2);
    expect(phases()).toEqual(['Running', 'Pending']);
    cloud.ready(1, 'cloud-b');
    cycle();
    expect(phases()).toEqual(['Running', 'Running']);
    expect(state.poolSize('cloud')).toBe(2);
  });

  it('keeps the reclaim notice of a node it takes over: work placed there is moved off at once', () => {
    const { engine, cloud, cycle, state, capacity, runtime } = setup([
      market(a2, { 'us-east-1a': 2 }),
    ]);
    const request: LaunchRequest = {
      pool: 'cloud',
      offeringId: offeringId(a2),
      zone: 'us-east-1a',
      market: 'spot',
      labels: {},
    };
    cloud.launch(request);
    const node = cloud.ready(0, 'cloud-a');
    state.removeNode('cloud-a');
    cloud.held = [{ instanceId: 'i-0', state: 'running', request, node, reclaimAt: 120_000 }];
    capacity.reconcile();
    engine.submit(workload('w', 2));
    cycle();
    expect(runtime.stops).toEqual([
      expect.objectContaining({ key: 'w', request: expect.objectContaining({ checkpoint: true }) }),
    ]);
  });

  it('tells why work cannot get capacity, once', () => {
    const { engine, cycle, events } = setup([market(a2, { 'us-east-1a': 2 })]);
    engine.submit(
      workload('big', 4, {
        request: { gpuMilli: 4000, gpuModels: ['H100'], cpuMilli: 1000, memoryMiB: 1024 },
      }),
    );
    cycle();
    cycle();
    const failed = events.filter((e) => e.kind === 'launch-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toMatch(/no cloud offering matches: 1 × 4 H100 GPU\(s\)/);
  });
});
