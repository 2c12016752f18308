import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Tiny flag parser for benchmark scripts: `--name value` and boolean `--flag`. */
export function flags(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), true);
  }
  return out;
}

/** A numeric flag with a default; exits with a message when it is not a positive integer. */
export function intFlag(f: Map<string, string | true>, name: string, fallback: number): number {
  const v = f.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive integer, got ${String(v)}`);
  return n;
}

/** The p-th percentile (0–100) of a sorted array, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The data folder: `--data DIR`, else `../shared/data` beside the repository. */
export function dataDir(f: Map<string, string | true>): string {
  const flag = f.get('data');
  return typeof flag === 'string'
    ? resolve(flag)
    : fileURLToPath(new URL('../../../shared/data', import.meta.url));
}
