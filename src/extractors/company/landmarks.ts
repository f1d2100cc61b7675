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
/** a name suffix (科技, 有限公司, AI) may be this token */
export const SUFFIX = 2;
/** a cue (宣布, 据, a stock code, 记者) may start here */
export const CUE = 4;
/** a clause end or a list separator (、, 和, ，) */
export const LIST_MARK = 8;
/** an office word (分行, 分公司) may start here */
export const OFFICE = 16;
/** an ASCII letter */
export const LATIN = 32;
/** a branch word (分行, 总行) or 公司 may start here */
export const BRANCH = 64;
// classes of the token itself, set by markTokens
/** a word of 4+ characters ending like a Han suffix (交通银行) */
export const COMPOUND = 128;
/** a word of two characters ending in 行 (a bank's short name) */
export const BANK = 256;
/** 月 within five characters after the token's start: a dateline (3月14日电) may open here */
export const NEAR_MONTH = 512;

/** The table of first-character classes: for each code unit, the classes whose set holds it. */
export function tokenClassTable(sets: readonly { bit: number; set: CodeSet }[]): TokenClasses {
  const table = new Uint8Array(0x10000);
  const any = new CodeSet();
  for (let c = 0; c < table.length; c++) {
    let classes = 0;
    for (const { bit, set } of sets) if (set.has(c)) classes |= bit;
    table[c] = classes;
    if (classes !== 0) any.add(c);
  }
  return { table, any };
}

/**
 * The classes of a token's first character: `any` (a bitset, 8 KB) says whether it has
 * one, `table` (a byte per code unit, 64 KB) which. Most characters have none, and the
 * bitset answers for them from fewer cache lines than the table would.
 */
export interface TokenClasses {
  table: Uint8Array;
  any: CodeSet;
}

const HANG = '行'.charCodeAt(0);
/** a Han character or an ASCII digit (false for NaN past the end) */
const isCaselessCode = (c: number) => isHanCode(c) || isAsciiDigitCode(c);

/**
 * What the company passes read per token: its classes, and where it starts (starts[k] for
 * token k, starts[n] = the text's length; token k ends at starts[k + 1]): a typed array
 * stays compact in the cache, where reading tokens[k].start loads one object per token.
 */
export interface Landmarks {
  marks: Uint16Array;
  starts: Int32Array;
}

/** A document as the company passes read it: the context and its landmarks. */
export interface CompanyDoc extends DocContext, Landmarks {}

/** The context with the classes and starts of every token, found in one pass over the words. */
export function markTokens(ctx: DocContext, t: CompanyTables): CompanyDoc {
  const { words, view, boundary } = ctx;
  const { hanSuffixEnds } = t;
  const { table, any } = t.tokenClasses;
  const { openingPairs, singles } = t.lexicon;
  const marks = new Uint16Array(words.length);
  const starts = new Int32Array(words.length + 1);
  // the tokens cover the text in order: a token starts where the words before it end (no
  // token object is read); its characters are read off the text. Company is the only stage
  // that reads the word strings, cold by now: one walk over them in order brings them into
  // the cache for the later passes (cheaper than their scattered reads would be alone).
  // The next 月 is found by indexOf as the scan passes it.
  let month = view.indexOf('月');
  for (let k = 0, at = 0, next = 0; k < words.length; k++, at = next) {
    next = at + words[k]!.length;
    starts[k] = at;
    const first = view.charCodeAt(at);
    let m = any.has(first) ? table[first]! : 0;
    // two Han characters or digits open the key of any phrase found from here (no case,
    // no space skipped): a pair that opens no phrase rules the token out (most do)
    if (m & PHRASE && isCaselessCode(first)) {
      const second = view.charCodeAt(at + 1);
      if (isCaselessCode(second) && !openingPairs.mayHave(first, second) && !singles?.has(first)) m &= ~PHRASE;
    }
    const length = next - at;
    if (length >= 4 && hanSuffixEnds.has(view.charCodeAt(next - 1))) m |= COMPOUND;
    else if (length === 2 && view.charCodeAt(at + 1) === HANG) m |= BANK;
    while (month >= 0 && month <= at) month = view.indexOf('月', month + 1);
    if (month >= 0 && month <= at + 5) m |= NEAR_MONTH;
    marks[k] = m;
  }
  starts[words.length] = view.length;
  // (a literal, not a spread: one shape for every document)
  return { text: ctx.text, view, tokens: ctx.tokens, words, boundary, marks, starts };
}
