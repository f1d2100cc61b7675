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
    this.covered.fill(1, s.start, s.end);
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

export function occurrences<V>(text: string, phrases: ReadonlyMap<string, V>): { start: number; end: number; phrase: string; value: V }[] {
  // first code unit -> the lengths of phrases starting with it, longest first
  const lengths = new Map<number, number[]>();
  for (const p of phrases.keys()) {
    if (p === '') continue;
    const first = p.charCodeAt(0);
    const list = lengths.get(first) ?? [];
    if (!list.includes(p.length)) list.push(p.length);
    lengths.set(first, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  const out: { start: number; end: number; phrase: string; value: V }[] = [];
  if (lengths.size === 0) return out;
  for (const first of lengths.keys()) FIRSTS.add(first);
  for (let i = 0; i < text.length; i++) {
    if (!FIRSTS.has(text.charCodeAt(i))) continue;
    const list = lengths.get(text.charCodeAt(i));
    if (!list) continue;
    for (const len of list) {
      if (i + len > text.length) continue;
      const phrase = text.slice(i, i + len);
      const value = phrases.get(phrase);
      if (value !== undefined) out.push({ start: i, end: i + len, phrase, value });
    }
  }
  for (const first of lengths.keys()) FIRSTS.delete(first);
  return out;
}
