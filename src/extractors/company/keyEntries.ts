/**
 * The entries of a phrase index (its keys, and the lower-cased prefixes of its keys) behind
 * filters that stay in the cache.
 */
import { CodePairFilter } from '../../text/codeSet.js';
import { StringFilter } from '../../text/stringFilter.js';

export interface KeyEntry<V> {
  /** the phrase's value when the string is a key as written */
  value: V | undefined;
  /** the string is a lower-cased proper prefix of some key */
  prefix: boolean;
}

/**
 * The entries of a phrase index, looked up as a Map, but through filters that stay in the
 * cache: after jieba has run, a lookup in the Map itself misses the cache several times,
 * and most strings looked up (a token; a token and the next) are no entry at all.
 */
export class KeyEntries<V> {
  /** the keys as written (entries with a value) */
  private readonly keys = new StringFilter();
  /** the lower-cased proper prefixes of keys */
  private readonly prefixes = new StringFilter();
  /** the first two characters of every entry */
  private readonly openingPairs = new CodePairFilter();

  constructor(private readonly map: ReadonlyMap<string, KeyEntry<V>>) {
    for (const [s, e] of map) {
      if (e.value !== undefined) this.keys.add(s);
      if (e.prefix) this.prefixes.add(s);
      if (s.length >= 2) this.openingPairs.add(s.charCodeAt(0), s.charCodeAt(1));
    }
  }

  /** the same as the Map's get() */
  get(s: string): KeyEntry<V> | undefined {
    return this.mayBeEntry(s) ? this.map.get(s) : undefined;
  }
  /** the value of a key as written (exact: the Map is consulted when the filters allow) */
  valueOf(s: string): V | undefined {
    return this.pairAllows(s) && this.keys.mayHave(s) ? this.map.get(s)?.value : undefined;
  }
  /** false when `s` is surely no prefix of a key; true for every prefix and a few others */
  mayBePrefix(s: string): boolean {
    return this.pairAllows(s) && this.prefixes.mayHave(s);
  }
  /** false when `s` is surely neither a key nor a prefix of one */
  mayBeEntry(s: string): boolean {
    return this.pairAllows(s) && (this.keys.mayHave(s) || this.prefixes.mayHave(s));
  }
  /*
   * The same questions for a key that a scan grows word by word and knows by its hash
   * (stringFilter's hashStep from HASH_START) and its first two code units: no string is
   * made for a key until the filters let it through.
   */
  /** false when no entry opens with the code units a, b */
  pairMayOpen(a: number, b: number): boolean {
    return this.openingPairs.mayHave(a, b);
  }
  /** false when the string hashed to `h` is surely no key (the opening pair is checked apart) */
  mayBeKeyHash(h: number): boolean {
    return this.keys.mayHaveHash(h);
  }
  /** false when the string hashed to `h` is surely no prefix of a key */
  mayBePrefixHash(h: number): boolean {
    return this.prefixes.mayHaveHash(h);
  }
  /** the value of a key as written, read off the Map (for a string the filters let through) */
  exactValue(s: string): V | undefined {
    return this.map.get(s)?.value;
  }
  // the first two characters first: one probe into a small filter turns most strings away
  private pairAllows(s: string): boolean {
    return s.length < 2 || this.openingPairs.mayHave(s.charCodeAt(0), s.charCodeAt(1));
  }
}
