import {
  fillExperiment,
  fillPolicy,
  FILL_POLICIES,
  isFillPolicy,
  type FillReport,
} from '@roam/sim';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { ProgressBar } from '../../progress.js';
import { table } from '../../table.js';
import { loadOpenb } from './load.js';
import { parseSeeds, positiveNumber, required } from './options.js';
import { writeFillOutputs } from './outputs.js';

export const fillHelp = `Usage: roam sim fill --nodes NODES.csv --pods PODS.csv --policy P[,P...] [--seeds 42-51] [--inflate 1.3]
                     [--json] [--out DIR] [--png]

The FGD experiment (Weng et al., USENIX ATC '23): pods of an Alibaba openb pod list,
inflated with resampled copies until their GPU request reaches --inflate × cluster GPUs,
arrive in a seeded random order and are placed one by one; nothing leaves. Records the
GPU allocation and fragmentation at each arrived-% point, averaged over seeds.

Policies: ${FILL_POLICIES.join(', ')}
  random, dotprod, clustering, packing, bestfit, fgd: as the paper defines them
  roam: Roam's default placement policy; binpack, spread: Roam's others

  --json      print the report as JSON
  --out DIR   write report.json and charts (SVG) to DIR; --png adds PNGs`;

/** `roam sim fill`. */
export async function fillCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      nodes: { type: 'string' },
      pods: { type: 'string' },
      policy: { type: 'string' },
      seeds: { type: 'string', default: '42-51' },
      inflate: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      png: { type: 'boolean', default: false },
    },
  });
  const policies = required('policy', values.policy).split(',');
  for (const p of policies)
    if (!isFillPolicy(p))
      throw new UsageError(
        `--policy: unknown policy ${JSON.stringify(p)}; known: ${FILL_POLICIES.join(', ')}`,
      );
  const seeds = parseSeeds(values.seeds);
  const inflate = positiveNumber('inflate', values.inflate, 1.3);
  const nodesFile = required('nodes', values.nodes);
  const podsFile = required('pods', values.pods);
  const { nodes, pods } = await loadOpenb(nodesFile, podsFile);
  const reports: FillReport[] = [];
  for (const name of policies) {
    const bar = new ProgressBar(`fill ${name}`);
    reports.push(
      fillExperiment(
        {
          nodes,
          pods,
          policyName: name,
          policy: fillPolicy(name as Parameters<typeof fillPolicy>[0], nodes),
          seeds,
          inflate,
          onProgress: (done, total) => bar.update(done / total),
        },
        () => performance.now(),
      ),
    );
    bar.done();
  }
  if (values.out !== undefined)
    await writeFillOutputs(values.out, reports, { png: values.png, title: podsFile });
  if (values.json) io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else io.out(renderFill(reports, podsFile));
  return 0;
}

/** The side-by-side summary table of fill reports. */
export function renderFill(reports: readonly FillReport[], podsFile: string): string {
  const first = reports[0];
  const at = (r: FillReport, x: number): string =>
    r.points.find((p) => p.arrivedPct === x)?.allocPct.toFixed(2) ?? '-';
  const sd = (xs: readonly number[]): number => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  };
  const rows = [...reports]
    .sort((a, b) => a.unallocatedAt100Pct - b.unallocatedAt100Pct)
    .map((r) => [
      r.policy,
      `${r.unallocatedAt100Pct.toFixed(2)} ± ${sd(r.unallocatedAt100PctBySeed).toFixed(2)}`,
      at(r, 90),
      at(r, 100),
      at(r, Math.floor(100 * r.inflate)),
      r.points.find((p) => p.arrivedPct === 80)?.fragPct.toFixed(2) ?? '-',
      `${(r.wallMs / r.seeds.length / 1000).toFixed(2)}s`,
    ]);
  const head = first
    ? `${podsFile}: ${first.pods} pods on ${first.nodes} nodes / ${first.gpus} GPUs, inflated to ${Math.round(first.inflate * 100)}%, seeds ${first.seeds.join(',')}`
    : podsFile;
  return `${head}\n\n${table(['POLICY', 'UNALLOCATED@100% (mean ± sd)', 'ALLOC@90', 'ALLOC@100', `ALLOC@${first ? Math.floor(100 * first.inflate) : 130}`, 'FRAG@80', 'TIME/RUN'], rows)}`;
}
