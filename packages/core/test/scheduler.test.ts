import { describe, expect, it } from 'vitest';
import {
  defaultSchedulerConfig,
  schedule,
  SeededRng,
  type CapacitySpec,
  type ClusterState,
  type ElasticSpec,
  type NodeInfo,
  type PoolInfo,
  type QueueInfo,
  type ScheduleResult,
  type SchedulerConfig,
  type WorkloadInfo,
} from '../src/index.js';
import { cluster, elasticSpec, node, nodes, queue, workload } from './builders.js';

interface Scenario {
  nodes: NodeInfo[];
  queues: QueueInfo[];
  pools?: PoolInfo[];
  /** Workloads placed first (in order), then left running. */
  running?: WorkloadInfo[];
  pending: WorkloadInfo[];
  config?: Partial<SchedulerConfig>;
  now?: number;
}

/** Places `running` one cycle at a time, then runs one cycle for `pending`. */
function run(s: Scenario): { result: ScheduleResult; state: ClusterState } {
  const state = cluster({ nodes: s.nodes, queues: s.queues, pools: s.pools ?? [] });
  const config = defaultSchedulerConfig(s.config);
  for (const w of s.running ?? []) {
    state.submit(w);
    const r = schedule(state, config, 0, new SeededRng(1));
    const bind = r.binds.find((b) => b.workload === w.key);
    if (!bind)
      throw new Error(
        `setup: ${w.key} did not place: ${r.pending.map((p) => p.reason).join('; ')}`,
      );
    state.bind(w, bind.placements, w.submittedAt);
  }
  for (const w of s.pending) state.submit(w);
  return { result: schedule(state, config, s.now ?? 3_600_000, new SeededRng(1)), state };
}

const placedOn = (r: ScheduleResult, key: string): string[] | undefined =>
  r.binds
    .find((b) => b.workload === key)
    ?.placements.map((p) => `${p.node}:${p.gpus.map((g) => `${g.index}/${g.milli}`).join('+')}`);
const pendingOf = (r: ScheduleResult, key: string) => r.pending.find((p) => p.workload === key);

describe('placement', () => {
  it.each<[string, Scenario, Record<string, string[]>]>([
    [
      'bin-packs two halves onto one GPU',
      {
        nodes: nodes('n', 2, { gpus: 2 }),
        queues: [queue('q')],
        pending: [workload('a', 'q', 0.5), workload('b', 'q', 0.5, { submittedAt: 1 })],
      },
      { a: ['n-0:0/500'], b: ['n-0:0/500'] },
    ],
    [
      'takes whole free GPUs for whole-GPU requests',
      {
        nodes: nodes('n', 1, { gpus: 4 }),
        queues: [queue('q')],
        running: [workload('r', 'q', 0.3)],
        pending: [workload('a', 'q', 2)],
      },
      { a: ['n-0:1/1000+2/1000'] },
    ],
    [
      'puts a fraction on the fullest GPU that still holds it',
      {
        nodes: nodes('n', 1, { gpus: 3 }),
        queues: [queue('q')],
        running: [
          workload('r1', 'q', 1),
          workload('r2', 'q', 0.7, { submittedAt: 1 }),
          workload('r3', 'q', 0.05, { submittedAt: 2 }),
        ],
        pending: [workload('a', 'q', 0.25)],
      },
      { a: ['n-0:1/250'] },
    ],
    [
      'spreads when the pool says spread',
      {
        nodes: nodes('n', 3, { gpus: 2 }),
        queues: [queue('q')],
        pending: [
          workload('a', 'q', 1),
          workload('b', 'q', 1, { submittedAt: 1 }),
          workload('c', 'q', 1, { submittedAt: 2 }),
        ],
        config: { defaultStrategy: 'spread' },
      },
      { a: ['n-0:0/1000'], b: ['n-1:0/1000'], c: ['n-2:0/1000'] },
    ],
    [
      'honours GPU models and node selectors',
      {
        nodes: [
          node('t4', { gpuModel: 'T4', gpus: 4 }),
          node('a', { labels: { zone: 'b' } }),
          node('b', { labels: { zone: 'a' } }),
        ],
        queues: [queue('q')],
        pending: [workload('x', 'q', 1, { models: ['A100'], nodeSelector: { zone: 'a' } })],
      },
      { x: ['b:0/1000'] },
    ],
    [
      'places a gang across nodes',
      {
        nodes: nodes('n', 2, { gpus: 4 }),
        queues: [queue('q')],
        pending: [workload('g', 'q', 4, { replicas: 2 })],
      },
      { g: ['n-0:0/1000+1/1000+2/1000+3/1000', 'n-1:0/1000+1/1000+2/1000+3/1000'] },
    ],
  ])('%s', (_name, scenario, expected) => {
    const { result } = run(scenario);
    for (const [key, where] of Object.entries(expected))
      expect(placedOn(result, key), key).toEqual(where);
  });

  it('never splits a fraction or a whole GPU across two GPUs', () => {
    const { result } = run({
      nodes: nodes('n', 1, { gpus: 2 }),
      queues: [queue('q')],
      running: [workload('r1', 'q', 0.5), workload('r2', 'q', 0.5, { submittedAt: 1, cpu: 2 })],
      pending: [workload('a', 'q', 0.6), workload('b', 'q', 1)],
    });
    // r1 and r2 share GPU 0 (bin-packing); GPU 1 is whole and free.
    expect(placedOn(result, 'b') ?? placedOn(result, 'a')).toBeDefined();
    expect(result.binds).toHaveLength(1);
    expect(pendingOf(result, result.binds[0]?.workload === 'a' ? 'b' : 'a')?.code).toBe(
      'no-capacity',
    );
  });
});

