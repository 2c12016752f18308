/** An axis scale: its range and the tick values inside it, ascending. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** What a scale is computed from: the data extent and the ends the caller fixed. */
export interface ScaleInput {
  /** Smallest and largest finite data value; both undefined when there is no data. */
  readonly dataMin: number | undefined;
  readonly dataMax: number | undefined;
  /** Fixed ends, used as given instead of a rounded data end. */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** Whether an automatic range reaches down (or up) to zero. */
  readonly includeZero?: boolean;
}

/** How many intervals between ticks an axis aims for. */
const TARGET_INTERVALS = 5;

/**
 * The "nice" number (1, 2 or 5 × 10^n) closest to `raw`, the classic Heckbert rounding:
 * 26 → 20, 0.194 → 0.2, 0.7 → 0.5, 7.5 → 10.
 */
export function niceStep(raw: number): number {
  const exponent = Math.floor(Math.log10(raw));
  const power = 10 ** exponent;
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** `value` rounded to the decimals `step` is written with, removing binary noise and -0. */
function snap(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 20))) + 0;
}

/** Room around a lone value when there is no range to scale: 10 % of it, or 1 around 0. */
function pad(value: number): number {
  return value === 0 ? 1 : Math.abs(value) * 0.1;
}

/** The range to scale before rounding: data extent (and zero) within the fixed ends, never empty. */
function rawRange(input: ScaleInput): [number, number] {
  const { min, max } = input;
  if (min !== undefined && max !== undefined) {
    if (min < max) return [min, max];
    throw new RangeError(`an axis' fixed min (${min}) must be below its max (${max})`);
  }
  const zero = input.includeZero === true ? 0 : undefined;
  const known = [input.dataMin, input.dataMax, zero].filter((v) => v !== undefined);
  const low = known.length > 0 ? Math.min(...known) : undefined;
  const high = known.length > 0 ? Math.max(...known) : undefined;
  if (min !== undefined) return [min, high !== undefined && high > min ? high : min + pad(min)];
  if (max !== undefined) return [low !== undefined && low < max ? low : max - pad(max), max];
  if (low === undefined || high === undefined) return [0, 1];
  if (high > low) return [low, high];
  return low === 0 ? [0, 1] : [low - pad(low), high + pad(high)];
}

/**
 * A scale whose automatic ends are rounded out to a multiple of a nice tick step and whose
 * fixed ends are kept; ticks are the multiples of the step inside the range. Data 0–130
 * gives 0, 20, …, 140; data 0–0.97 gives 0, 0.2, …, 1. No data gives 0–1.
 *
 * @throws RangeError when both ends are fixed and `min` is not below `max`.
 */
export function niceScale(input: ScaleInput): Scale {
  const [low, high] = rawRange(input);
  const step = niceStep((high - low) / TARGET_INTERVALS);
  const min = input.min ?? snap(Math.floor(low / step) * step, step);
  const max = input.max ?? snap(Math.ceil(high / step) * step, step);
  const ticks: number[] = [];
  const epsilon = step * 1e-9;
  for (let k = Math.ceil((min - epsilon) / step); k * step <= max + epsilon; k++) {
    ticks.push(snap(k * step, step));
  }
  return { min, max, ticks };
}
