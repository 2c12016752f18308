import {
  deadlinesForSlack,
  evenStartHours,
  loadSpotTrace,
  prepareSpotJob,
  runSpotPolicy,
  runSpotSweep,
  selectZones,
  spotRunCharts,
  spotSweepCharts,
  summariseSpotSweep,
  sweepZoneSets,
  SPOT_POLICY_NAMES,
  type SpotPolicyName,
  type SpotResult,
  type ZoneMarket,
} from '@roam/sim';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { ProgressBar } from '../../progress.js';
import { nonNegative, positiveNumber, required } from './options.js';
import { writeChartOutputs } from './outputs.js';
import { renderSpotRuns, renderSpotSweep } from './spot-tables.js';

export const spotHelp = `Usage: roam sim spot --trace FILE [--zone ZONE|all] [--job-hours H] [--deadline-hours D]
                     [--restart-hours R] [--start-hour S] [--ondemand-price P] [--spot-price P]
                     [--instance-type T] [--policy P[,P...]] [--json] [--out DIR] [--png]
       roam sim spot --sweep --trace FILE [--zone ZONE|all] [--starts N] [--slacks 0.1,...]
                     [the job and price options above]

The deadline experiment of "Can't Be Late" (Wu et al., NSDI '24): one job of H hours of
work must be done within D hours of its start, S hours into a spot trace. Spot runs
while the trace says it is available and is reclaimed when it is not; every start on a
new instance, and every restart after a reclaim or a move, costs R hours of no progress.
Spot prices come from the trace where it has them, else --spot-price.

Traces (the format is read from the header): the Can't Be Late long format, SpotHedge's
GCP A100 long format, SkyNomad's GCP H100 probes, and the GCP price history (daily
prices: for jobs of days).

Policies: ${SPOT_POLICY_NAMES.join(', ')}
  on-demand          on-demand from the start
  greedy             spot while it is there, on-demand once the slack is gone
  uniform-progress   the paper's policy: keep progress on the line from start to deadline
  roam               Roam's: a spot availability model learnt online, planned against
  optimal            the offline optimum with the whole trace known (dynamic programming)
With --zone all a policy may move between the trace's zones (each move costs R).

  --job-hours H        work the job needs (default 48)
  --deadline-hours D   the deadline after the start (default 52)
  --restart-hours R    no-progress time per launch (default 0.2)
  --start-hour S       where in the trace the job starts (default 0)
  --ondemand-price P   USD per instance-hour (default 3.06, AWS p3.2xlarge in us-east-1)
  --spot-price P       USD per instance-hour where the trace has no price
  --instance-type T    only the trace's series of this instance type
  --sweep              run a grid: each zone alone and all together (with --zone all),
                       × --starts N start hours spread over the trace (default 4)
                       × deadlines of --slacks (fractions of the job; default
                       0.1,0.2,0.3,0.4,0.5) × every policy
  --json               print the result(s) as JSON
  --out DIR            write report.json and charts (SVG) to DIR; --png adds PNGs`;

/** The job options every spot run takes. */
interface JobOptions {
  readonly jobHours: number;
  readonly restartHours: number;
  readonly onDemandPriceUsd: number;
}

