import { UsageError } from '../../io.js';

/** Parses `42-51`, `42,43,50` or `42` into seeds. */
export function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const range = /^(\d+)-(\d+)$/.exec(part.trim());
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 10_000) throw new UsageError(`--seeds: bad range ${part}`);
      for (let s = from; s <= to; s++) seeds.push(s);
    } else if (/^\d+$/.test(part.trim())) seeds.push(Number(part));
    else
      throw new UsageError(
        `--seeds must be a list like 42-51 or 1,2,3, got ${JSON.stringify(text)}`,
      );
  }
  return seeds;
}

/** A positive number option. */
export function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive number, got ${JSON.stringify(text)}`);
  return n;
}

/** A number option at or above 0. */
export function nonNegative(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} must be a number at or above 0, got ${JSON.stringify(text)}`);
  return n;
}

/** A required string option. */
export function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
