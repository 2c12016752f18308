import { describe, expect, it } from 'vitest';
import {
  offeringId,
  planLaunches,
  planMoves,
  planScaleDown,
  type CatalogOffering,
  type ElasticSpec,
  type MarketOffering,
  type NodeInfo,
  type WorkloadInfo,
} from '../../src/index.js';
import { elasticSpec, workload } from '../builders.js';

const offering = (
  instanceType: string,
  gpus: number,
  onDemand: number,
  spot: number | undefined,
  over: Partial<CatalogOffering> = {},
): CatalogOffering => ({
  cloud: 'aws',
  region: 'us-east-1',
  zones: ['us-east-1a', 'us-east-1b'],
  instanceType,
  gpuModel: 'A100',
  gpuCount: gpus,
  gpuMemoryMiB: 40_960,
  cpuMilli: gpus * 12_000,
  memoryMiB: gpus * 85 * 1024,
  onDemandPerHourMicros: onDemand * 1e6,
  ...(spot !== undefined ? { spotPerHourMicros: spot * 1e6 } : {}),
  source: 'test',
  ...over,
});
const market = (o: CatalogOffering, zones: Record<string, number | undefined>): MarketOffering => ({
  offering: o,
  spot: new Map(
    Object.entries(zones).map(([z, p]) => [
      z,
      p === undefined ? { available: false } : { available: true, pricePerHourMicros: p * 1e6 },
    ]),
  ),
});
const pool = (over: Partial<ElasticSpec> = {}) => ({
  name: 'cloud',
  spec: elasticSpec(over),
  nodes: 0,
});
const run = (w: WorkloadInfo, extra: Partial<WorkloadInfo> = {}): WorkloadInfo => ({
  ...w,
  expectedDurationMs: 3_600_000,
  checkpointIntervalMs: 600_000,
  ...extra,
});

const small = offering('a1', 1, 4, 1.5);
const big = offering('a8', 8, 32, 12);
const safe = 1e-12; // reclaims per ms: practically never
const risky = 1 / 3_600_000; // one per hour

