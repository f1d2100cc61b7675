/**
 * A dictionary of words looked up by the longest match starting or ending at a
 * position. Words are bucketed by their first and last character, so a lookup only
 * tries the lengths that exist for that character (most positions try none).
 */
import { CodeSet } from './codeSet.js';

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

  set(word: string, value: V): void {
    // an empty word would match at every position, and the bitsets could not hold it
    if (word === '') throw new Error('WordTable: empty word');
    this.words.set(word, value);
    addLength(this.byFirst, word.charCodeAt(0), word.length);
    addLength(this.byLast, word.charCodeAt(word.length - 1), word.length);
    this.firsts.add(word.charCodeAt(0));
    this.lasts.add(word.charCodeAt(word.length - 1));
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
      if (i + len > text.length) continue;
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
      if (len > end) continue;
      const word = text.slice(end - len, end);
      const value = this.words.get(word);
      if (value !== undefined) return { word, value };
    }
    return undefined;
  }
}

function addLength(index: Map<number, number[]>, ch: number, length: number): void {
  const lengths = index.get(ch) ?? [];
  if (!lengths.includes(length)) {
    lengths.push(length);
    lengths.sort((a, b) => b - a);
  }
  index.set(ch, lengths);
}
