/**
 * English amounts inside Chinese text: US$5.6 million, $157 billion, HK$3.2bn.
 * The currency comes from our prefix table, the number from compromise.
 */
import type { DocContext } from '../../context.js';
import type { MoneyCandidate } from '../candidate.js';
import { parseEnglishNumber } from '../../latin/index.js';
import type { MoneyTables } from './tables.js';

// 5.6 million / 157 billion / 3.2bn / 20m: digits, then an optional English scale word
const ENGLISH_AMOUNT = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?: ?(thousand|million|billion|trillion|bn|mn|m|k)\b)?/gy;
const SHORT_SCALE: Record<string, string> = { bn: 'billion', mn: 'million', m: 'million', k: 'thousand' };

export function extractEnglishAmounts(ctx: DocContext, money: MoneyTables): MoneyCandidate[] {
  const { view } = ctx;
  const found: MoneyCandidate[] = [];
  for (let i = view.indexOf('$'); i !== -1; i = view.indexOf('$', i + 1)) {
    // the prefix ends at or just after '$' (US$, HK$, $)
    const prefix = money.prefixes.endingAt(view, i + 1);
    if (!prefix) continue;
    let j = i + 1;
    if (view[j] === ' ') j++;
    ENGLISH_AMOUNT.lastIndex = j;
    const m = ENGLISH_AMOUNT.exec(view);
    if (!m || !m[3]) continue; // a bare $20 is read by the main extractor
    const scale = SHORT_SCALE[m[3]] ?? m[3];
    const value = parseEnglishNumber(`${m[1]}${m[2] ? `.${m[2]}` : ''} ${scale}`);
    if (value === null) continue;
    found.push({ type: 'money', start: i + 1 - prefix.word.length, end: j + m[0].length, rule: 'money.english', value, currency: prefix.value });
  }
  return found;
}
