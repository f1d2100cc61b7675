/**
 * An opencc-js Trie with a filter in front. opencc's Trie.convert asks its root Map
 * about every code point of the text, and the Map lookups miss the CPU cache after
 * jieba has run; yet in Chinese news only a few characters in a hundred begin a
 * replacement. Two small bitsets (10 KB in all) rule the others out: a key either is
 * one code unit (bit of that unit) or opens with two (a hashed bit of the pair), so a
 * position whose unit and pair are both unmarked cannot begin a key. Everywhere else
 * opencc's own matchPrefix decides: the same greedy longest-match conversion as
 * Trie.convert, with the same output.
 */
import type { Trie } from 'opencc-js/core';

// Ideographic description characters (U+2FF0-U+2FFF): opencc skips an unmatched
// description sequence whole, so the text after one is handed to Trie.convert itself.
const IDS_FIRST = 0x2ff0;
const IDS_LAST = 0x2fff;

// The pair filter's size: our tables have under a thousand distinct opening pairs each,
// so about one bit in twenty is set and few unmatched pairs get through.
const PAIR_BITS_LOG2 = 14;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const pairHash = (first: number, second: number) => Math.imul((first << 16) | second, 0x9e3779b1) >>> (32 - PAIR_BITS_LOG2);
const has = (bits: Uint32Array, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
const mark = (bits: Uint32Array, i: number) => {
  bits[i >>> 5]! |= 1 << (i & 31);
};

export class PrefilteredTrie {
  /** bit c: c alone is a key (or an ideographic description character) */
  private readonly units = new Uint32Array(0x10000 / 32);
  /** bit pairHash(a, b): some key opens with code units a, b (an astral character is such a pair) */
  private readonly pairs = new Uint32Array((1 << PAIR_BITS_LOG2) / 32);

  constructor(
    readonly trie: Trie,
    keys: Iterable<string>,
  ) {
    for (const key of keys) {
      // a key opening with half a pair would begin where the walk below never stops
      if (isLowSurrogate(key.charCodeAt(0))) throw new Error(`opencc key "${key}" begins with a low surrogate`);
      if (key.length === 1) mark(this.units, key.charCodeAt(0));
      else if (key.length > 1) mark(this.pairs, pairHash(key.charCodeAt(0), key.charCodeAt(1)));
    }
    for (let c = IDS_FIRST; c <= IDS_LAST; c++) mark(this.units, c);
  }

  /** Trie.convert(text), asking the trie only where a key can begin. */
  convert(text: string): string {
    const { units, pairs, trie } = this;
    const n = text.length;
    let out = '';
    let copied = 0; // text before this is in `out`
    for (let i = 0; i < n; ) {
      const c = text.charCodeAt(i);
      // no key begins here: opencc would step over this code point (a high surrogate
      // passed here is followed by a low one, which no key begins with)
      if (!has(units, c) && (i + 1 === n || !has(pairs, pairHash(c, text.charCodeAt(i + 1))))) {
        i++;
        continue;
      }
      const match = trie.matchPrefix(text, i);
      if (match) {
        out += text.slice(copied, i) + match.value;
        i = copied = match.end;
      } else if (c >= IDS_FIRST && c <= IDS_LAST) {
        return out + text.slice(copied, i) + trie.convert(text.slice(i));
      } else {
        i += isHighSurrogate(c) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}
