/**
 * An opencc-js Trie with a filter in front. opencc's Trie.convert asks its root Map
 * about every code point of the text, and the Map lookups miss the CPU cache after
 * jieba has run; yet in Chinese news only a few characters in a hundred begin a
 * replacement. Small bitsets (8 KB each) rule the others out: a key either is one
 * code unit (bit of that unit) or opens with two (bit of the first unit, and a hashed
 * bit of the pair), so a position none of them marks cannot begin a key. Everywhere else
 * opencc's own matchPrefix decides: the same greedy longest-match conversion as
 * Trie.convert, with the same output.
 */
import type { Trie } from 'opencc-js/core';
import { CodePairFilter, CodeSet } from '../text/codeSet.js';

// Ideographic description characters (U+2FF0-U+2FFF): opencc skips an unmatched
// description sequence whole, so the text after one is handed to Trie.convert itself.
const IDS_FIRST = 0x2ff0;
const IDS_LAST = 0x2fff;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export class PrefilteredTrie {
  /** c alone is a key (or an ideographic description character) */
  private readonly units = new CodeSet();
  /** c opens a key longer than one unit (an astral character's high surrogate is such a c) */
  private readonly opensLonger = new CodeSet();
  /**
   * some key opens with code units a, b (an astral character is such a pair); under a
   * thousand pairs per table. Asked only where opensLonger lets a position through: alone,
   * its hash collisions sent a dozen positions per article to a lookup in the trie's root
   * Map, which misses the cache after jieba has run.
   */
  private readonly pairs = new CodePairFilter();
  /**
   * For a code unit that is a whole key and opens no longer one: the one code unit it
   * becomes (0: none such). opencc's longest match there is that unit alone, so most of a
   * traditional article's replacements (單 -> 单) take one read here instead of a walk of
   * the trie's Maps. Read only where the filters above let a position through.
   */
  private readonly singles = new Uint16Array(0x10000);

  constructor(
    readonly trie: Trie,
    keys: Iterable<string>,
  ) {
    const all = [...keys];
    for (const key of all) {
      // a key opening with half a pair would begin where the walk below never stops
      if (isLowSurrogate(key.charCodeAt(0))) throw new Error(`opencc key "${key}" begins with a low surrogate`);
      if (key.length === 1) this.units.add(key.charCodeAt(0));
      else if (key.length > 1) {
        this.pairs.add(key.charCodeAt(0), key.charCodeAt(1));
        this.opensLonger.add(key.charCodeAt(0));
      }
    }
    for (const key of all) {
      const c = key.charCodeAt(0);
      if (key.length !== 1 || this.opensLonger.has(c) || isHighSurrogate(c)) continue;
      const value = trie.matchPrefix(key, 0)?.value;
      if (value?.length === 1) this.singles[c] = value.charCodeAt(0);
    }
    for (let c = IDS_FIRST; c <= IDS_LAST; c++) this.units.add(c);
  }

  /**
   * May a key (or an ideographic description sequence) begin at i? When false, opencc
   * would step over the code point there (a high surrogate passed here is followed by a
   * low one, which no key begins with).
   */
  mayBeginAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    return this.units.has(c) || (this.opensLonger.has(c) && i + 1 < text.length && this.pairs.mayHave(c, text.charCodeAt(i + 1)));
  }

  /** Trie.convert(text), asking the trie only where a key can begin. */
  convert(text: string): string {
    const { trie } = this;
    const n = text.length;
    let out = '';
    let copied = 0; // text before this is in `out`
    for (let i = 0; i < n; ) {
      if (!this.mayBeginAt(text, i)) {
        i++;
        continue;
      }
      const c = text.charCodeAt(i);
      const single = this.singles[c]!;
      if (single !== 0) {
        out += text.slice(copied, i) + String.fromCharCode(single);
        i = copied = i + 1;
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
