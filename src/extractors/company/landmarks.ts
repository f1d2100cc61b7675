/**
 * Landmarks: the tokens where a company rule can fire. Each pass (phrases, suffixes, cues,
 * lists, branches, Latin names, bank short names) would test every token's first character
 * against its own bitset; one pass over the tokens reads a table that holds all of those
 * bitsets at once, and each rule pass then reads one byte per token.
 */
import type { DocContext } from '../../context.js';
import type { CodeSet } from '../../text/codeSet.js';

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
// classes of the token itself, set by markTokens
/** a word of 4+ characters ending like a Han suffix (交通银行) */
export const COMPOUND = 64;
/** a word of two characters ending in 行 (a bank's short name) */
export const BANK = 128;
/** 月 within five characters after the token's start: a dateline (3月14日电) may open here */
export const NEAR_MONTH = 256;

/** The table of first-character classes: for each code unit, the classes whose set holds it. */
export function tokenClassTable(sets: readonly { bit: number; set: CodeSet }[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) {
    let classes = 0;
    for (const { bit, set } of sets) if (set.has(c)) classes |= bit;
    table[c] = classes;
  }
  return table;
}

const HANG = '行'.charCodeAt(0);

/**
 * The classes of every token, in one pass over the boundaries and the text: the word
 * strings and token objects (one object each, spread over the heap) are not read, only two
 * arrays that stay compact in the cache.
 */
export function markTokens(ctx: DocContext, table: Uint8Array, hanSuffixEnds: CodeSet): Uint16Array {
  const { boundary, view } = ctx;
  const marks = new Uint16Array(ctx.tokens.length);
  // the next 月 after a token's start, found by indexOf as the scan passes it
  let month = view.indexOf('月');
  // the tokens cover the text in order: a token starts at each boundary before the end
  for (let k = -1, start = 0, i = 0; i <= view.length; i++) {
    if (boundary[i] !== 1) continue;
    if (k >= 0) {
      // token k is view[start, i)
      const length = i - start;
      let m = table[view.charCodeAt(start)]!;
      if (length >= 4 && hanSuffixEnds.has(view.charCodeAt(i - 1))) m |= COMPOUND;
      else if (length === 2 && view.charCodeAt(i - 1) === HANG) m |= BANK;
      while (month >= 0 && month <= start) month = view.indexOf('月', month + 1);
      if (month >= 0 && month <= start + 5) m |= NEAR_MONTH;
      marks[k] = m;
    }
    k++;
    start = i;
  }
  return marks;
}
