import { MS_PER_HOUR } from '../units.js';

/**
 * How long spot capacity stays available once it appears: a Lomax (Pareto type II)
 * lifetime, the survival of a stretch of availability whose reclaim rate is exponential
 * but differs from stretch to stretch (Gamma-distributed): some capacity is fleeting,
 * some lasts days. Survival S(a) = (1 + a/scale)^−shape; the hazard, shape / (scale + a),
 * falls as the stretch ages. On the public GPU spot traces (Can't Be Late, 27 series,
 * 4,003 stretches) the pooled fit gives the chance of lasting one more hour as 0.38 for
 * fresh capacity, 0.51 after 30 min, 0.60 after 1 h, 0.80 after 4 h and 0.92 after 12 h;
 * the traces show 0.35, 0.52, 0.64, 0.82 and 0.91. An exponential with the traces' mean
 * stretch (2.7 h) says 0.69 at every age.
 */
export interface Lifetime {
  /** k: below about 2 the tail is heavy; large values approach an exponential. */
  readonly shape: number;
  /** σ, ms. */
  readonly scaleMs: number;
}

/**
 * The pooled fit over the 27 GPU series of the Can't Be Late traces
 * (`cant-be-late-spot-traces`: p3.2xlarge, p3.16xlarge, p2.xlarge, p2.8xlarge in 9 AWS
 * zones; a tick counts as available when one instance could be had; stretches cut by a
 * series' start or end count as censored): k = 1.143, σ = 0.762 h.
 */
export const TRACE_LIFETIME: Lifetime = { shape: 1.143, scaleMs: 0.762 * MS_PER_HOUR };

/** One observed stretch of availability: its length, and whether it ended (or is cut off). */
export interface Stretch {
  readonly lengthMs: number;
  readonly ended: boolean;
  /** Its weight in the fit (1 for an observation; less for a prior's pseudo-stretch). */
  readonly weight: number;
}

/** The chance that capacity that has lasted `ageMs` lasts another `horizonMs`. */
export function survival(life: Lifetime, ageMs: number, horizonMs: number): number {
  const from = life.scaleMs + Math.max(0, ageMs);
  return Math.pow(from / (from + Math.max(0, horizonMs)), life.shape);
}

/**
 * `count` pseudo-stretches of total weight `weight` at evenly spaced quantiles of `life`:
 * a prior that a fit can be pulled towards.
 */
export function pseudoStretches(life: Lifetime, count: number, weight: number): Stretch[] {
  return Array.from({ length: count }, (_, i) => {
    const p = (i + 0.5) / count;
    const lengthMs = life.scaleMs * (Math.pow(1 - p, -1 / life.shape) - 1);
    return { lengthMs, ended: true, weight: weight / count };
  });
}

/** Bounds of the scale searched, ms: 1 s to about 11 years. */
const MIN_LOG_SCALE = Math.log(1_000);
const MAX_LOG_SCALE = Math.log(1e5 * MS_PER_HOUR);
const SEARCH_STEPS = 48;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The maximum-likelihood Lomax lifetime of `stretches`, those still going counted as
 * censored. For a given scale the best shape is closed-form (ended weight over
 * Σ weight · ln(1 + length/scale)), so only the scale is searched (golden section on its
 * logarithm). O(stretches · 50). Without an ended stretch there is nothing to fit:
 * returns `fallback`.
 */
export function fitLifetime(stretches: readonly Stretch[], fallback: Lifetime): Lifetime {
  const ended = stretches.reduce((sum, s) => sum + (s.ended ? s.weight : 0), 0);
  if (!(ended > 0)) return fallback;
  /**
   * Profile log-likelihood, constants dropped: −D ln(σ · L(σ)) − Σ_ended w ln(1 + t/σ),
   * where D is the ended weight and L(σ) = Σ_all w ln(1 + t/σ).
   */
  const profile = (logScale: number): number => {
    const scale = Math.exp(logScale);
    let all = 0;
    let endedLogs = 0;
    for (const s of stretches) {
      const l = s.weight * Math.log1p(s.lengthMs / scale);
      all += l;
      if (s.ended) endedLogs += l;
    }
    return -ended * Math.log(scale * all) - endedLogs;
  };
  // Golden section: each step keeps one of its two points for the next.
  let lo = MIN_LOG_SCALE;
  let hi = MAX_LOG_SCALE;
  let a = hi - GOLDEN * (hi - lo);
  let b = lo + GOLDEN * (hi - lo);
  let fa = profile(a);
  let fb = profile(b);
  for (let i = 0; i < SEARCH_STEPS; i++) {
    if (fa < fb) {
      [lo, a, fa] = [a, b, fb];
      b = lo + GOLDEN * (hi - lo);
      fb = profile(b);
    } else {
      [hi, b, fb] = [b, a, fa];
      a = hi - GOLDEN * (hi - lo);
      fa = profile(a);
    }
  }
  const scaleMs = Math.exp((lo + hi) / 2);
  const logs = stretches.reduce((sum, s) => sum + s.weight * Math.log1p(s.lengthMs / scaleMs), 0);
  return logs > 0 ? { shape: ended / logs, scaleMs } : fallback;
}
