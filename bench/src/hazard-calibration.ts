/**
 * How well the mover's reclaim hazard predicts, online, whether spot capacity is
 * reclaimed within the next hour: every GPU series of the Can't Be Late traces (27 series
 * of p3/p2 instances in 9 AWS zones) is replayed tick by tick into a fresh estimate, and
 * every 30 minutes while spot is available the estimate's 1-hour reclaim probability is
 * scored against what the trace did next (Brier score and log loss; lower is better).
 *
 * Models: Roam's Lomax hazard (`HazardEstimate`, with its prior from the pooled fit of
 * these same traces, worth two stretches), the same with a nearly memoryless prior (so
 * the gain is not the prior's), and the constant-rate estimate it replaced: an
 * exponential lifetime with a Gamma prior of one reclaim per 3 h.
 *
 *   npm run -s repro:hazard -- [--json] [--data ../shared/data]
 */
import { HazardEstimate, MS_PER_HOUR, type Lifetime } from '@roam/core';
import { loadSpotTrace } from '@roam/sim';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, flags } from './args.js';

const TRACES = 'cant-be-late-spot-traces';
const SAMPLE_EVERY_MS = 30 * 60_000;
/** A prior close to an exponential with a 3 h mean: k = 30, σ = 87 h. */
const MEMORYLESS: Lifetime = { shape: 30, scaleMs: 87 * MS_PER_HOUR };
const AGE_BANDS: readonly [string, number][] = [
  ['under 30 min', 0.5],
  ['30 min–2 h', 2],
  ['2–8 h', 8],
  ['8 h and more', Infinity],
];

/** What a model needs to be scored. */
interface Predictor {
  observe(at: number, available: boolean): void;
  probability(now: number): number;
}

/** The estimate Roam used before: reclaims over exposure with a Gamma(1, 3 h) prior. */
class ExponentialEstimate implements Predictor {
  private reclaims = 0;
  private exposureMs = 0;
  private since: number | undefined;

  observe(at: number, available: boolean): void {
    if (available && this.since === undefined) this.since = at;
    if (!available && this.since !== undefined) {
      this.exposureMs += at - this.since;
      this.since = undefined;
      this.reclaims++;
    }
  }

  probability(now: number): number {
    const open = this.since === undefined ? 0 : now - this.since;
    const rate = (1 + this.reclaims) / (3 * MS_PER_HOUR + this.exposureMs + open);
    return 1 - Math.exp(-rate * MS_PER_HOUR);
  }
}

function lomax(prior?: Lifetime): Predictor {
  const h = prior === undefined ? new HazardEstimate() : new HazardEstimate(prior);
  return {
    observe: (at, available) => h.observeAvailability(at, available),
    probability: (now) => h.reclaimProbability(now, MS_PER_HOUR),
  };
}

const MODELS: Record<string, () => Predictor> = {
  lomax: () => lomax(),
  'lomax, memoryless prior': () => lomax(MEMORYLESS),
  exponential: () => new ExponentialEstimate(),
};

/** Running scores of one model. */
interface Score {
  brier: number;
  logLoss: number;
  byAge: number[];
}

/** Whether spot in `series` ends within an hour after tick `i`; undefined past the end. */
function reclaimedWithinHour(series: readonly number[], i: number, tickMs: number) {
  const ahead = Math.ceil(MS_PER_HOUR / tickMs);
  if (i + ahead >= series.length) return undefined;
  for (let j = i + 1; j <= i + ahead; j++) if (series[j] !== 1) return true;
  return false;
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const dir = join(dataDir(f), TRACES);
  if (!existsSync(dir)) throw new Error(`no traces at ${dir}: give --data DIR`);
  const names = Object.keys(MODELS);
  const scores: Record<string, Score> = Object.fromEntries(
    names.map((n) => [n, { brier: 0, logLoss: 0, byAge: AGE_BANDS.map(() => 0) }]),
  );
  const band = AGE_BANDS.map(() => ({ samples: 0, reclaimed: 0 }));
  let samples = 0;
  let reclaimed = 0;
  let seriesCount = 0;
  for (const file of readdirSync(dir)
    .filter((x) => x.endsWith('.csv.gz'))
    .sort()) {
    const trace = await loadSpotTrace(join(dir, file));
    for (const s of trace.series) {
      // GPU instances only, as in the calibration of the market and of the prior.
      if (!/^(p2|p3)\./.test(s.instanceType)) continue;
      seriesCount++;
      const series = Array.from(s.counts, (c) => (c > 0 ? 1 : 0));
      const models = names.map((n) => MODELS[n]?.() as Predictor);
      const every = Math.max(1, Math.round(SAMPLE_EVERY_MS / s.tickMs));
      let since = -1;
      series.forEach((v, i) => {
        const now = i * s.tickMs;
        for (const m of models) m.observe(now, v === 1);
        since = v === 1 ? (since < 0 ? i : since) : -1;
        if (v !== 1 || i % every !== 0) return;
        const outcome = reclaimedWithinHour(series, i, s.tickMs);
        if (outcome === undefined) return;
        const y = outcome ? 1 : 0;
        const ageH = ((i - since) * s.tickMs) / MS_PER_HOUR;
        const b = AGE_BANDS.findIndex(([, upTo]) => ageH < upTo);
        samples++;
        reclaimed += y;
        (band[b] as (typeof band)[number]).samples++;
        (band[b] as (typeof band)[number]).reclaimed += y;
        models.forEach((m, k) => {
          const p = Math.min(1 - 1e-6, Math.max(1e-6, m.probability(now)));
          const sc = scores[names[k] as string] as Score;
          sc.brier += (p - y) ** 2;
          sc.logLoss -= Math.log(y === 1 ? p : 1 - p);
          sc.byAge[b] = (sc.byAge[b] ?? 0) + p;
        });
      });
    }
  }
  const base = reclaimed / samples;
  const result = {
    series: seriesCount,
    samples,
    reclaimedWithinHour: round(base),
    constantBrier: round(base * (1 - base)),
    models: Object.fromEntries(
      names.map((n) => {
        const sc = scores[n] as Score;
        return [n, { brier: round(sc.brier / samples), logLoss: round(sc.logLoss / samples) }];
      }),
    ),
    byAge: AGE_BANDS.map(([label], b) => {
      const g = band[b] as (typeof band)[number];
      return {
        age: label,
        samples: g.samples,
        actual: round(g.reclaimed / g.samples),
        ...Object.fromEntries(
          names.map((n) => [n, round(((scores[n] as Score).byAge[b] ?? 0) / g.samples)]),
        ),
      };
    }),
  };
  if (f.has('json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `${samples} samples from ${seriesCount} series; reclaimed within the hour: ${result.reclaimedWithinHour}`,
  );
  console.log(`| model | Brier | log loss |\n| --- | --- | --- |`);
  console.log(`| constant (the overall rate, known in hindsight) | ${result.constantBrier} | – |`);
  for (const n of names) {
    const m = result.models[n] as { brier: number; logLoss: number };
    console.log(`| ${n} | ${m.brier} | ${m.logLoss} |`);
  }
  console.log(`\n| capacity has lasted | samples | reclaimed within 1 h | ${names.join(' | ')} |`);
  console.log(`| --- | --- | --- | ${names.map(() => '---').join(' | ')} |`);
  for (const row of result.byAge) {
    const r = row as unknown as Record<string, number | string>;
    console.log(
      `| ${row.age} | ${row.samples} | ${row.actual} | ${names.map((n) => r[n]).join(' | ')} |`,
    );
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

await main();