describe('pending reasons', () => {
  it.each<[string, Scenario, string, string]>([
    [
      'queue limit',
      {
        nodes: nodes('n', 2),
        queues: [queue('nlp', { limit: 4 })],
        running: [workload('r', 'nlp', 4)],
        pending: [workload('w', 'nlp', 1)],
      },
      'queue-limit',
      'queue nlp is at its limit of 4 GPUs in pool a100 (using 4, needs 1 more)',
    ],
    [
      'a department limit binds its projects',
      {
        nodes: nodes('n', 2),
        queues: [
          queue('research', { limit: 8 }),
          queue('nlp', {}, 'research'),
          queue('cv', {}, 'research'),
        ],
        running: [workload('r', 'cv', 8)],
        pending: [workload('w', 'nlp', 1)],
      },
      'queue-limit',
      'queue research is at its limit of 8 GPUs in pool a100 (using 8, needs 1 more)',
    ],
    [
      'no free GPUs of the model',
      {
        nodes: nodes('n', 1),
        queues: [queue('q', { deserved: 8 })],
        running: [workload('r', 'q', 7, { preemptible: false })],
        pending: [workload('w', 'q', 2, { models: ['A100'] })],
        config: { preemption: false },
      },
      'no-capacity',
      'no node in pool a100 has 2 free A100 GPUs',
    ],
    [
      'a gang that only partly fits',
      {
        nodes: nodes('n', 2),
        queues: [queue('q')],
        pending: [workload('g', 'q', 8, { replicas: 3 })],
      },
      'gang',
      'gang of 3 replicas: only 2 fit in pool a100 (8 free GPUs, 1 CPU, 1Gi each)',
    ],
    [
      'mixed filter failures are counted',
      {
        nodes: [
          node('a', { schedulable: false }),
          node('b', { cpuMilli: 4000 }),
          node('c', { gpus: 1 }),
        ],
        queues: [queue('q')],
        pending: [workload('w', 'q', 2, { cpu: 8 })],
      },
      'no-capacity',
      'no node in pool a100 fits 2 free GPUs, 8 CPU, 1Gi (3 nodes: 1 are cordoned or not ready, 1 have too few free GPUs, 1 have too little free CPU)',
    ],
    [
      'no pool has the GPU model',
      {
        nodes: nodes('n', 1),
        queues: [queue('q')],
        pending: [workload('w', 'q', 1, { models: ['H100'] })],
      },
      'no-pool',
      'no node pool has schedulable nodes with H100 GPUs',
    ],
    [
      'unknown queue',
      { nodes: nodes('n', 1), queues: [queue('q')], pending: [workload('w', 'nope', 1)] },
      'unknown-queue',
      'queue nope does not exist',
    ],
    [
      'non-preemptible work beyond the deserved share',
      {
        nodes: nodes('n', 1),
        queues: [queue('q', { deserved: 2 })],
        pending: [workload('w', 'q', 4, { class: 'inference', preemptible: false })],
      },
      'deserved-only',
      "non-preemptible work runs only within the queue's deserved share: queue q deserves 2 GPUs in pool a100, uses 0, needs 4 more",
    ],
  ])('%s', (_name, scenario, code, reason) => {
    const { result } = run(scenario);
    const key = scenario.pending[0]?.key as string;
    expect(pendingOf(result, key)).toMatchObject({ type: 'pending', workload: key, code, reason });
  });

  it('says where part of a gang fits, so that only the rest is launched for', () => {
    const { result } = run({
      nodes: nodes('n', 2),
      queues: [queue('q')],
      pending: [workload('g', 'q', 8, { replicas: 3 }), workload('w', 'q', 8, { submittedAt: 1 })],
    });
    expect(pendingOf(result, 'g')?.partial).toEqual({ pool: 'a100', replicas: 2 });
    expect(result.binds.map((b) => b.workload)).toEqual(['w']);
    expect(pendingOf(result, 'w')).toBeUndefined();
  });
});

