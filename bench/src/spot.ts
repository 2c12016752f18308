/**
 * Deadline-experiment benchmark (`roam sim spot`): one experiment (every policy on one
 * job: 48 h of work, 52 h deadline, 0.2 h restarts, one zone of the 2023 Can't Be Late
 * AWS trace) and a 1,000-run sweep (9 zones alone and together × 4 starts × 5 slacks × 5
 * policies). Targets: one experiment under 1 s, the sweep under 2 minutes. Prints one
 * JSON object.
 *
 *   npm run -s bench:spot -- --json [--data ../shared/data]
 */
import {
  deadlinesForSlack,
  evenStartHours,
  loadSpotTrace,
  prepareSpotJob,
  runSpotPolicy,
  runSpotSweep,
  selectZones,
  sweepZoneSets,
  SPOT_POLICY_NAMES,
} from '@roam/sim';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataDir, flags } from './args.js';

const TRACE = 'cant-be-late-spot-traces/availability_1-node_aws-02-15-2023.csv.gz';
const JOB = { jobHours: 48, restartHours: 0.2, onDemandPriceUsd: 3.06 };

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const data = dataDir(f);
  const file = join(data, TRACE);
  if (!existsSync(file)) throw new Error(`no trace at ${file}: give --data DIR`);

  const loadStarted = performance.now();
  const trace = await loadSpotTrace(file);
  const loadMs = performance.now() - loadStarted;
  const markets = selectZones(trace, { zone: 'all' });
  const one = selectZones(trace, { zone: 'us-east-1f' });

  const started = performance.now();
  const prepared = prepareSpotJob({ ...JOB, deadlineHours: 52 }, one, 100);
  const perPolicy = Object.fromEntries(
    SPOT_POLICY_NAMES.map((p) => [p, Math.round(runSpotPolicy(prepared, p).wallMs * 10) / 10]),
  );
  const experimentMs = performance.now() - started;

  const first = markets[0];
  if (first === undefined) throw new Error(`${file} has no series`);
  const deadlines = deadlinesForSlack(JOB.jobHours, [0.1, 0.2, 0.3, 0.4, 0.5]);
  const sweepStarted = performance.now();
  const rows = runSpotSweep({
    job: JOB,
    zoneSets: sweepZoneSets(markets),
    startHours: evenStartHours(
      (first.available.length * first.tickMs) / 3_600_000,
      Math.max(...deadlines),
      4,
    ),
    deadlineHours: deadlines,
    policies: [...SPOT_POLICY_NAMES],
  });
  const sweepMs = performance.now() - sweepStarted;

  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'spot',
        node: process.version,
        trace: TRACE,
        traceLoadMs: Math.round(loadMs),
        experiment: {
          policies: SPOT_POLICY_NAMES.length,
          wallMs: Math.round(experimentMs),
          perPolicyMs: perPolicy,
          targetMs: 1000,
        },
        sweep: { runs: rows.length, wallMs: Math.round(sweepMs), targetMs: 120_000 },
      },
      null,
      2,
    )}\n`,
  );
}

await main();
