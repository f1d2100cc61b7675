import { charClass } from './charClass.js';

/**
 * Linear-time helpers over sets of spans and phrases, so that articles with thousands
 * of mentions cost no more per mention than short ones.
 */

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
    return this.covered.subarray(s.start, s.end).includes(1);
  }
}

/**
 * Every occurrence of every phrase in `text`, found in one pass: at each position the
 * lengths that phrases starting with that character have are tried (no rescans per phrase).
 */
export function occurrences<V>(text: string, phrases: ReadonlyMap<string, V>): { start: number; end: number; phrase: string; value: V }[] {
  const lengths = new Map<string, number[]>();
  for (const p of phrases.keys()) {
    if (p === '') continue;
    const list = lengths.get(p[0]!) ?? [];
    if (!list.includes(p.length)) list.push(p.length);
    lengths.set(p[0]!, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  const first = charClass(lengths.keys());
  const out: { start: number; end: number; phrase: string; value: V }[] = [];
  for (let i = first.next(text, 0); i !== -1; i = first.next(text, i + 1)) {
    const list = lengths.get(text[i]!);
    if (!list) continue;
    for (const len of list) {
      const phrase = text.slice(i, i + len);
      const value = phrases.get(phrase);
      if (value !== undefined) out.push({ start: i, end: i + len, phrase, value });
    }
  }
  return out;
}
