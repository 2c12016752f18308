import type { SpotPolicyName } from './experiment.js';
import type { SpotSweepRow } from './sweep.js';

/** One policy's results over a sweep. */
export interface PolicySummary {
  readonly policy: SpotPolicyName;
  readonly runs: number;
  /** Mean of cost / on-demand cost. */
  readonly meanNormalizedCost: number;
  readonly meanCostUsd: number;
  readonly meanSpotHours: number;
  readonly meanOnDemandHours: number;
  readonly meanLaunches: number;
  /** Deadlines missed, and those of them on-demand alone would have met. */
  readonly misses: number;
  readonly avoidableMisses: number;
  readonly meanWallMs: number;
}

/** What a sweep says, per mode (single-zone runs and multi-zone runs apart). */
export interface SpotSweepSummary {
  readonly singleZone: readonly PolicySummary[];
  readonly multiZone: readonly PolicySummary[];
  /** roam's mean normalised cost over optimal's (single-zone runs); null without both. */
  readonly roamOverOptimal: number | null;
  /**
   * Share of the gap between uniform progress and optimal that roam closes, %:
   * 100 · (UP − roam) / (UP − optimal) on mean normalised costs (single-zone runs).
   */
  readonly gapClosedPct: number | null;
  /** Multi-zone roam against the single-zone runs of the same start and deadline. */
  readonly multiZoneVsSingleZone: MultiZoneComparison | null;
}

/** How multi-zone `roam` compares with single-zone runs of the same starts and deadlines. */
export interface MultiZoneComparison {
  /** Multi-zone roam runs with single-zone runs of the same start and deadline. */
  readonly windows: number;
  /** Mean normalised cost of multi-zone roam. */
  readonly roamMultiZone: number;
  /** The lowest mean normalised cost of any (zone, online policy) pair over the same windows. */
  readonly bestSingleZoneMean: number;
  readonly bestSingleZone: { readonly zone: string; readonly policy: SpotPolicyName };
  /** Mean over windows of the cheapest single-zone online run of that window (any zone and policy). */
  readonly cheapestSingleZonePerWindow: number;
  /** Share of windows in which multi-zone roam is at most every single-zone run, %. */
  readonly windowsBeatingAllPct: number;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;

/** Summarises sweep rows per policy and mode, and compares roam with the others. */
export function summariseSpotSweep(rows: readonly SpotSweepRow[]): SpotSweepSummary {
  const single = rows.filter((r) => r.zones.length === 1);
  const multi = rows.filter((r) => r.zones.length > 1);
  const singleZone = perPolicy(single);
  const find = (policy: SpotPolicyName): PolicySummary | undefined =>
    singleZone.find((s) => s.policy === policy);
  const roam = find('roam');
  const up = find('uniform-progress');
  const optimal = find('optimal');
  return {
    singleZone,
    multiZone: perPolicy(multi),
    roamOverOptimal: roam && optimal ? roam.meanNormalizedCost / optimal.meanNormalizedCost : null,
    gapClosedPct:
      roam && up && optimal && up.meanNormalizedCost !== optimal.meanNormalizedCost
        ? (100 * (up.meanNormalizedCost - roam.meanNormalizedCost)) /
          (up.meanNormalizedCost - optimal.meanNormalizedCost)
        : null,
    multiZoneVsSingleZone: compareMultiZone(single, multi),
  };
}

function perPolicy(rows: readonly SpotSweepRow[]): PolicySummary[] {
  const policies = [...new Set(rows.map((r) => r.policy))];
  return policies.map((policy) => {
    const mine = rows.filter((r) => r.policy === policy);
    const missed = mine.filter((r) => !r.deadlineMet);
    return {
      policy,
      runs: mine.length,
      meanNormalizedCost: mean(mine.map((r) => r.normalizedCost)),
      meanCostUsd: mean(mine.map((r) => r.costUsd)),
      meanSpotHours: mean(mine.map((r) => r.spotHours)),
      meanOnDemandHours: mean(mine.map((r) => r.onDemandHours)),
      meanLaunches: mean(mine.map((r) => r.launches)),
      misses: missed.length,
      avoidableMisses: missed.filter((r) => r.onDemandMeetsDeadline).length,
      meanWallMs: mean(mine.map((r) => r.wallMs)),
    };
  });
}

/** A single-zone run's key: its zone, start and deadline. */
function zoneTimeKey(zone: string, r: SpotSweepRow): string {
  return `${zone}|${r.startHour}|${r.deadlineHours}`;
}

/**
 * Compares each multi-zone roam run with the single-zone runs of online policies (every
 * one but the offline `optimal`, which knows the future) of the same start and deadline
 * in one of its zones.
 */
function compareMultiZone(
  single: readonly SpotSweepRow[],
  multi: readonly SpotSweepRow[],
): MultiZoneComparison | null {
  const byZoneTime = new Map<string, SpotSweepRow[]>();
  for (const r of single.filter((r) => r.policy !== 'optimal')) {
    const key = zoneTimeKey(r.zones[0] ?? '', r);
    byZoneTime.set(key, [...(byZoneTime.get(key) ?? []), r]);
  }
  const pairs = multi
    .filter((r) => r.policy === 'roam')
    .map((r) => ({
      roam: r,
      rivals: r.zones.flatMap((z) => byZoneTime.get(zoneTimeKey(z, r)) ?? []),
    }))
    .filter((p) => p.rivals.length > 0);
  if (pairs.length === 0) return null;
  const byZonePolicy = new Map<string, { zone: string; policy: SpotPolicyName; costs: number[] }>();
  for (const { rivals } of pairs)
    for (const r of rivals) {
      const key = `${r.zones[0] ?? ''}|${r.policy}`;
      const entry = byZonePolicy.get(key) ?? {
        zone: r.zones[0] ?? '',
        policy: r.policy,
        costs: [],
      };
      entry.costs.push(r.normalizedCost);
      byZonePolicy.set(key, entry);
    }
  let best = { zone: '', policy: 'optimal' as SpotPolicyName, mean: Number.POSITIVE_INFINITY };
  for (const entry of byZonePolicy.values()) {
    const m = mean(entry.costs);
    if (m < best.mean) best = { zone: entry.zone, policy: entry.policy, mean: m };
  }
  const cheapest = pairs.map((p) => Math.min(...p.rivals.map((r) => r.normalizedCost)));
  return {
    windows: pairs.length,
    roamMultiZone: mean(pairs.map((p) => p.roam.normalizedCost)),
    bestSingleZoneMean: best.mean,
    bestSingleZone: { zone: best.zone, policy: best.policy },
    cheapestSingleZonePerWindow: mean(cheapest),
    windowsBeatingAllPct:
      (100 * pairs.filter((p, i) => p.roam.normalizedCost <= (cheapest[i] ?? 0)).length) /
      pairs.length,
  };
}
