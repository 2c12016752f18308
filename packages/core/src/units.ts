/**
 * Integer units used everywhere in Roam: milli-GPU (1000 = one GPU), milli-CPU, MiB,
 * milliseconds and micro-dollars. These helpers turn user-facing quantities into them.
 */

/** One whole GPU in milli-GPU. */
export const MILLI_PER_GPU = 1000;
/** Micro-dollars per dollar. */
export const MICROS_PER_DOLLAR = 1_000_000;
/** Milliseconds per minute, hour and day. */
export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

/** A parse result: a value, or the reason the input was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const BINARY_SUFFIX_MIB: Record<string, number> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  Pi: 1024 * 1024 * 1024,
};
const DECIMAL_SUFFIX_BYTES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
};
const BYTES_PER_MIB = 1024 * 1024;

/**
 * Parses a Kubernetes-style memory quantity (`64Gi`, `512Mi`, `1.5Ti`, `8G`, or a plain
 * number of bytes) into whole MiB, rounding up.
 */
export function parseMemoryMiB(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return fail(`must be a non-negative quantity, got ${value}`);
    return ok(Math.ceil(value / BYTES_PER_MIB));
  }
  if (typeof value !== 'string')
    return fail(`must be a memory quantity such as 64Gi or 512Mi, got ${describe(value)}`);
  const match = /^([0-9]+(?:\.[0-9]+)?)([KMGTP]i|[kKMGTP])?$/.exec(value.trim());
  if (!match)
    return fail(`must be a memory quantity such as 64Gi or 512Mi, got ${JSON.stringify(value)}`);
  const amount = Number(match[1]);
  const suffix = match[2];
  if (suffix === undefined) return ok(Math.ceil(amount / BYTES_PER_MIB));
  const binary = BINARY_SUFFIX_MIB[suffix];
  if (binary !== undefined) return ok(Math.ceil(roundTiny(amount * binary)));
  const decimal = DECIMAL_SUFFIX_BYTES[suffix] ?? 1;
  return ok(Math.ceil(roundTiny((amount * decimal) / BYTES_PER_MIB)));
}

/** Parses a CPU quantity (`8`, `0.5`, `"500m"`) into milli-CPU. */
export function parseCpuMilli(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return fail(`must be a non-negative number of cores, got ${value}`);
    const milli = roundTiny(value * 1000);
    if (!Number.isInteger(milli)) return fail(`has a precision of 0.001 cores (1m), got ${value}`);
    return ok(milli);
  }
  if (typeof value !== 'string')
    return fail(`must be a number of cores or a quantity such as 500m, got ${describe(value)}`);
  const milliMatch = /^([0-9]+)m$/.exec(value.trim());
  if (milliMatch) return ok(Number(milliMatch[1]));
  const cores = /^[0-9]+(?:\.[0-9]+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isNaN(cores))
    return fail(
      `must be a number of cores or a quantity such as 500m, got ${JSON.stringify(value)}`,
    );
  return parseCpuMilli(cores);
}

/**
 * Parses a GPU request: a whole number of GPUs, or a fraction of one GPU below 1 (at most
 * three decimals). Returns milli-GPU: 0.5 → 500, 2 → 2000.
 */
export function parseGpuMilli(value: unknown): Parsed<number> {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail(
      `a GPU request is a whole number of GPUs or a fraction below 1, got ${describe(value)}`,
    );
  if (value < 0) return fail(`a GPU request cannot be negative, got ${value}`);
  if (value >= 1 && !Number.isInteger(value))
    return fail(`a GPU request is a whole number of GPUs or a fraction below 1, got ${value}`);
  const milli = roundTiny(value * MILLI_PER_GPU);
  if (!Number.isInteger(milli))
    return fail(`a GPU fraction has a precision of 0.001 GPU, got ${value}`);
  return ok(milli);
}

/** Parses an amount of GPUs for quotas, which may be any multiple of 0.001 GPU. */
export function parseGpuAmountMilli(value: unknown): Parsed<number> {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail(`must be a number of GPUs, got ${describe(value)}`);
  if (value < 0) return fail(`must not be negative, got ${value}`);
  const milli = roundTiny(value * MILLI_PER_GPU);
  if (!Number.isInteger(milli)) return fail(`has a precision of 0.001 GPU, got ${value}`);
  return ok(milli);
}

/** Parses dollars (per hour) into integer micro-dollars. */
export function parseDollarsMicros(value: unknown): Parsed<number> {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail(`must be an amount in dollars, got ${describe(value)}`);
  if (value < 0) return fail(`must not be negative, got ${value}`);
  return ok(Math.round(value * MICROS_PER_DOLLAR));
}

const DURATION_UNIT_MS: Record<string, number> = {
  ms: 1,
  s: MS_PER_SECOND,
  m: MS_PER_MINUTE,
  h: MS_PER_HOUR,
  d: 24 * MS_PER_HOUR,
};

/** Parses a duration such as `90s`, `30m`, `2h30m` or `1d` into milliseconds. */
export function parseDurationMs(value: unknown): Parsed<number> {
  if (typeof value !== 'string')
    return fail(`must be a duration such as 30m, 2h or 1d12h, got ${describe(value)}`);
  const text = value.trim();
  const part = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = part.exec(text); m; m = part.exec(text)) {
    total += Number(m[1]) * (DURATION_UNIT_MS[m[2] as string] ?? 0);
    consumed = part.lastIndex;
  }
  if (text.length === 0 || consumed !== text.length)
    return fail(`must be a duration such as 30m, 2h or 1d12h, got ${JSON.stringify(value)}`);
  return ok(Math.round(total));
}

/** Formats milli-GPU for people: 500 → "0.5", 2000 → "2". */
export function formatGpus(milli: number): string {
  return String(roundTiny(milli / MILLI_PER_GPU));
}

/** Formats MiB as the largest exact binary unit: 65536 → "64Gi". */
export function formatMemory(mib: number): string {
  if (mib > 0 && mib % (1024 * 1024) === 0) return `${mib / (1024 * 1024)}Ti`;
  if (mib > 0 && mib % 1024 === 0) return `${mib / 1024}Gi`;
  return `${mib}Mi`;
}

/** Formats milli-CPU: 8000 → "8", 500 → "500m". */
export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats micro-dollars as dollars with up to four decimals: 3_000_000 → "$3.00". */
export function formatDollars(micros: number): string {
  const dollars = micros / MICROS_PER_DOLLAR;
  return `$${dollars.toFixed(Math.abs(dollars) < 1 && dollars !== 0 ? 4 : 2)}`;
}

/** Removes floating-point dust (1.0000000000000002 → 1) while keeping real fractions. */
function roundTiny(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** A short description of an unexpected value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
