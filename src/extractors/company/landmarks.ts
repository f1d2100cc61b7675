/**
 * Landmarks: the tokens where a company rule can fire. Each pass (phrases, suffixes, cues,
 * lists, branches, Latin names, bank short names) would test every token's first character
 * against its own bitset; one pass over the tokens reads a table that holds all of those
 * bitsets at once, and each rule pass then reads one byte per token.
 */
import type { DocContext } from '../../context.js';
import { CodeSet } from '../../text/codeSet.js';
import { isAsciiDigitCode, isHanCode } from '../../text/matchView.js';
import type { CompanyTables } from './tables.js';

// classes of a token's first character (the table built at rule-load time)
/** a lexicon phrase may open here */
export const PHRASE = 1;
/** a name suffix (科技, 有限公司, AI) may be this token (its first and last characters are a suffix's) */
export const SUFFIX = 2;
/** a cue word (宣布, 据, 董事长) may start here */
export const CUE = 4;
/** a clause end or a list separator (、, 和, ，) */
export const LIST_MARK = 8;
/** an office word (分行, 分公司) may start here */
export const OFFICE = 16;
/** an ASCII letter */
export const LATIN = 32;
/** a branch word (分行, 总行) or 公司 may start here */
export const BRANCH = 64;
/** a cue written as a pattern (a stock code, a price move) or a media word (记者) may start here */
export const PATTERN_CUE = 128;
// classes of the token itself, set by markTokens
/** a word of 4+ characters ending like a Han suffix (交通银行) */
export const COMPOUND = 256;
/** a word of two characters ending in 行 (a bank's short name) */
export const BANK = 512;
/**
 * a dateline (上海3月14日电, 3月14日电) may open here: its month's digits start here or after a
 * two- or three-character place (monthDigitsAt), and 月 follows within five characters.
 * Digits are common in news, so the second test keeps the cues' regex off most of them,
 * and a day followed by 电, 讯, 获 or 消 (datelineDayNear) off nearly all of the rest.
 */
export const DATELINE = 1024;

/** The table of first-character classes: for each code unit, the classes whose set holds it. */
export function tokenClassTable(sets: readonly { bit: number; set: CodeSet }[]): TokenClasses {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) {
    let classes = 0;
    for (const { bit, set } of sets) if (set.has(c)) classes |= bit;
    table[c] = classes;
  }
  return { table };
}

/**
 * The classes of a token's first character: a byte per code unit (64 KB). A bitset of the
 * characters that have any class, read first, was meant to save cache lines; measured with
 * the caches cold (as after jieba), the one read of the table alone costs less.
 */
export interface TokenClasses {
  table: Uint8Array;
}

const HANG = '行'.charCodeAt(0);
/**
 * The code unit as toLowerCase() makes it, for a unit it maps to one unit of a known value:
 * printable ASCII, Han characters, CJK and general punctuation, full-width symbols; -1 for
 * white space and any other unit (a phrase scan may skip the one, and fold the other to
 * something else).
 */
export function simpleLower(c: number): number {
  if (c > 0x20 && c < 0x7f) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  if (isHanCode(c)) return c;
  if ((c >= 0x3001 && c <= 0x303f) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)) return c;
  if ((c >= 0xff01 && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65)) return c;
  return -1;
}

/** The offset of the first 月 after `at`, or past the text's end when there is none. */
function monthAfter(view: string, at: number): number {
  const i = view.indexOf('月', at + 1);
  return i < 0 ? view.length + 6 : i;
}

/** A digit where a dateline's month may start: at `at`, or after a place of two or three characters. */
export const monthDigitsAt = (view: string, at: number) =>
  isAsciiDigitCode(view.charCodeAt(at)) || isAsciiDigitCode(view.charCodeAt(at + 2)) || isAsciiDigitCode(view.charCodeAt(at + 3));

const DAY = '日'.charCodeAt(0);
// what follows a dateline's day: 电, 讯, 获悉, 消息
const DATELINE_ENDS = new CodeSet([...'电讯获消']);

/**
 * A dateline's day (3月14日电) may end near `at`: 日 and one of 电, 讯, 获, 消 after it, where a
 * day after a month within five characters can stand (three to eight characters on). Most
 * dates in news (3月14日，) have none: the media cue's regex is not tried at them.
 */
