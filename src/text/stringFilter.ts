/**
 * A Bloom filter over strings: `mayHave` is never false for an added string, and true for
 * about 4% of others at 16 000 strings (2^17 bits, 16 KB, two bit positions per string).
 * It stands in front of a large Map: after segmentation has run, a lookup in such a Map
 * misses the cache several times, while this filter's bits mostly stay cached.
 */
const BITS = 1 << 17;

export class StringFilter {
  private readonly bits = new Uint32Array(BITS >>> 5);

  add(s: string): void {
    const h = hashOf(s);
    this.set(h & (BITS - 1));
    this.set(secondPosition(h));
  }
  mayHave(s: string): boolean {
    const h = hashOf(s);
    return this.isSet(h & (BITS - 1)) && this.isSet(secondPosition(h));
  }
  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  private isSet(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** FNV-1a over the UTF-16 code units (no string is made, the key is short) */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** a second position from the same hash, mixed so that it does not follow the first */
const secondPosition = (h: number) => Math.imul(h, 0x9e3779b1) >>> (32 - 17);

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
