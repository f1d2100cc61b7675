/**
 * A dictionary of words looked up by the longest match starting or ending at a
 * position. Words are bucketed by their first and last character, so a lookup only
 * tries the lengths that exist for that character (most positions try none).
 */
import { CodeSet } from './codeSet.js';
import { HASH_START, hashStep } from './stringFilter.js';

// bits of the filter over the words' hashes: 1 KB, under 2% false positives at 500 words
const HASH_BITS = 1 << 13;

export class WordTable<V> {
  private readonly words = new Map<string, V>();
  /** first code unit -> word lengths, longest first (number keys: no string per lookup) */
  private readonly byFirst = new Map<number, number[]>();
  /** last code unit -> word lengths, longest first */
  private readonly byLast = new Map<number, number[]>();
  // the keys of byFirst and byLast as bitsets: callers probe every position of an
  // article, and a bit test turns most of them away more cheaply than a Map lookup
  private readonly firsts = new CodeSet();
  private readonly lasts = new CodeSet();
  // A small Bloom filter over the words (two bits each): a candidate string that is no word
  // is turned away on its hash, without slicing the text and hashing the slice into the Map
  // (most candidates are none, and the Map is out of the cache after segmentation)
  private readonly hashes = new Uint32Array(HASH_BITS >>> 5);

  set(word: string, value: V): void {
    // an empty word would match at every position, and the bitsets could not hold it
    if (word === '') throw new Error('WordTable: empty word');
    this.words.set(word, value);
    addLength(this.byFirst, word.charCodeAt(0), word.length);
    addLength(this.byLast, word.charCodeAt(word.length - 1), word.length);
    this.firsts.add(word.charCodeAt(0));
    this.lasts.add(word.charCodeAt(word.length - 1));
    const r = remix(hashRange(word, 0, word.length));
    this.hashes[(r & (HASH_BITS - 1)) >>> 5]! |= 1 << (r & 31);
    this.hashes[((r >>> 16) & (HASH_BITS - 1)) >>> 5]! |= 1 << ((r >>> 16) & 31);
  }
  has(word: string): boolean {
    return this.words.has(word);
  }
  /** longest word starting at i */
  startingAt(text: string, i: number): { word: string; value: V } | undefined {
    const first = text.charCodeAt(i);
    if (!this.firsts.has(first)) return undefined;
    const lengths = this.byFirst.get(first);
    if (!lengths) return undefined;
    for (const len of lengths) {
      if (i + len > text.length || !this.mayHold(text, i, i + len)) continue;
      const word = text.slice(i, i + len);
      const value = this.words.get(word);
      if (value !== undefined) return { word, value };
    }
    return undefined;
  }
  /** longest word ending at end (exclusive) */
  endingAt(text: string, end: number): { word: string; value: V } | undefined {
    const last = text.charCodeAt(end - 1);
    if (!this.lasts.has(last)) return undefined;
    const lengths = this.byLast.get(last);
    if (!lengths) return undefined;
    for (const len of lengths) {
      if (len > end || !this.mayHold(text, end - len, end)) continue;
      const word = text.slice(end - len, end);
      const value = this.words.get(word);
      if (value !== undefined) return { word, value };
    }
    return undefined;
  }
  /** false when text[from, to) is surely no word (the filter over the words' hashes) */
  private mayHold(text: string, from: number, to: number): boolean {
    const r = remix(hashRange(text, from, to));
    return (this.hashes[(r & (HASH_BITS - 1)) >>> 5]! & (1 << (r & 31))) !== 0 && (this.hashes[((r >>> 16) & (HASH_BITS - 1)) >>> 5]! & (1 << ((r >>> 16) & 31))) !== 0;
  }
}

/** FNV-1a of text[from, to) (no slice is made) */
function hashRange(text: string, from: number, to: number): number {
  let h = HASH_START;
  for (let i = from; i < to; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

// FNV-1a's low bits spread short Han strings poorly: one multiply mixes them
const remix = (h: number) => Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> 0;

function addLength(index: Map<number, number[]>, ch: number, length: number): void {
  const lengths = index.get(ch) ?? [];
  if (!lengths.includes(length)) {
    lengths.push(length);
    lengths.sort((a, b) => b - a);
  }
  index.set(ch, lengths);
}
