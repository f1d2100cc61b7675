/**
 * A set of UTF-16 code units as a bitset (8 KB): membership is one array read and a
 * mask, with no string made for the character and no hashing. Hot loops use it to rule
 * out most positions before any dictionary lookup.
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  /** every character of `chars` (each must be one UTF-16 unit; callers check lists that come from rule files) */
  constructor(chars: Iterable<string> = []) {
    for (const ch of chars) this.add(ch.charCodeAt(0));
  }

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
  /** Is the character at i in the set? (false outside the text) */
  at(text: string, i: number): boolean {
    return i >= 0 && i < text.length && this.has(text.charCodeAt(i));
  }
  /** Is every character of text[from, to) in the set? (true for an empty range) */
  allIn(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!this.has(text.charCodeAt(i))) return false;
    return true;
  }
}

/** The code units of a word list's first (or last) characters. */
export function codeSetOf(words: Iterable<string>, at: 'first' | 'last' = 'first'): CodeSet {
  const set = new CodeSet();
  for (const w of words) if (w.length > 0) set.add(w.charCodeAt(at === 'first' ? 0 : w.length - 1));
  return set;
}

/**
 * Pairs of code units (a word's first two characters) in a Bloom filter with one hash
 * over 64K bits (8 KB, like CodeSet): `mayHave` is never false for an added pair and
 * true for a few per cent of others at a few thousand pairs. One probe into 8 KB: it
 * stays cached where larger filters and Maps do not.
 */
export class CodePairFilter {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  add(a: number, b: number): void {
    const h = pairHash(a, b);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }
  mayHave(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}

// multiplying by a prime spreads the Han block (U+4E00-U+9FFF) over the 16 bits
const pairHash = (a: number, b: number) => (Math.imul(a, 31) + b) & 0xffff;
