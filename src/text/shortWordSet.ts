/**
 * A set of short words as an open-addressing hash table in one typed array: whether
 * text[from, to) is a member is read off the text's code units, with no string sliced and
 * no Map touched. Hot loops ask it at positions where the answer is often yes (a surname
 * character opening an ordinary word: 高管, 周末), so a filter in front would not help; a
 * probe reads one or two cache lines of a table of a few KB, where a Set lookup of a
 * fresh slice hashes the slice and then reads the Set's buckets, entries and key string.
 */
import { hashRange, remix } from './stringFilter.js';

export class ShortWordSet {
  /** slots of `stride` code units: the word's length, then its units (length 0: an empty slot) */
  private readonly slots: Uint16Array;
  private readonly stride: number;
  private readonly mask: number;
  /** the hash's top bits pick the home slot */
  private readonly shift: number;
  readonly size: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)];
    const longest = unique.reduce((n, w) => Math.max(n, w.length), 0);
    this.stride = longest + 1;
    // at most half full: probes stay short
    let capacity = 16;
    while (capacity < unique.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.slots = new Uint16Array(capacity * this.stride);
    this.size = unique.length;
    for (const w of unique) {
      // an empty word would look like an empty slot
      if (w === '') throw new Error('ShortWordSet: empty word');
      let slot = this.home(w, 0, w.length);
      while (this.slots[slot * this.stride] !== 0) slot = (slot + 1) & this.mask;
      const at = slot * this.stride;
      this.slots[at] = w.length;
      for (let k = 0; k < w.length; k++) this.slots[at + 1 + k] = w.charCodeAt(k);
    }
  }

  has(word: string): boolean {
    return this.hasRange(word, 0, word.length);
  }

  /** Is text[from, to) a member? */
  hasRange(text: string, from: number, to: number): boolean {
    const length = to - from;
    if (length <= 0 || length >= this.stride) return false;
    const { slots, stride } = this;
    for (let slot = this.home(text, from, to); ; slot = (slot + 1) & this.mask) {
      const at = slot * stride;
      const stored = slots[at]!;
      if (stored === 0) return false;
      if (stored !== length) continue;
      let k = 0;
      while (k < length && slots[at + 1 + k] === text.charCodeAt(from + k)) k++;
      if (k === length) return true;
    }
  }

  private home(text: string, from: number, to: number): number {
    return remix(hashRange(text, from, to)) >>> this.shift;
  }
}
