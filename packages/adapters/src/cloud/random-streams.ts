import { SeededRng, type Rng } from '@roam/core';

/**
 * The random stream `name` of a model seeded with `seed`: a generator seeded from a
 * 32-bit FNV-1a hash of both. Every name gets its own stream, so what one place draws
 * never depends on which other places were asked about, or in what order.
 */
export function streamRng(seed: number, name: string): SeededRng {
  const text = `${seed >>> 0}/${name}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return new SeededRng(hash);
}

/** An exponentially distributed draw with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** A standard normal draw (Box–Muller). */
export function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}
