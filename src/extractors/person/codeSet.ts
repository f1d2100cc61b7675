/**
 * A set of UTF-16 code units as a bitmap, for the per-character tests of the person rules.
 * Testing a code allocates nothing (text[i] makes a string for each Han character, and a Set
 * then hashes it), and at 8 KB a set stays in cache: the other stages of the pipeline evict a
 * larger table between two articles, and a cold table costs a memory read per character.
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 / 32);

  /** every character of `chars` (iterated by code point: each must be one UTF-16 unit) */
  constructor(chars: Iterable<string> = []) {
    for (const ch of chars) this.addCode(ch.charCodeAt(0));
  }

  addCode(code: number): void {
    this.bits[code >>> 5]! |= 1 << (code & 31);
  }

  has(code: number): boolean {
    return (this.bits[code >>> 5]! & (1 << (code & 31))) !== 0;
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