describe('ordering', () => {
  it('serves the queue furthest below its fair share first', () => {
    const { result } = run({
      nodes: nodes('n', 1, { gpus: 4 }),
      queues: [queue('a', { deserved: 2 }), queue('b', { deserved: 2 })],
      running: [workload('a-run', 'a', 1), workload('b-run1', 'b', 1), workload('b-run2', 'b', 1)],
      pending: [
        workload('b-new', 'b', 1, { submittedAt: -5 }),
        workload('a-new', 'a', 1, { submittedAt: 10 }),
      ],
      config: { preemption: false, reclaim: false },
    });
    expect(result.binds.map((b) => b.workload)).toEqual(['a-new']);
  });

  it('orders a queue by priority, then submission time', () => {
    const { result } = run({
      nodes: nodes('n', 1, { gpus: 2 }),
      queues: [queue('q')],
      pending: [
        workload('old-low', 'q', 1, { submittedAt: 0, priority: 10 }),
        workload('new-high', 'q', 1, { submittedAt: 9, priority: 90 }),
        workload('mid-high', 'q', 1, { submittedAt: 5, priority: 90 }),
      ],
      config: { preemption: false },
    });
    expect(result.binds.map((b) => b.workload)).toEqual(['mid-high', 'new-high']);
    expect(pendingOf(result, 'old-low')?.code).toBe('no-capacity');
  });
});