describe('provisioner', () => {
  it('launches the cheapest expected cost: spot where it is safe', () => {
    const r = planLaunches({
      pending: [run(workload('w', 'q', 1))],
      pools: [pool()],
      market: [market(small, { 'us-east-1a': 1.5 }), market(big, { 'us-east-1a': 12 })],
      hazard: () => safe,
      inFlight: [],
      now: 0,
    });
    expect(r.launches).toEqual([
      expect.objectContaining({
        offeringId: 'aws/us-east-1/a1',
        market: 'spot',
        zone: 'us-east-1a',
        bidPerHourMicros: 4e6,
        forWorkloads: ['w'],
      }),
    ]);
  });

  it('prefers on-demand when spot is risky enough that expected loss exceeds the saving', () => {
    const w = run(workload('w', 'q', 1), {
      checkpointIntervalMs: undefined,
      expectedDurationMs: 10 * 3_600_000,
    });
    const r = planLaunches({
      pending: [w],
      pools: [pool()],
      market: [market(offering('a1', 1, 4, 3.8), { 'us-east-1a': 3.8 })],
      hazard: () => risky,
      inFlight: [],
      now: 0,
    });
    expect(r.launches[0]?.market).toBe('on-demand');
  });

  it.each<[string, Partial<WorkloadInfo>, Partial<ElasticSpec>, string | undefined]>([
    [
      'on-demand only',
      { capacity: { market: 'on-demand', clouds: [], regions: [] } },
      {},
      'on-demand',
    ],
    ['spot only (the pool)', {}, { market: 'spot' }, 'spot'],
    [
      'a price cap below every offer',
      { capacity: { market: 'auto', clouds: [], regions: [], maxPricePerHourMicros: 1_000_000 } },
      {},
      undefined,
    ],
    [
      'a cloud nobody offers',
      { capacity: { market: 'auto', clouds: ['gcp'], regions: [] } },
      {},
      undefined,
    ],
    ['auto, work that checkpoints', { expectedDurationMs: undefined }, {}, 'spot'],
    ['auto, work that says how long it runs', { checkpointIntervalMs: undefined }, {}, 'spot'],
    [
      'auto, work that does neither: on-demand (a reclaim could lose all of it)',
      { checkpointIntervalMs: undefined, expectedDurationMs: undefined },
      {},
      'on-demand',
    ],
    [
      'work that does neither, in a pool that buys spot only',
      { checkpointIntervalMs: undefined, expectedDurationMs: undefined },
      { market: 'spot' },
      'spot',
    ],
    [
      'work that does neither, asking for spot',
      {
        checkpointIntervalMs: undefined,
        expectedDurationMs: undefined,
        capacity: { market: 'spot', clouds: [], regions: [] },
      },
      {},
      'spot',
    ],
  ])('honours constraints: %s', (_name, w, s, expected) => {
    const r = planLaunches({
      pending: [{ ...run(workload('w', 'q', 1)), ...w }],
      pools: [pool(s)],
      market: [market(small, { 'us-east-1a': 1.5 })],
      hazard: () => safe,
      inFlight: [],
      now: 0,
    });
    expect(r.launches[0]?.market).toBe(expected);
    if (expected === undefined) expect(r.unserved[0]?.reason).toMatch(/^no cloud offering matches/);
  });

  it('keeps spot away from work whose deadline cannot absorb a reclaim', () => {
    const w = run(workload('w', 'q', 1), { deadlineAt: 3_700_000 });
    const r = planLaunches({
      pending: [w],
      pools: [pool()],
      market: [market(small, { 'us-east-1a': 1.5 })],
      hazard: () => risky,
      inFlight: [],
      now: 0,
    });
    expect(r.launches[0]?.market).toBe('on-demand');
  });

  it('packs a gang onto multi-GPU instances and lets later work ride along in the room left', () => {
    const gang = run(workload('gang', 'q', 2, { replicas: 3 }));
    const rider = run(workload('rider', 'q', 1));
    const r = planLaunches({
      pending: [gang, rider],
      pools: [pool()],
      market: [market(offering('a4', 4, 16, 6), { 'us-east-1a': 6 })],
      hazard: () => safe,
      inFlight: [],
      now: 0,
    });
    expect(r.launches).toHaveLength(2); // 3 × 2 GPUs need two 4-GPU instances; the rider takes the 2 GPUs left
    expect(r.launches.flatMap((l) => l.forWorkloads).sort()).toEqual(['gang', 'gang', 'rider']);
  });

  it('does not let work that auto keeps off spot ride along on a spot launch', () => {
    const bounded = run(workload('bounded', 'q', 1));
    const blind = run(workload('blind', 'q', 1, { submittedAt: 1 }), {
      checkpointIntervalMs: undefined,
      expectedDurationMs: undefined,
    });
    const r = planLaunches({
      pending: [bounded, blind],
      pools: [pool()],
      market: [market(big, { 'us-east-1a': 12 })],
      hazard: () => safe,
      inFlight: [],
      now: 0,
    });
    expect(r.launches.map((l) => [l.market, l.forWorkloads])).toEqual([
      ['spot', ['bounded']],
      ['on-demand', ['blind']],
    ]);
  });

  it('launches for the replicas of a gang that do not fit where part of it fits now', () => {
    const gang = run(workload('gang', 'q', 1, { replicas: 3 }));
    const plan = (partial: { pool: string; replicas: number }, inFlight = 0) =>
      planLaunches({
        pending: [gang],
        pools: [pool()],
        market: [market(small, { 'us-east-1a': 1.5 })],
        hazard: () => safe,
        inFlight: Array.from({ length: inFlight }, () => ({
          pool: 'cloud',
          offeringId: offeringId(small),
          market: 'spot' as const,
        })),
        now: 0,
        fitsNow: () => partial,
      }).launches;
    expect(plan({ pool: 'cloud', replicas: 2 })).toHaveLength(1);
    // The rest is on its way already: nothing.
    expect(plan({ pool: 'cloud', replicas: 2 }, 1)).toEqual([]);
    // What fits in another pool does not count here: the gang runs in one pool.
    expect(plan({ pool: 'elsewhere', replicas: 2 })).toHaveLength(3);
  });

  it('lets pending work wait for room on instances already launching, whoever they were for', () => {
    const m = [market(big, { 'us-east-1a': 12 })];
    const launching = [{ pool: 'cloud', offeringId: offeringId(big), market: 'spot' as const }];
    const plan = (pending: WorkloadInfo[]) =>
      planLaunches({
        pending,
        pools: [pool()],
        market: m,
        hazard: () => safe,
        inFlight: launching,
        now: 0,
      });
    // Eight 1-GPU workloads fit the 8-GPU instance on its way: nothing new.
    const eight = Array.from({ length: 8 }, (_, i) => run(workload(`w${i}`, 'q', 1)));
    expect(plan(eight).launches).toEqual([]);
    // A ninth does not fit: one launch, for it alone.
    const nine = [...eight, run(workload('w8', 'q', 1))];
    expect(plan(nine).launches.map((l) => l.forWorkloads)).toEqual([['w8']]);
    // Room of an offering no longer in the market is not counted.
    expect(
      planLaunches({
        pending: [eight[0] as WorkloadInfo],
        pools: [pool()],
        market: m,
        hazard: () => safe,
        inFlight: [{ pool: 'cloud', offeringId: 'gone', market: 'spot' }],
        now: 0,
      }).launches,
    ).toHaveLength(1);
  });

  it('says why nothing can be launched: pool at its maximum, or no quota there', () => {
    const w = run(workload('w', 'q', 1));
    const m = [market(small, { 'us-east-1a': 1.5 })];
    const full = planLaunches({
      pending: [w],
      pools: [{ ...pool({ maxNodes: 2 }), nodes: 2 }],
      market: m,
      hazard: () => safe,
      inFlight: [],
      now: 0,
    });
    expect(full.unserved[0]?.reason).toBe('its elastic node pools are at their maximum size');
    const noQuota = planLaunches({
      pending: [w],
      pools: [pool()],
      market: m,
      hazard: () => safe,
      inFlight: [],
      now: 0,
      admits: () => false,
    });
    expect(noQuota.launches).toEqual([]);
    expect(noQuota.unserved[0]?.reason).toBe(
      'its queue has no quota left in elastic pool(s) cloud',
    );
  });

  it('removes nodes idle past their time-to-live, keeping the minimum', () => {
    const pools = [
      { name: 'cloud', spec: elasticSpec({ minNodes: 1, idleTtlMs: 60_000 }), nodes: 3 },
    ];
    const nodes = [
      { name: 'a', pool: 'cloud', idleSince: 0 },
      { name: 'b', pool: 'cloud', idleSince: 10_000 },
      { name: 'c', pool: 'cloud' },
    ];
    expect(planScaleDown(nodes, pools, 100_000).map((n) => n.name)).toEqual(['a', 'b']);
    expect(
      planScaleDown(
        nodes,
        [{ ...pools[0]!, spec: elasticSpec({ minNodes: 2, idleTtlMs: 60_000 }) }],
        100_000,
      ).map((n) => n.name),
    ).toEqual(['a']);
  });
});

