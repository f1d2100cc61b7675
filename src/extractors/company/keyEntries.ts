/**
 * The entries of a phrase index (its keys, and the lower-cased prefixes of its keys) behind
 * a filter that answers both questions with one cache line.
 */
import { hashOf, remix } from '../../text/stringFilter.js';

export interface KeyEntry<V> {
  /** the phrase's value when the string is a key as written */
  value: V | undefined;
  /** the string is a lower-cased proper prefix of some key */
  prefix: boolean;
}

// roles of a string in the filter (a bit mask, as mayBe() answers)
/** the string may be a key as written */
export const KEY = 1;
/** the string may be a lower-cased proper prefix of a key */
export const PREFIX = 2;

// 2^17 bits (16 KB) in blocks of one cache line: under 2% false positives at 8 000 strings
const BITS = 1 << 17;
const BLOCK_BITS = 512;

/**
 * The entries of a phrase index as a filter that stays in the cache: after jieba has run, a
 * lookup in a Map misses the cache several times, and most strings looked up (a token; a
 * token and the next) are no entry at all (a key the filter lets through is then read off
 * the index's phrases). The
 * filter is a blocked Bloom filter holding each string's roles (key, prefix) in one 64-byte
 * block: a phrase scan asks "key? prefix?" at every step, and one block read answers both.
 */
export class KeyEntries<V> {
  private readonly bits = new Uint32Array(BITS >>> 5);

  constructor(map: ReadonlyMap<string, KeyEntry<V>>) {
    for (const [s, e] of map) {
      const h = hashOf(s);
      if (e.value !== undefined) this.set(h, KEY);
      if (e.prefix) this.set(h, PREFIX);
    }
  }

  /**
   * The roles (KEY | PREFIX) the string hashed to `h` may have (stringFilter's hashStep from
   * HASH_START over its code units): 0 when it is surely no entry. A scan that grows a key
   * word by word asks this with no string made for the key.
   */
  mayBe(h: number): number {
    const block = blockOf(h);
    const bits = bitsOf(h);
    let roles = 0;
    if (this.isSet(block + (bits & 127)) && this.isSet(block + 128 + ((bits >>> 7) & 127))) roles |= KEY;
    if (this.isSet(block + 256 + ((bits >>> 14) & 127)) && this.isSet(block + 384 + ((bits >>> 21) & 127))) roles |= PREFIX;
    return roles;
  }

  private set(h: number, role: number): void {
    const block = blockOf(h);
    const bits = bitsOf(h);
    // a key's two bits in the block's first and second quarters, a prefix's in the third and fourth
    const [a, b] = role === KEY ? [block + (bits & 127), block + 128 + ((bits >>> 7) & 127)] : [block + 256 + ((bits >>> 14) & 127), block + 384 + ((bits >>> 21) & 127)];
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }
  private isSet(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

// two remixes of the hash (FNV-1a's own low bits spread short Han strings poorly): the top
// 8 bits of one pick the block, 28 bits of the other the four bits within it
const blockOf = (h: number) => (remix(h) >>> 24) * BLOCK_BITS;
const bitsOf = (h: number) => Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