describe('preemption and reclaim', () => {
  it('preempts the lower-priority work of its own queue that loses the least work', () => {
    const { result } = run({
      nodes: nodes('n', 2, { gpus: 1 }),
      queues: [queue('q')],
      running: [
        workload('old', 'q', 1, { submittedAt: 0 }),
        workload('fresh', 'q', 1, { submittedAt: 3_000_000 }),
      ],
      pending: [workload('urgent', 'q', 1, { priority: 100 })],
    });
    expect(result.evictions).toEqual([
      expect.objectContaining({
        workload: 'fresh',
        cause: 'preempt',
        for: 'urgent',
        lostGpuMilliMs: 1000 * 600_000,
      }),
    ]);
    expect(pendingOf(result, 'urgent')?.code).toBe('preempting');
  });

  it('does not preempt work off capacity its spec.capacity rules out', () => {
    const spot = node('spot', {
      gpus: 1,
      market: 'spot',
      cloud: {
        cloud: 'aws',
        region: 'r',
        instanceType: 'x',
        instanceId: 'i',
        onDemandPerHourMicros: 1,
      },
    });
    const urgent = (market: CapacitySpec['market']) =>
      workload('urgent', 'q', 1, { priority: 100, capacity: { market, clouds: [], regions: [] } });
    const evictionsFor = (market: CapacitySpec['market']) =>
      run({
        nodes: [spot],
        queues: [queue('q')],
        running: [workload('low', 'q', 1)],
        pending: [urgent(market)],
      }).result.evictions.map((e) => e.workload);
    expect(evictionsFor('spot')).toEqual(['low']);
    expect(evictionsFor('on-demand')).toEqual([]);
  });

  it('does not preempt equal priority or non-preemptible work', () => {
    const { result } = run({
      nodes: nodes('n', 2, { gpus: 1 }),
      queues: [queue('q', { deserved: 2 })],
      running: [
        workload('same', 'q', 1, { priority: 100 }),
        workload('pinned', 'q', 1, { preemptible: false, priority: 1, submittedAt: 1 }),
      ],
      pending: [workload('urgent', 'q', 1, { priority: 100, submittedAt: 2 })],
      config: { reclaim: false },
    });
    expect(result.evictions).toEqual([]);
    expect(pendingOf(result, 'urgent')?.code).toBe('no-capacity');
  });

  it("reclaims for a queue within its deserved share from a queue over its fair share, but not below the victim's deserved", () => {
    const { result } = run({
      nodes: nodes('n', 2),
      queues: [queue('a', { deserved: 8 }), queue('b', { deserved: 8 })],
      running: Array.from({ length: 16 }, (_, i) => workload(`b-${i}`, 'b', 1, { submittedAt: i })),
      pending: [
        workload('a-1', 'a', 4),
        workload('a-2', 'a', 4, { submittedAt: 1 }),
        workload('a-3', 'a', 4, { submittedAt: 2 }),
      ],
    });
    const victims = result.evictions.map((e) => e.workload);
    expect(victims).toHaveLength(8);
    expect(result.evictions.every((e) => e.cause === 'reclaim')).toBe(true);
    // The youngest (least work lost) go first.
    expect(victims.sort()).toEqual(['b-10', 'b-11', 'b-12', 'b-13', 'b-14', 'b-15', 'b-8', 'b-9']);
    expect(pendingOf(result, 'a-3')?.code).not.toBe('preempting');
  });

  it('does not reclaim for a queue that would exceed its deserved share', () => {
    const { result } = run({
      nodes: nodes('n', 1),
      queues: [queue('a', { deserved: 2 }), queue('b', { deserved: 2 })],
      running: Array.from({ length: 8 }, (_, i) => workload(`b-${i}`, 'b', 1, { submittedAt: i })),
      pending: [workload('a-big', 'a', 4)],
    });
    expect(result.evictions).toEqual([]);
  });
});

describe('fair shares', () => {
  it('divides idle capacity by over-quota weight, capped by limit and demand, down the hierarchy', () => {
    const { result } = run({
      nodes: nodes('n', 4),
      queues: [
        queue('research', { deserved: 16, weight: 1 }),
        queue('nlp', { deserved: 8, weight: 3 }, 'research'),
        queue('cv', { deserved: 4, weight: 1, limit: 6 }, 'research'),
        queue('prod', { deserved: 8, weight: 1 }),
      ],
      pending: [
        workload('n', 'nlp', 8, { replicas: 4 }),
        workload('c', 'cv', 8, { replicas: 2 }),
        workload('p', 'prod', 2),
      ],
      config: { preemption: false },
    });
    const share = (q: string) => Math.round(result.fairShares.get(q)?.get('a100') ?? 0) / 1000;
    expect(share('prod')).toBe(2); // capped by demand
    expect(share('research')).toBe(30); // 32 − prod's 2
    expect(share('cv')).toBe(6); // capped by its limit
    expect(share('nlp')).toBe(24);
  });
});

