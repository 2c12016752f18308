import type { FillReport, ReplayReport } from '@roam/sim';

/** Reports of `roam sim … --out DIR` runs, by experiment. */
export interface SimReports {
  readonly fill: readonly FillReport[];
  readonly replay: readonly ReplayReport[];
}

/** No reports yet. */
export const NO_REPORTS: SimReports = { fill: [], replay: [] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isFillReport(x: Record<string, unknown>): boolean {
  return (
    typeof x.policy === 'string' &&
    Array.isArray(x.points) &&
    x.points.every(
      (p) => isObject(p) && isNumber(p.arrivedPct) && isNumber(p.allocPct) && isNumber(p.fragPct),
    ) &&
    // NaN (no point at 100% arrived) is written as null.
    (isNumber(x.unallocatedAt100Pct) || x.unallocatedAt100Pct === null)
  );
}

function isReplayReport(x: Record<string, unknown>): boolean {
  return (
    typeof x.policy === 'string' &&
    isObject(x.jctSeconds) &&
    Array.isArray(x.queues) &&
    (x.samples === undefined ||
      (Array.isArray(x.samples) &&
        x.samples.every(
          (s) => isObject(s) && isNumber(s.at) && isNumber(s.allocatedMilli) && isObject(s.byQueue),
        )))
  );
}

/**
 * Reads a `report.json` of `roam sim fill|replay|compare … --out DIR` (one report or an
 * array of them) and adds its reports to `into`. Throws an Error naming `source` and what
 * is wrong when the JSON is not such a report.
 */
export function addSimReports(into: SimReports, text: string, source: string): SimReports {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`);
  }
  const items = Array.isArray(json) ? json : [json];
  const fill: FillReport[] = [];
  const replay: ReplayReport[] = [];
  items.forEach((item, i) => {
    const where = Array.isArray(json) ? `${source} [${i}]` : source;
    if (!isObject(item))
      throw new Error(`${where}: a report is an object, got ${JSON.stringify(item)}`);
    if (isFillReport(item)) fill.push(item as unknown as FillReport);
    else if (isReplayReport(item)) replay.push({ samples: [], ...item } as unknown as ReplayReport);
    else
      throw new Error(
        `${where}: not a report of roam sim fill (policy, points, unallocatedAt100Pct) or replay (policy, jctSeconds, queues, samples)`,
      );
  });
  return { fill: [...into.fill, ...fill], replay: [...into.replay, ...replay] };
}
