/**
 * Linear-time helpers over sets of spans and phrases, so that articles with thousands
 * of mentions cost no more per mention than short ones.
 */
import { CodeSet } from './codeSet.js';

/** Marks of which characters some span covers; `overlaps` is O(span length). */
export class Coverage {
  private readonly covered: Uint8Array;
  constructor(length: number, spans: Iterable<{ start: number; end: number }> = []) {
    this.covered = new Uint8Array(length + 1);
    for (const s of spans) this.add(s);
  }
  add(s: { start: number; end: number }): void {
    // a plain loop: spans are a few characters, shorter than a fill() call costs
    for (let i = s.start; i < s.end; i++) this.covered[i] = 1;
  }
  overlaps(s: { start: number; end: number }): boolean {
    // a plain loop: subarray() would allocate a view per call
    for (let i = s.start; i < s.end; i++) if (this.covered[i] === 1) return true;
    return false;
  }
}

/**
 * Every occurrence of every phrase in `text`, found in one pass: at each position the
 * lengths that phrases starting with that character have are tried (no rescans per phrase).
 */
// The first characters of the phrases of the current call, as a bitset: most positions are
// passed over on a bit test. One bitset serves every call and is emptied again at its end
// (allocating 8 KB per call cost more than the scan); a bit left set by an exception would
// only cost a Map lookup, never a wrong result.
const FIRSTS = new CodeSet();

/** The phrases of one first character and one length. */
interface Bucket {
  length: number;
  /** the only phrase of the bucket, compared in place (no string made per position); null when several share it */
  only: string | null;
}

export function occurrences<V>(text: string, phrases: ReadonlyMap<string, V>): { start: number; end: number; phrase: string; value: V }[] {
  // first code unit -> its buckets, longest first
  const buckets = new Map<number, Bucket[]>();
  for (const p of phrases.keys()) {
    if (p === '') continue;
    const first = p.charCodeAt(0);
    let list = buckets.get(first);
    if (!list) buckets.set(first, (list = []));
    const same = list.find((b) => b.length === p.length);
    if (same) same.only = null;
    else list.push({ length: p.length, only: p });
  }
  for (const list of buckets.values()) list.sort((a, b) => b.length - a.length);
  const out: { start: number; end: number; phrase: string; value: V }[] = [];
  if (buckets.size === 0) return out;
  for (const first of buckets.keys()) FIRSTS.add(first);
  for (let i = 0; i < text.length; i++) {
    if (!FIRSTS.has(text.charCodeAt(i))) continue;
    const list = buckets.get(text.charCodeAt(i));
    if (!list) continue;
    for (const { length, only } of list) {
      if (i + length > text.length) continue;
      if (only !== null && !text.startsWith(only, i)) continue;
      const phrase = only ?? text.slice(i, i + length);
      const value = phrases.get(phrase);
      if (value !== undefined) out.push({ start: i, end: i + length, phrase, value });
    }
  }
  for (const first of buckets.keys()) FIRSTS.delete(first);
  return out;
}