describe('mover', () => {
  const node = (over: Partial<NodeInfo> = {}): NodeInfo => ({
    name: 'spot-1',
    pool: 'cloud',
    gpuModel: 'A100',
    gpus: 1,
    cpuMilli: 12_000,
    memoryMiB: 85 * 1024,
    labels: {},
    schedulable: true,
    market: 'spot',
    zone: 'us-east-1a',
    pricePerHourMicros: 1_500_000,
    cloud: {
      cloud: 'aws',
      region: 'us-east-1',
      instanceType: 'a1',
      instanceId: 'i-1',
      onDemandPerHourMicros: 4_000_000,
      bidPerHourMicros: 4_000_000,
    },
    ...over,
  });
  const booking = (w: WorkloadInfo) => ({
    workload: w,
    placements: [{ node: 'spot-1', gpus: [{ index: 0, milli: 1000 }] }],
    startedAt: 0,
    lastCheckpointAt: 0,
  });
  const w = run(workload('w', 'q', 1), { expectedDurationMs: 10 * 3_600_000 });

  it('moves right away on a reclaim notice', () => {
    const d = planMoves({
      running: [{ booking: booking(w), node: node(), alone: true, reclaimAt: 120_000 }],
      market: [market(small, { 'us-east-1a': 1.5, 'us-east-1b': 1.6 })],
      hazard: () => safe,
      now: 0,
    });
    expect(d).toEqual([
      expect.objectContaining({
        workload: 'w',
        kind: 'reactive',
        target: expect.objectContaining({ zone: 'us-east-1b' }),
      }),
    ]);
    expect(d[0]?.reason).toContain('reclaim notice: spot-1 goes in 120 s');
  });

  it('moves to on-demand when the deadline slack runs short', () => {
    const late = { ...w, deadlineAt: 10 * 3_600_000 + 600_000 };
    const d = planMoves({
      running: [{ booking: booking(late), node: node(), alone: true }],
      market: [market(small, { 'us-east-1a': 1.5 })],
      hazard: () => safe,
      now: 0,
    });
    expect(d[0]).toMatchObject({ kind: 'deadline', target: { market: 'on-demand' } });
    // A gang over two nodes too, and it is told it restarts on on-demand as a whole.
    const gang = {
      ...booking({ ...late, replicas: 2 }),
      placements: [
        { node: 'spot-1', gpus: [{ index: 0, milli: 1000 }] },
        { node: 'spot-2', gpus: [{ index: 0, milli: 1000 }] },
      ],
    };
    const [forGang] = planMoves({
      running: [
        {
          booking: gang,
          node: node(),
          alone: false,
          gangNodes: [node(), node({ name: 'spot-2' })],
        },
      ],
      market: [market(small, { 'us-east-1a': 1.5 })],
      hazard: () => safe,
      now: 0,
    });
    expect(forGang).toMatchObject({ kind: 'deadline', target: { market: 'on-demand' } });
    expect(forGang?.reason).toContain('the gang restarts on on-demand capacity');
  });

  it('moves proactively away from a risky place, and stays put where it is safe', () => {
    const m = [market(small, { 'us-east-1a': 1.5, 'us-east-1b': 1.5 })];
    const riskyHere = planMoves({
      running: [{ booking: booking(w), node: node(), alone: true }],
      market: m,
      hazard: (_o, z) => (z === 'us-east-1a' ? 10 * risky : safe),
      now: 1_200_000,
    });
    expect(riskyHere[0]).toMatchObject({ kind: 'proactive', target: { zone: 'us-east-1b' } });
    expect(
      planMoves({
        running: [{ booking: booking(w), node: node(), alone: true }],
        market: m,
        hazard: () => safe,
        now: 1_200_000,
      }),
    ).toEqual([]);
  });

  it('moves a multi-node gang as a unit: one target per node, only when it has each node alone', () => {
    const m = [market(small, { 'us-east-1a': 1.5, 'us-east-1b': 1.5 })];
    const second = node({ name: 'spot-2' });
    const gang = {
      ...booking({ ...w, replicas: 2 }),
      placements: [
        { node: 'spot-1', gpus: [{ index: 0, milli: 1000 }] },
        { node: 'spot-2', gpus: [{ index: 0, milli: 1000 }] },
      ],
    };
    const movesOf = (alone: boolean) =>
      planMoves({
        running: [{ booking: gang, node: node(), alone, gangNodes: [node(), second] }],
        market: m,
        hazard: (_o, z) => (z === 'us-east-1a' ? 10 * risky : safe),
        now: 1_200_000,
      });
    const [d] = movesOf(true);
    expect(d).toMatchObject({ kind: 'proactive', instances: 2, target: { zone: 'us-east-1b' } });
    expect(d?.reason).toContain('to 2 × spot');
    // With a stranger on one of its nodes, moving would not free that node.
    expect(movesOf(false)).toEqual([]);
  });

  it('moves opportunistically when another place is much cheaper for the rest of the run', () => {
    const m = [market(small, { 'us-east-1a': 3.5, 'us-east-1b': 0.5 })];
    const d = planMoves({
      running: [
        { booking: booking(w), node: node({ pricePerHourMicros: 3_500_000 }), alone: true },
      ],
      market: m,
      hazard: () => safe,
      now: 0,
    });
    expect(d[0]).toMatchObject({
      kind: 'opportunistic',
      target: { zone: 'us-east-1b', market: 'spot' },
    });
    expect(d[0]?.reason).toMatch(/saves \$\d+\.\d\d over the remaining 10\.0 h/);
  });

  it('moves work off on-demand to a cheaper place, as far as its market rule allows', () => {
    const blind = { ...w, checkpointIntervalMs: undefined, expectedDurationMs: undefined };
    const cheapOnDemand = market(offering('b1', 1, 2, undefined), {});
    const plan = (work: WorkloadInfo, m: MarketOffering[], hazard = safe) =>
      planMoves({
        running: [
          {
            booking: booking(work),
            node: node({ market: 'on-demand', pricePerHourMicros: 4_000_000 }),
            alone: true,
          },
        ],
        market: m,
        hazard: () => hazard,
        now: 0,
      });
    const spotTooCheap = [market(small, { 'us-east-1a': 0.5 })];
    expect(plan(w, spotTooCheap)[0]).toMatchObject({
      kind: 'opportunistic',
      target: { market: 'spot', zone: 'us-east-1a' },
    });
    // Work that auto keeps off spot stays, unless on-demand is cheaper elsewhere.
    expect(plan(blind, spotTooCheap)).toEqual([]);
    expect(plan(blind, [...spotTooCheap, cheapOnDemand])[0]).toMatchObject({
      kind: 'opportunistic',
      target: { market: 'on-demand', offeringId: 'aws/us-east-1/b1' },
    });
    // Nothing cheaper than where it runs: it stays.
    expect(plan(w, [market(small, { 'us-east-1a': undefined })])).toEqual([]);
    // Not to spot whose reclaims, over the whole remaining run, would cost more than it
    // saves (10 h without checkpoints, a reclaim an hour), as the provisioner would judge.
    expect(plan({ ...w, checkpointIntervalMs: undefined }, spotTooCheap, risky)).toEqual([]);
    // Nor to spot where a reclaim would leave less than the deadline's minimum slack: the
    // deadline move would send it straight back.
    expect(plan({ ...w, deadlineAt: 10 * 3_600_000 + 25 * 60_000 }, spotTooCheap)).toEqual([]);
  });

  it('under auto, moves work whose reclaim loss is unbounded only to on-demand', () => {
    const blind = { ...w, checkpointIntervalMs: undefined, expectedDurationMs: undefined };
    const m = [market(small, { 'us-east-1a': 3.5, 'us-east-1b': 0.5 })];
    const plan = (reclaimAt?: number) =>
      planMoves({
        running: [
          {
            booking: booking(blind),
            node: node({ pricePerHourMicros: 3_500_000 }),
            alone: true,
            ...(reclaimAt !== undefined ? { reclaimAt } : {}),
          },
        ],
        market: m,
        hazard: () => safe,
        now: 0,
      });
    // No opportunistic move onto spot, however cheap; a reclaim notice sends it to on-demand.
    expect(plan()).toEqual([]);
    expect(plan(120_000)[0]).toMatchObject({ kind: 'reactive', target: { market: 'on-demand' } });
  });

  it('moves only to what the node pool may buy: its clouds and its market', () => {
    const azure = offering('nd96', 8, 30, 0.2, {
      cloud: 'azure',
      region: 'eastus',
      zones: ['eastus-1'],
    });
    const plan = (p: ElasticSpec) =>
      planMoves({
        running: [{ booking: booking(w), node: node(), alone: true, reclaimAt: 120_000, pool: p }],
        market: [
          market(small, { 'us-east-1a': 1.5, 'us-east-1b': 1.6 }),
          market(azure, { 'eastus-1': 0.2 }),
        ],
        hazard: () => safe,
        now: 0,
      });
    expect(plan(elasticSpec())[0]?.target.cloud).toBe('azure');
    expect(plan(elasticSpec({ clouds: ['aws'] }))[0]?.target).toMatchObject({
      cloud: 'aws',
      zone: 'us-east-1b',
    });
    expect(plan(elasticSpec({ clouds: ['aws'], market: 'on-demand' }))[0]?.target).toMatchObject({
      cloud: 'aws',
      market: 'on-demand',
    });
  });

  it('does not move one of several residents for price or risk: the node keeps running', () => {
    const shared = {
      booking: booking(w),
      node: node({ pricePerHourMicros: 3_500_000 }),
      alone: false,
    };
    expect(
      planMoves({
        running: [shared],
        market: [market(small, { 'us-east-1a': 3.5, 'us-east-1b': 0.5 })],
        hazard: (_o, z) => (z === 'us-east-1a' ? 10 * risky : safe),
        now: 1_200_000,
      }),
    ).toEqual([]);
  });
});