describe('purity', () => {
  it('leaves the state as it found it and decides the same twice', () => {
    const state = cluster({
      nodes: nodes('n', 3, { gpus: 4 }),
      queues: [queue('q', { deserved: 4 }), queue('r', { deserved: 4 })],
    });
    const config = defaultSchedulerConfig();
    state.submit(workload('r1', 'r', 4));
    const first = schedule(state, config, 0, new SeededRng(1));
    state.bind(workload('r1', 'r', 4), first.binds[0]?.placements ?? [], 0);
    for (let i = 0; i < 6; i++)
      state.submit(
        workload(`w${i}`, i % 2 ? 'q' : 'r', i % 3 === 0 ? 0.5 : 2, {
          submittedAt: i,
          replicas: 1 + (i % 2),
        }),
      );
    const before = [...state.nodes()].map((n) => [...n.gpuFree, n.cpuFree, n.memFree].join(','));
    const a = schedule(state, config, 100, new SeededRng(7));
    const after = [...state.nodes()].map((n) => [...n.gpuFree, n.cpuFree, n.memFree].join(','));
    const b = schedule(state, config, 100, new SeededRng(7));
    expect(after).toEqual(before);
    expect(state.pendingCount).toBe(6);
    expect(JSON.stringify(b)).toEqual(JSON.stringify(a));
  });
});

