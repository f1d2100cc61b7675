/**
 * Bank short names of two characters ending in 行 (某行 for 某某银行): jieba knows few of
 * them and tags others as verbs, and 行 ends hundreds of ordinary words (进行, 此行, 德行).
 * Such a word is a bank only when it is no common word, no pronoun or numeral, and a
 * bank's own word follows it, after at most two places: 某行信用卡, 某行副行长, 某行广州分行.
 */
import type { CompanyCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isHan } from '../../text/matchView.js';
import type { CompanyTables } from './tables.js';
import { BANK, type CompanyDoc } from './landmarks.js';
import { BANK_AFTER, cueLength, kindBit } from './cueTable.js';

const MAX_PLACES = 2;
// 该行, 本行, 各行, 几行, 慢行: pronouns, numerals and adverbs
const NOT_A_NAME_TAGS = /^(r|rr|rz|m|mq|q|d|f|t)$/;

export function extractBankShortNames(ctx: CompanyDoc, t: CompanyTables): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  if ((ctx.present & BANK) === 0) return found;
  const { words, view, marks, starts } = ctx;
  for (let k = 0; k < words.length; k++) {
    // (the landmark BANK: two characters, the second 行)
    if ((marks[k]! & BANK) === 0) continue;
    const word = words[k]!;
    if (!isHan(word[0])) continue;
    if (isCommonWord(word) || t.branchWords.has(word) || NOT_A_NAME_TAGS.test(tagOf(word))) continue;
    let p = k + 1;
    while (p < words.length && p - k - 1 < MAX_PLACES && tagOf(words[p]!) === 'ns') p++;
    if (p >= words.length) continue;
    const cue = cueLength(t.cues.table.lengthsAt(view, starts[p]!, kindBit(BANK_AFTER)), BANK_AFTER);
    if (cue && ctx.boundary[starts[p]! + cue] === 1) found.push({ type: 'company', start: starts[k]!, end: starts[k + 1]!, rule: 'company.bank-short' });
  }
  return found;
}
