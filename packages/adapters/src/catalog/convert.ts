import type { Skip } from './offering-format.js';
import type { Row } from './table.js';

/** Why rows with no GPU are left out (CPU reference rows some catalogs carry). */
export const SKIP_NO_GPU = 'no GPU';
/**
 * Why rows with a fraction of a GPU (AWS g6f/gr6f, GCP g4-standard-6/12/24) are left out:
 * an offering counts whole GPUs; a slice is a virtual GPU the scheduler cannot split further.
 */
export const SKIP_FRACTIONAL_GPU = 'a fraction of a GPU';
/** Why rows without an on-demand price are left out: Roam prices every offering. */
export const SKIP_NO_PRICE = 'no on-demand price';

/** GiB (possibly fractional) in whole MiB. */
export function gibToMiB(gib: number): number {
  return Math.round(gib * 1024);
}

/** vCPUs (possibly fractional) in milli-CPU. */
export function cpusToMilli(cpus: number): number {
  return Math.round(cpus * 1000);
}

/** A row's GPU count: a whole number above 0, or the reason to leave the row out. */
export function wholeGpus<C extends string>(row: Row<C>, column: C): number | Skip {
  const count = row.decimal(column);
  if (count === 0) return { skip: SKIP_NO_GPU };
  return Number.isInteger(count) ? count : { skip: SKIP_FRACTIONAL_GPU };
}