function datelineDayNear(view: string, at: number): boolean {
  for (let i = at + 3, last = Math.min(at + 8, view.length - 2); i <= last; i++) {
    if (view.charCodeAt(i) === DAY && DATELINE_ENDS.has(view.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * What the company passes read per token: its classes, and where it starts (starts[k] for
 * token k, starts[n] = the text's length; token k ends at starts[k + 1]), in typed arrays
 * that stay compact in the cache (the context has only the words: an offset would be a
 * sum of their lengths).
 * The arrays are longer than the article's tokens (they are reused: see markTokens): the
 * passes count tokens by ctx.words.length.
 */
export interface Landmarks {
  marks: Uint16Array;
  starts: Int32Array;
  /** the first code unit of each token (a walk over the tokens' first characters reads no text) */
  firstUnits: Uint16Array;
  /** the classes some token has: a pass whose classes no token has is skipped without a walk */
  present: number;
}

let marksBuffer = new Uint16Array(4096);
let startsBuffer = new Int32Array(4096);
let firstUnitsBuffer = new Uint16Array(4096);

/**
 * A document as the company passes read it: the context and its landmarks. The reference
 * date and the date-expression flag are left out (markTokens does not copy them): no
 * company rule reads them, and one that starts to must get them here first.
 */
export interface CompanyDoc extends Omit<DocContext, 'refDate' | 'dateExpression'>, Landmarks {}

/** The context with the classes and starts of every token, found in one pass over the words. */
export function markTokens(ctx: DocContext, t: CompanyTables): CompanyDoc {
  const { words, view, boundary } = ctx;
  const { hanSuffixEnds } = t;
  const { table } = t.tokenClasses;
  const { openingPairs, singles } = t.lexicon;
  // One pair of arrays serves every article (extraction is synchronous, and no candidate
  // keeps them): a typed array of this size has its buffer outside the heap, and a new one
  // per article cost an allocation and the garbage collector's work to free it.
  if (marksBuffer.length < words.length + 1) {
    marksBuffer = new Uint16Array(2 * (words.length + 1));
    startsBuffer = new Int32Array(2 * (words.length + 1));
    firstUnitsBuffer = new Uint16Array(2 * (words.length + 1));
  }
  const marks = marksBuffer;
  const starts = startsBuffer;
  const firstUnits = firstUnitsBuffer;
  // the tokens cover the text in order: a token starts where the words before it end (no
  // token object is read); its characters are read off the text. Company is the only stage
  // that reads the word strings, cold by now: one walk over them in order brings them into
  // the cache for the later passes (cheaper than their scattered reads would be alone).
  // (no character is read past the end: charCodeAt's NaN there would make the optimised
  // loop bail out and fall back to slower code)
  const end = view.length;
  let nextMonth = -1;
  let present = 0;
  for (let k = 0, at = 0, next = 0; k < words.length; k++, at = next) {
    next = at + words[k]!.length;
    starts[k] = at;
    const first = view.charCodeAt(at);
    firstUnits[k] = first;
    const second = at + 1 < end ? view.charCodeAt(at + 1) : 0;
    let m = table[first]!;
    // two characters that are no white space open the key of any phrase found from here (no
    // space is skipped): a pair that opens no phrase, as typed or lower-cased, rules the token
    // out (most do)
    // (the pair as typed first: a token that passes it needs no lower-casing)
    if (m & PHRASE && !openingPairs.mayHave(first, second)) {
      const a = simpleLower(first);
      const b = simpleLower(second);
      if (a >= 0 && b >= 0 && ((a === first && b === second) || !openingPairs.mayHave(a, b)) && !singles?.has(first)) m &= ~PHRASE;
    }
    const length = next - at;
    // a suffix token also ends in a suffix's last character (most tokens that open like one do not)
    if (m & SUFFIX && !hanSuffixEnds.has(view.charCodeAt(next - 1))) m &= ~SUFFIX;
    if (length >= 4 && hanSuffixEnds.has(view.charCodeAt(next - 1))) m |= COMPOUND;
    else if (length === 2 && second === HANG) m |= BANK;
    // a dateline needs a 月 within five characters: most tokens have none that near, and the
    // next 月 (found by one search per 月 in the text) tells without reading the digits
    if (nextMonth <= at) nextMonth = monthAfter(view, at);
    // (monthDigitsAt written out with bounds: see above on NaN)
    if (nextMonth <= at + 5 && (isAsciiDigitCode(first) || (at + 2 < end && isAsciiDigitCode(view.charCodeAt(at + 2))) || (at + 3 < end && isAsciiDigitCode(view.charCodeAt(at + 3)))) && datelineDayNear(view, at)) m |= DATELINE;
    marks[k] = m;
    present |= m;
  }
  starts[words.length] = view.length;
  // (a literal, not a spread: one shape for every document)
  return { text: ctx.text, view, words, boundary, marks, starts, firstUnits, present };
}
