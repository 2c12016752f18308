/**
 * A growable set of small non-negative integers (node slots) with ordered iteration.
 * Iterating in slot order makes every tie-break in the scheduler independent of the
 * order in which nodes were added or removed.
 */
export class BitSet {
  private words: Uint32Array;
  private count = 0;

  constructor(capacity = 64) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  }

  get size(): number {
    return this.count;
  }

  has(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && ((this.words[w] as number) & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) this.grow(w + 1);
    const bit = 1 << (i & 31);
    const word = this.words[w] as number;
    if ((word & bit) === 0) {
      this.words[w] = word | bit;
      this.count++;
    }
  }

  delete(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) return;
    const bit = 1 << (i & 31);
    const word = this.words[w] as number;
    if ((word & bit) !== 0) {
      this.words[w] = word & ~bit;
      this.count--;
    }
  }

  /** The smallest member ≥ `from`, or -1. */
  next(from: number): number {
    let w = from >>> 5;
    if (w >= this.words.length) return -1;
    let word = (this.words[w] as number) & (0xffffffff << (from & 31));
    for (;;) {
      if (word !== 0) return (w << 5) + ctz32(word);
      w++;
      if (w >= this.words.length) return -1;
      word = this.words[w] as number;
    }
  }

  /** Members in increasing order. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = this.next(0); i >= 0; i = this.next(i + 1)) yield i;
  }

  private grow(minWords: number): void {
    const bigger = new Uint32Array(Math.max(minWords, this.words.length * 2));
    bigger.set(this.words);
    this.words = bigger;
  }
}

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}
