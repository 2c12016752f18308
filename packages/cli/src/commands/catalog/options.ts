import { CatalogFileError } from '@roam/adapters';
import { CLOUDS, type Cloud } from '@roam/core';
import { UsageError } from '../../io.js';

/** The items of a comma-separated option, trimmed, empty ones dropped; undefined stays so. */
export function commaList(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A whole number of at least `min`, or undefined when the option is absent. */
export function integerOption(
  name: string,
  text: string | undefined,
  min: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min) return n;
  const what = min === 0 ? 'a whole number' : `a whole number of at least ${min}`;
  throw new UsageError(`--${name} must be ${what}, got ${JSON.stringify(text)}`);
}

/** The clouds of `--cloud aws,gcp`; undefined when the option is absent. */
export function cloudsOption(text: string | undefined): Cloud[] | undefined {
  return commaList(text)?.map((c) => {
    const cloud = CLOUDS.find((known) => known === c.toLowerCase());
    if (cloud === undefined)
      throw new UsageError(`--cloud must be one of ${CLOUDS.join(', ')}, got ${JSON.stringify(c)}`);
    return cloud;
  });
}

/** Runs `read`; a broken catalog file becomes an input error (exit 1) listing its problems. */
export async function readingCatalog<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof CatalogFileError) throw new UsageError(e.message, 1);
    throw e;
  }
}
