/**
 * A dictionary of words looked up by the longest match starting or ending at a
 * position. Bitsets of the words' first and last characters turn most positions away on
 * one bit test; at the others each length the table has is tried, longest first, on a
 * small filter over the words' hashes before any slice of the text is made.
 */
import { CodeSet } from './codeSet.js';
import { HASH_START, StringFilter, hashRange, hashStep } from './stringFilter.js';

export class WordTable<V> {
  private readonly words = new Map<string, V>();
  /** the lengths of the words, longest first */
  private readonly lengths: number[] = [];
  // callers probe every position of an article, and a bit test turns most of them away
  private readonly firsts = new CodeSet();
  private readonly lasts = new CodeSet();
  // A small Bloom filter over the words (two bits each): a candidate string that is no word
  // is turned away on its hash, without slicing the text and hashing the slice into the Map
  // (most candidates are none, and the Map is out of the cache after segmentation). It also
  // makes a table of lengths per character needless: a length no word starting (ending) with
  // that character has is turned away by the filter like any other candidate. 1 KB: under
  // 1% false positives at 500 words.
  private readonly filter = new StringFilter(13);
  /** the hashes of text[i, i + n) for n = 1..longest, reused by every startingAt() */
  private prefixHashes = new Int32Array(1);

  set(word: string, value: V): void {
    // an empty word would match at every position, and the bitsets could not hold it
    if (word === '') throw new Error('WordTable: empty word');
    this.words.set(word, value);
    if (!this.lengths.includes(word.length)) {
      this.lengths.push(word.length);
      this.lengths.sort((a, b) => b - a);
      this.prefixHashes = new Int32Array(this.lengths[0]! + 1);
    }
    this.firsts.add(word.charCodeAt(0));
    this.lasts.add(word.charCodeAt(word.length - 1));
    this.filter.add(word);
  }
  has(word: string): boolean {
    return this.words.has(word);
  }
  /** longest word starting at i */
  startingAt(text: string, i: number): { word: string; value: V } | undefined {
    if (!this.firsts.has(text.charCodeAt(i))) return undefined;
    // the hash of every candidate in one pass over the longest one
    const longest = Math.min(this.lengths[0]!, text.length - i);
    const hashes = this.prefixHashes;
    for (let n = 0, h = HASH_START; n < longest; n++) hashes[n + 1] = h = hashStep(h, text.charCodeAt(i + n));
    for (const len of this.lengths) {
      if (len > longest || !this.mayHold(hashes[len]!)) continue;
      const word = text.slice(i, i + len);
      const value = this.words.get(word);
      if (value !== undefined) return { word, value };
    }
    return undefined;
  }
  /** longest word ending at end (exclusive) */
  endingAt(text: string, end: number): { word: string; value: V } | undefined {
    if (!this.lasts.has(text.charCodeAt(end - 1))) return undefined;
    for (const len of this.lengths) {
      if (len > end || !this.mayHold(hashRange(text, end - len, end))) continue;
      const word = text.slice(end - len, end);
      const value = this.words.get(word);
      if (value !== undefined) return { word, value };
    }
    return undefined;
  }
  /** false when the string hashed to h is surely no word (the filter over the words' hashes) */
  private mayHold(h: number): boolean {
    return this.filter.mayHaveHash(h);
  }
}

