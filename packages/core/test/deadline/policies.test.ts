import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ONLINE_DEADLINE_POLICIES,
  optimalPolicy,
  runDeadlineJob,
  type DeadlineJob,
  type OnlineDeadlinePolicyName,
  type SpotWindow,
} from '../../src/index.js';
import { job, ticks, window } from './builders.js';

const ONLINE = Object.keys(ONLINE_DEADLINE_POLICIES) as OnlineDeadlinePolicyName[];

function run(name: OnlineDeadlinePolicyName | 'optimal', j: DeadlineJob, w: SpotWindow) {
  const policy =
    name === 'optimal'
      ? optimalPolicy(j, w)
      : ONLINE_DEADLINE_POLICIES[name]({ job: j, zones: w.zones.length, pastAvailability: [] });
  return runDeadlineJob(j, w, policy);
}

describe('deadline policies', () => {
  it('on-demand costs the work plus one restart at the on-demand price', () => {
    const r = run('on-demand', job(4, 6), window(ticks(60, '1')));
    expect(r.deadlineMet).toBe(true);
    // 4.2 h held, in whole 10-minute ticks (26), at $3/h.
    expect(r.costMicros).toBe(26 * 500_000);
    expect(r.spotTicks).toBe(0);
  });

  it.each(ONLINE.filter((p) => p !== 'on-demand'))(
    '%s runs on spot when spot never goes away',
    (name) => {
      const r = run(name, job(4, 6), window(ticks(60, '1')));
      expect(r.deadlineMet).toBe(true);
      expect(r.onDemandTicks).toBe(0);
      expect(r.costMicros).toBe(26 * (1_000_000 / 6));
    },
  );

  it.each(ONLINE)('%s meets the deadline with on-demand when spot never comes', (name) => {
    const r = run(name, job(4, 6), window(ticks(60, '0')));
    expect(r.deadlineMet).toBe(true);
    expect(r.spotTicks).toBe(0);
  });

  // Spot for 1 h, gone for 1.5 h, then back for good; 4 h of work in 6 h; no restart cost;
  // spot $1/h, on-demand $3/h, 10-minute ticks.
  const outage = window(ticks(6, '1') + ticks(9, '0') + ticks(45, '1'));
  it.each([
    // 24 ticks on spot: wait out the outage, the 12 ticks of slack cover it.
    { policy: 'optimal', cost: 4_000_000, onDemandTicks: 0, finishTick: 33 },
    // Greedy waits too: the slack is not gone before spot is back.
    { policy: 'greedy', cost: 4_000_000, onDemandTicks: 0, finishTick: 33 },
    // Uniform progress is behind its line (t · 4/6) from tick 10 and runs on-demand until
    // spot is back at tick 15 (ahead by then): 19 spot ticks + 5 on-demand ticks.
    { policy: 'uniform-progress', cost: 5_666_667, onDemandTicks: 5, finishTick: 28 },
    { policy: 'on-demand', cost: 12_000_000, onDemandTicks: 24, finishTick: 24 },
  ] as const)(
    '$policy on a known outage costs $cost µ$',
    ({ policy, cost, onDemandTicks, finishTick }) => {
      const r = run(policy, job(4, 6, 0), outage);
      expect(Math.round(r.costMicros)).toBe(cost);
      expect(r.onDemandTicks).toBe(onDemandTicks);
      expect(r.finishTick).toBe(finishTick);
      expect(r.deadlineMet).toBe(true);
    },
  );

  it('optimal waits through an outage the slack covers, where greedy pays for on-demand', () => {
    // Spot for 1 h, gone for 1.5 h, then back for good; 4 h of work in 6 h.
    const w = window(ticks(6, '1') + ticks(9, '0') + ticks(45, '1'));
    const j = job(4, 6);
    expect(run('optimal', j, w).onDemandTicks).toBe(0);
    expect(run('optimal', j, w).costMicros).toBeLessThan(run('greedy', j, w).costMicros);
  });

  it('prices only the ticks with spot: an unknown price where there is none changes nothing', () => {
    const known = window(ticks(6, '0') + ticks(54, '1'), ticks(60, '0'));
    const unknown: SpotWindow = {
      zones: known.zones.map((z) => ({
        ...z,
        spotPrice: Float64Array.from(z.spotPrice, (p, t) =>
          z.available[t] === 1 ? p : Number.NaN,
        ),
      })),
    };
    for (const name of ['optimal', 'roam', 'greedy'] as const)
      expect(run(name, job(4, 6), unknown).costMicros, name).toBe(
        run(name, job(4, 6), known).costMicros,
      );
  });

  it('with two zones a policy moves to the zone that still has spot', () => {
    const w = window(ticks(6, '1') + ticks(54, '0'), ticks(60, '1'));
    const r = run('roam', job(4, 6), w);
    expect(r.deadlineMet).toBe(true);
    expect(r.onDemandTicks).toBe(0);
    expect(r.moves).toBeGreaterThanOrEqual(1);
  });
});

/** A job of 1–4 h with 0–60% slack and a window of random outages in 1–2 zones. */
const scenario = fc
  .record({
    workTicks: fc.integer({ min: 6, max: 24 }),
    slackPct: fc.integer({ min: 0, max: 60 }),
    restartTicks: fc.integer({ min: 0, max: 2 }),
    zones: fc.array(fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }), {
      minLength: 1,
      maxLength: 2,
    }),
  })
  .map(({ workTicks, slackPct, restartTicks, zones }) => {
    const work = workTicks / 6;
    return {
      j: job(work, Math.ceil(work * (1 + slackPct / 100) * 6) / 6, restartTicks / 6 / 2),
      w: window(...zones.map((z) => z.map((b) => (b ? '1' : '0')).join(''))),
    };
  });

describe('deadline policies: invariants', () => {
  it('no online policy misses a deadline that on-demand alone meets', () => {
    fc.assert(
      fc.property(scenario, ({ j, w }) => {
        if (!run('on-demand', j, w).deadlineMet) return;
        for (const name of ONLINE) expect(run(name, j, w).deadlineMet, name).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('optimal costs no more than any online policy that meets the deadline', () => {
    fc.assert(
      fc.property(scenario, ({ j, w }) => {
        const best = run('optimal', j, w);
        for (const name of ONLINE) {
          const r = run(name, j, w);
          if (r.deadlineMet) expect(best.costMicros, name).toBeLessThanOrEqual(r.costMicros + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the same job on the same window gives the same run', () => {
    fc.assert(
      fc.property(scenario, ({ j, w }) => {
        expect(run('roam', j, w)).toEqual(run('roam', j, w));
      }),
      { numRuns: 20 },
    );
  });
});