/** `roam sim spot`. */
export async function spotCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      trace: { type: 'string' },
      zone: { type: 'string', default: 'all' },
      'job-hours': { type: 'string' },
      'deadline-hours': { type: 'string' },
      'restart-hours': { type: 'string' },
      'start-hour': { type: 'string' },
      'ondemand-price': { type: 'string' },
      'spot-price': { type: 'string' },
      'instance-type': { type: 'string' },
      policy: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      starts: { type: 'string' },
      slacks: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      png: { type: 'boolean', default: false },
    },
  });
  const policies = parsePolicies(values.policy);
  const job: JobOptions = {
    jobHours: positiveNumber('job-hours', values['job-hours'], 48),
    restartHours: nonNegative('restart-hours', values['restart-hours'], 0.2),
    onDemandPriceUsd: positiveNumber('ondemand-price', values['ondemand-price'], 3.06),
  };
  const spotPrice = values['spot-price'];
  const traceFile = required('trace', values.trace);
  const trace = await loadSpotTrace(traceFile);
  const markets = withUsageErrors(() =>
    selectZones(trace, {
      zone: values.zone,
      ...(values['instance-type'] !== undefined ? { instanceType: values['instance-type'] } : {}),
      ...(spotPrice !== undefined
        ? { spotPriceUsd: positiveNumber('spot-price', spotPrice, 0) }
        : {}),
    }),
  );
  const subtitle = `${traceFile} · ${job.jobHours} h job, restart ${job.restartHours} h`;
  if (values.sweep) {
    for (const flag of ['deadline-hours', 'start-hour'] as const)
      if (values[flag] !== undefined)
        throw new UsageError(
          `--${flag} is not used with --sweep: it runs deadlines from --slacks at --starts start hours`,
        );
    const starts = positiveNumber('starts', values.starts, 4);
    if (!Number.isInteger(starts))
      throw new UsageError(`--starts must be a whole number, got ${values.starts}`);
    const slacks = parseSlacks(values.slacks ?? '0.1,0.2,0.3,0.4,0.5');
    return sweep(io, { markets, job, policies, starts, slacks, subtitle }, values);
  }
  const deadlineHours = positiveNumber('deadline-hours', values['deadline-hours'], 52);
  if (deadlineHours < job.jobHours)
    throw new UsageError(
      `--deadline-hours must be at least --job-hours (${job.jobHours}), got ${deadlineHours}`,
    );
  const startHour = nonNegative('start-hour', values['start-hour'], 0);
  const prepared = withUsageErrors(() =>
    prepareSpotJob({ ...job, deadlineHours }, markets, startHour),
  );
  const results: SpotResult[] = policies.map((p) => runSpotPolicy(prepared, p));
  if (values.out !== undefined)
    await writeChartOutputs(values.out, results, spotRunCharts(results, subtitle), values.png);
  if (values.json) io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  else io.out(renderSpotRuns(results, traceFile));
  return 0;
}

/** What a sweep runs. */
interface SweepInput {
  readonly markets: readonly ZoneMarket[];
  readonly job: JobOptions;
  readonly policies: readonly SpotPolicyName[];
  readonly starts: number;
  readonly slacks: readonly number[];
  readonly subtitle: string;
}

async function sweep(
  io: Io,
  input: SweepInput,
  values: { json: boolean; out?: string | undefined; png: boolean; trace?: string | undefined },
): Promise<number> {
  const started = performance.now();
  const first = input.markets[0];
  if (first === undefined) throw new UsageError('no zones to sweep');
  const traceHours = (first.available.length * first.tickMs) / 3_600_000;
  const deadlineHours = deadlinesForSlack(input.job.jobHours, input.slacks);
  const bar = new ProgressBar('spot sweep');
  const rows = withUsageErrors(() =>
    runSpotSweep(
      {
        job: input.job,
        zoneSets: sweepZoneSets(input.markets),
        startHours: evenStartHours(traceHours, Math.max(...deadlineHours), input.starts),
        deadlineHours,
        policies: input.policies,
      },
      (done, total) => bar.update(done / total),
    ),
  );
  bar.done();
  const summary = summariseSpotSweep(rows);
  const report = { trace: values.trace, wallMs: performance.now() - started, summary, rows };
  if (values.out !== undefined)
    await writeChartOutputs(
      values.out,
      [report],
      spotSweepCharts(rows, input.subtitle),
      values.png,
    );
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out(renderSpotSweep(summary, rows.length, report.wallMs, input.subtitle));
  return 0;
}

function parsePolicies(text: string | undefined): SpotPolicyName[] {
  if (text === undefined) return [...SPOT_POLICY_NAMES];
  return text.split(',').map((p) => {
    if (!(SPOT_POLICY_NAMES as readonly string[]).includes(p))
      throw new UsageError(
        `--policy: unknown policy ${JSON.stringify(p)}; known: ${SPOT_POLICY_NAMES.join(', ')}`,
      );
    return p as SpotPolicyName;
  });
}

function parseSlacks(text: string): number[] {
  return text.split(',').map((part) => {
    const slack = Number(part);
    if (part.trim() === '' || !Number.isFinite(slack) || slack < 0)
      throw new UsageError(
        `--slacks must be fractions of the job at or above 0, like 0.1,0.3, got ${JSON.stringify(text)}`,
      );
    return slack;
  });
}

/** Runs `f`, turning its RangeError (a bad zone, start or job) into a usage error. */
function withUsageErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}