describe('elastic pools and moves', () => {
  const elastic = (maxNodes: number): PoolInfo => ({
    name: 'a100',
    placement: 'binpack',
    elastic: elasticSpec({ maxNodes }),
  });
  const crowded = {
    nodes: nodes('n', 1),
    queues: [queue('a', { deserved: 4 }), queue('b', { deserved: 4 })],
    running: Array.from({ length: 8 }, (_, i) => workload(`b-${i}`, 'b', 1, { submittedAt: i })),
    pending: [workload('a-1', 'a', 2)],
  };

  it('grows an elastic pool below its maximum instead of reclaiming', () => {
    const { result } = run({ ...crowded, pools: [elastic(4)] });
    expect(result.evictions).toEqual([]);
    expect(pendingOf(result, 'a-1')?.code).toBe('no-capacity');
  });

  it('reclaims in an elastic pool at its maximum, as in a fixed one', () => {
    const { result } = run({ ...crowded, pools: [elastic(1)] });
    expect(result.evictions.map((e) => e.cause)).toEqual(['reclaim', 'reclaim']);
  });

  describe('keeps work on the capacity its spec.capacity allows', () => {
    const cloudNode = (name: string, cloud: string, region: string, market: 'spot' | 'on-demand') =>
      node(name, {
        market,
        cloud: {
          cloud,
          region,
          instanceType: 'x',
          instanceId: `i-${name}`,
          onDemandPerHourMicros: 1,
        },
      });
    const fleet = [
      node('onprem'),
      cloudNode('aws-spot', 'aws', 'us-east-1', 'spot'),
      cloudNode('aws-od', 'aws', 'us-east-1', 'on-demand'),
      cloudNode('gcp-eu', 'gcp', 'europe-west4', 'spot'),
    ];
    const capacity = (over: Partial<CapacitySpec>): CapacitySpec => ({
      market: 'auto',
      clouds: [],
      regions: [],
      ...over,
    });
    it.each<[string, CapacitySpec, string[]]>([
      ['any capacity', capacity({}), ['onprem', 'aws-spot', 'aws-od', 'gcp-eu']],
      ['on-demand: no spot node', capacity({ market: 'on-demand' }), ['onprem', 'aws-od']],
      ['spot: no on-demand node', capacity({ market: 'spot' }), ['onprem', 'aws-spot', 'gcp-eu']],
      ['one cloud', capacity({ clouds: ['gcp'] }), ['gcp-eu']],
      ['on-prem only', capacity({ clouds: ['on-prem'] }), ['onprem']],
      [
        'one region (on-prem has none)',
        capacity({ regions: ['europe-west4'] }),
        ['onprem', 'gcp-eu'],
      ],
    ])('%s', (_name, spec, allowed) => {
      // Five workloads each wanting a whole node: they land only where allowed, and the
      // rest wait, saying why.
      const pending = Array.from({ length: 5 }, (_, i) =>
        workload(`w${i}`, 'q', 8, { submittedAt: i, capacity: spec }),
      );
      const { result } = run({ nodes: fleet, queues: [queue('q', { deserved: 64 })], pending });
      const used = result.binds.map((b) => b.placements[0]?.node).sort();
      expect(used).toEqual([...allowed].sort());
      if (allowed.length < fleet.length)
        expect(pendingOf(result, `w${allowed.length}`)?.reason).toContain(
          'capacity it may not use',
        );
    });
  });

  const bought = (name: string, m: 'spot' | 'on-demand') =>
    node(name, {
      market: m,
      cloud: {
        cloud: 'aws',
        region: 'r',
        instanceType: 'x',
        instanceId: name,
        onDemandPerHourMicros: 1,
      },
    });

  it('does not let work the market rule keeps off a node stand in for work it allows there', () => {
    // Same request shape: the first one's failure must not be remembered for the second.
    const { result } = run({
      nodes: [bought('spot', 'spot')],
      pools: [{ name: 'a100', placement: 'binpack', elastic: elasticSpec({ market: 'auto' }) }],
      queues: [queue('q', { deserved: 16 })],
      pending: [
        workload('blind', 'q', 8, { submittedAt: 0 }),
        workload('bounded', 'q', 8, { submittedAt: 1, checkpointIntervalMs: 600_000 }),
      ],
    });
    expect(result.binds.map((b) => b.workload)).toEqual(['bounded']);
  });

  it.each<[string, ElasticSpec['market'], Partial<WorkloadInfo>, string[]]>([
    ['auto, work that neither checkpoints nor gives its duration: not spot', 'auto', {}, ['od']],
    ['auto, work that checkpoints', 'auto', { checkpointIntervalMs: 600_000 }, ['od', 'spot']],
    [
      'auto, work that gives its duration',
      'auto',
      { expectedDurationMs: 3_600_000 },
      ['od', 'spot'],
    ],
    ['a pool that buys spot only: spot for any work', 'spot', {}, ['spot']],
    ['a pool that buys on-demand only', 'on-demand', { checkpointIntervalMs: 600_000 }, ['od']],
  ])(
    'uses nodes an elastic pool bought by the rule that bought them: %s',
    (_n, market, w, used) => {
      const pending = [0, 1].map((i) => workload(`w${i}`, 'q', 8, { submittedAt: i, ...w }));
      const { result } = run({
        nodes: [bought('spot', 'spot'), bought('od', 'on-demand')],
        pools: [{ name: 'a100', placement: 'binpack', elastic: elasticSpec({ market }) }],
        queues: [queue('q', { deserved: 16 })],
        pending,
      });
      expect(result.binds.map((b) => b.placements[0]?.node).sort()).toEqual([...used].sort());
    },
  );

  it("keeps the market of a node's pool current when the pools change", () => {
    const state = cluster({ nodes: [node('n', { market: 'spot' })], queues: [], pools: [] });
    expect(state.node('n')?.poolMarket).toBeUndefined();
    state.setPools([
      { name: 'a100', placement: 'binpack', elastic: elasticSpec({ market: 'spot' }) },
    ]);
    expect(state.node('n')?.poolMarket).toBe('spot');
  });

  it('places a moving workload on the node reserved for it, and keeps others off it', () => {
    const { result } = run({
      nodes: [node('free'), node('target', { reservedFor: 'mover' })],
      queues: [queue('q', { deserved: 16 })],
      pending: [
        workload('other', 'q', 8),
        workload('mover', 'q', 1, { submittedAt: 1 }),
        workload('late', 'q', 8, { submittedAt: 2 }),
      ],
    });
    const where = (key: string) =>
      result.binds.find((b) => b.workload === key)?.placements[0]?.node;
    expect(where('mover')).toBe('target');
    expect(where('other')).toBe('free');
    expect(pendingOf(result, 'late')?.reason).toContain('reserved for a workload moving there');
  });
});
