/**
 * A Bloom filter over strings: `mayHave` is never false for an added string, and true for
 * about 5% of others at 16 000 strings in the default size (2^17 bits, 16 KB, two bits per
 * string). It stands in front of a large Map: after segmentation has run, a lookup in such
 * a Map misses the cache several times. Both bits of a string lie in one 64-byte block (a
 * "blocked" Bloom filter), so a lookup reads about one cache line.
 */
const BLOCK_BITS = 512;

export class StringFilter {
  private readonly bits: Uint32Array;
  /** the remixed hash's top bits pick the block: as many as there are blocks (2^(log2Bits - 9)) */
  private readonly blockShift: number;

  /** 2^log2Bits bits: 17 (16 KB) for tens of thousands of strings, 13 (1 KB) for a few hundred */
  constructor(log2Bits = 17) {
    if (!(Number.isInteger(log2Bits) && log2Bits >= 10 && log2Bits <= 26)) throw new RangeError(`StringFilter: 2^${log2Bits} bits is not a supported size`);
    this.bits = new Uint32Array((1 << log2Bits) >>> 5);
    this.blockShift = 32 - (log2Bits - 9);
  }

  add(s: string): void {
    const r = remix(hashOf(s));
    const block = this.blockStart(r);
    this.set(block + firstBit(r));
    this.set(block + secondBit(r));
  }
  mayHave(s: string): boolean {
    return this.mayHaveHash(hashOf(s));
  }
  /** mayHave() of the string whose hash (hashStep over its code units from HASH_START) is `h` */
  mayHaveHash(h: number): boolean {
    const r = remix(h);
    const block = this.blockStart(r);
    return this.isSet(block + firstBit(r)) && this.isSet(block + secondBit(r));
  }
  private blockStart(r: number): number {
    return (r >>> this.blockShift) * BLOCK_BITS;
  }
  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  private isSet(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/**
 * FNV-1a, one code unit at a time: a caller that grows a key word by word (a phrase scan)
 * hashes each unit once and asks mayHaveHash(), with no string made for the key.
 */
export const HASH_START = 0x811c9dc5;
export const hashStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/** FNV-1a over the UTF-16 code units of text[from, to), with no slice made */
export function hashRange(text: string, from: number, to: number): number {
  let h = HASH_START;
  for (let i = from; i < to; i++) h = hashStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units (no string is made, the key is short) */
export const hashOf = (s: string): number => hashRange(s, 0, s.length);

/**
 * FNV-1a's own low bits spread short Han strings poorly: one multiply mixes them into the
 * top bits, which the tables built on these hashes read.
 */
export const remix = (h: number): number => Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> 0;
// one remix gives the block (its top bits: 8 in the default size) and the two bits within
// it (9 bits each, below the block's) (these take the remixed hash: computed once per lookup)
const firstBit = (r: number) => (r >>> 15) & (BLOCK_BITS - 1);
const secondBit = (r: number) => (r >>> 6) & (BLOCK_BITS - 1);

/** A Map read through a StringFilter: get() answers as the Map's, and reads it only when the filter allows. */
export class FilteredMap<V> {
  private readonly filter = new StringFilter();

  constructor(private readonly map: ReadonlyMap<string, V>) {
    for (const key of map.keys()) this.filter.add(key);
  }
  get(s: string): V | undefined {
    return this.filter.mayHave(s) ? this.map.get(s) : undefined;
  }
}

/** A Set read through a StringFilter: has() answers as the Set's, and reads it only when the filter allows. */
export class FilteredSet {
  private readonly filter = new StringFilter();
  private readonly set: ReadonlySet<string>;

  constructor(items: Iterable<string>) {
    this.set = new Set(items);
    for (const item of this.set) this.filter.add(item);
  }
  has(s: string): boolean {
    return this.filter.mayHave(s) && this.set.has(s);
  }
  get size(): number {
    return this.set.size;
  }
  [Symbol.iterator](): IterableIterator<string> {
    return this.set[Symbol.iterator]();
  }
}
