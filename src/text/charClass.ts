/**
 * Jumping to the next position where a rule can start, instead of trying every rule at
 * every character: a lookup table over UTF-16 code units (the start characters of our
 * rules are all in the BMP).
 */
export interface CharClass {
  /** index of the next character of the class at or after `from`, or -1 */
  next(text: string, from: number): number;
  has(code: number): boolean;
}

export function charClass(chars: Iterable<string>): CharClass {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
  return {
    next(text, from) {
      for (let i = from; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return i;
      return -1;
    },
    has: (code) => table[code] === 1,
  };
}
