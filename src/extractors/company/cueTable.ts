/**
 * Every company cue list (after, afterOf, market, bankAfter, source and object openers and
 * closers) in one table. A cue token was looked up in five WordTables, each with its own
 * bitset, filter and Map: five probes into tables that are out of the cache after jieba
 * has run. One table answers for every kind at once: the hashes of the text from the
 * position are computed once, and each Map read serves every kind the word belongs to.
 */
import { CodePairFilter, CodeSet } from '../../text/codeSet.js';
import { HASH_START, StringFilter, hashStep } from '../../text/stringFilter.js';

// kinds of cue (a bit each); lengthsAt() packs one length per kind, LENGTH_BITS bits each
export const AFTER = 0;
export const AFTER_OF = 1;
export const MARKET = 2;
export const BANK_AFTER = 3;
export const SOURCE_BEFORE = 4;
export const SOURCE_AFTER = 5;
export const OBJECT_BEFORE = 6;
export const OBJECT_AFTER = 7;
const LENGTH_BITS = 4;
/** the longest cue word a packed length holds */
export const MAX_CUE_LENGTH = (1 << LENGTH_BITS) - 1;

/** The length of the kind's longest cue in a packed answer of lengthsAt() (0: none). */
export const cueLength = (packed: number, kind: number): number => (packed >>> (kind * LENGTH_BITS)) & MAX_CUE_LENGTH;

export class CueTable {
  /** word -> the kinds it is a cue of (a bit per kind) */
  private readonly words = new Map<string, number>();
  /** the lengths of the words, longest first */
  private readonly lengths: number[] = [];
  private readonly firsts = new CodeSet();
  /**
   * the first two characters of the words of two or more, and the words of one: most
   * positions that open like a cue (宣, 据, 被) go on unlike any, and one probe tells
   * before the hashes of every length are computed
   */
  private readonly openingPairs = new CodePairFilter();
  private readonly singles = new CodeSet();
  /** a Bloom filter over the words, as in WordTable: 1 KB for a hundred-odd cue words */
  private readonly filter = new StringFilter(13);
  /** the hashes of text[i, i + n) for n = 1..longest, reused by every lookup */
  private prefixHashes = new Int32Array(1);

  /** Add a cue word of a kind; false when it is longer than a packed length holds. */
  add(word: string, kind: number): boolean {
    if (word === '' || word.length > MAX_CUE_LENGTH) return false;
    this.words.set(word, (this.words.get(word) ?? 0) | (1 << kind));
    if (!this.lengths.includes(word.length)) {
      this.lengths.push(word.length);
      this.lengths.sort((a, b) => b - a);
      this.prefixHashes = new Int32Array(this.lengths[0]! + 1);
    }
    this.firsts.add(word.charCodeAt(0));
    if (word.length === 1) this.singles.add(word.charCodeAt(0));
    else this.openingPairs.add(word.charCodeAt(0), word.charCodeAt(1));
    this.filter.add(word);
    return true;
  }

  /**
   * The length of each kind's longest cue starting at i, packed (read with cueLength);
   * 0 when no cue starts there. Only the kinds in `wanted` (a bit per kind) are answered.
   */
  lengthsAt(text: string, i: number, wanted: number): number {
    const first = text.charCodeAt(i);
    if (!this.firsts.has(first)) return 0;
    // (no unit is read past the end: see markTokens on NaN)
    if (!this.singles.has(first) && (i + 1 >= text.length || !this.openingPairs.mayHave(first, text.charCodeAt(i + 1)))) return 0;
    const longest = Math.min(this.lengths[0]!, text.length - i);
    const hashes = this.prefixHashes;
    for (let n = 0, h = HASH_START; n < longest; n++) hashes[n + 1] = h = hashStep(h, text.charCodeAt(i + n));
    let packed = 0;
    let open = wanted; // the kinds still without a cue (the first found is the longest)
    for (const len of this.lengths) {
      if (len > longest || !this.filter.mayHaveHash(hashes[len]!)) continue;
      const kinds = (this.words.get(text.slice(i, i + len)) ?? 0) & open;
      if (kinds === 0) continue;
      open &= ~kinds;
      for (let kind = 0, bits = kinds; bits !== 0; kind++, bits >>>= 1) if (bits & 1) packed |= len << (kind * LENGTH_BITS);
      if (open === 0) break;
    }
    return packed;
  }
}

/** The bit of a kind in a `wanted` mask. */
export const kindBit = (kind: number): number => 1 << kind;
