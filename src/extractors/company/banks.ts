/**
 * Bank short names of two characters ending in 行 (某行 for 某某银行): jieba knows few of
 * them and tags others as verbs, and 行 ends hundreds of ordinary words (进行, 此行, 德行).
 * Such a word is a bank only when it is no common word, no pronoun or numeral, and a
 * bank's own word follows it, after at most two places: 某行信用卡, 某行副行长, 某行广州分行.
 */
import type { DocContext } from '../../context.js';
import type { CompanyCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isHan } from '../../text/matchView.js';
import type { CompanyTables } from './tables.js';
import { BANK } from './landmarks.js';

const MAX_PLACES = 2;
// 该行, 本行, 各行, 几行, 慢行: pronouns, numerals and adverbs
const NOT_A_NAME_TAGS = /^(r|rr|rz|m|mq|q|d|f|t)$/;

export function extractBankShortNames(ctx: DocContext, t: CompanyTables, marks: Uint16Array): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  const { words, tokens, view } = ctx;
  for (let k = 0; k < tokens.length; k++) {
    // (the landmark BANK: two characters, the second 行)
    if ((marks[k]! & BANK) === 0) continue;
    const word = words[k]!;
    if (!isHan(word[0])) continue;
    if (isCommonWord(word) || t.branchWords.has(word) || NOT_A_NAME_TAGS.test(tagOf(word))) continue;
    let p = k + 1;
    while (p < tokens.length && p - k - 1 < MAX_PLACES && tagOf(words[p]!) === 'ns') p++;
    if (p >= tokens.length) continue;
    const cue = t.cues.bankAfter.startingAt(view, tokens[p]!.start);
    if (cue && ctx.boundary[tokens[p]!.start + cue.word.length] === 1) found.push({ type: 'company', start: tokens[k]!.start, end: tokens[k]!.end, rule: 'company.bank-short' });
  }
  return found;
}
