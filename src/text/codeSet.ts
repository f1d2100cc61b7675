/**
 * A set of UTF-16 code units as a bitset (8 KB): membership is one array read and a
 * mask, with no string made for the character and no hashing. Hot loops use it to rule
 * out most positions before any dictionary lookup.
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  add(code: number): void {
    if (code >= 0 && code <= 0xffff) this.bits[code >>> 5]! |= 1 << (code & 31);
  }
  delete(code: number): void {
    if (code >= 0 && code <= 0xffff) this.bits[code >>> 5]! &= ~(1 << (code & 31));
  }
  /** false for NaN (charCodeAt past the end), so callers need no bounds check */
  has(code: number): boolean {
    return code >= 0 && (this.bits[code >>> 5]! & (1 << (code & 31))) !== 0;
  }
}

/** The code units of a word list's first (or last) characters. */
export function codeSetOf(words: Iterable<string>, at: 'first' | 'last' = 'first'): CodeSet {
  const set = new CodeSet();
  for (const w of words) if (w.length > 0) set.add(w.charCodeAt(at === 'first' ? 0 : w.length - 1));
  return set;
}
