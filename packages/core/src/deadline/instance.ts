/**
 * What a deadline job holds during a tick: nothing, a spot instance in one of the zones it
 * may use (zones are numbered from 0), or an on-demand instance. A policy's action is the
 * instance to hold during the next tick.
 */
export type JobInstance =
  | { readonly kind: 'none' }
  | { readonly kind: 'spot'; readonly zone: number }
  | { readonly kind: 'on-demand' };

/** Holding nothing: no progress, no cost. */
export const NO_INSTANCE: JobInstance = Object.freeze({ kind: 'none' });

/** An on-demand instance: always available, at the on-demand price. */
export const ON_DEMAND: JobInstance = Object.freeze({ kind: 'on-demand' });

const spotByZone: JobInstance[] = [];

/** A spot instance in `zone` (one shared frozen object per zone). */
export function spotIn(zone: number): JobInstance {
  let instance = spotByZone[zone];
  if (instance === undefined) {
    instance = Object.freeze({ kind: 'spot', zone });
    spotByZone[zone] = instance;
  }
  return instance;
}

/** Whether `a` and `b` are the same instance: holding `b` after `a` needs no launch. */
export function sameInstance(a: JobInstance, b: JobInstance): boolean {
  if (a.kind === 'spot' && b.kind === 'spot') return a.zone === b.zone;
  return a.kind === b.kind;
}
