/**
 * A bare 元 takes the currency the article established (ANNOTATION.md): after
 * 新台币 in a Taiwan article, 120亿元 is TWD. Only currencies whose everyday unit
 * is 元 establish it (rules/money/currencies.yaml `establishesYuan`); 港元 only in
 * traditional-script (Hong Kong) articles.
 */
import type { MoneyCandidate } from '../extractors/candidate.js';
import type { MoneyTables } from '../extractors/money/tables.js';
import type { Script } from '../schema.js';

export function applyArticleCurrency(mentions: MoneyCandidate[], money: MoneyTables, script: Script): void {
  let established: string | undefined;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const scope = money.establishesYuan.get(m.currency);
    if (m.bareYuan) {
      if (established) m.currency = established;
    } else if (scope === 'always' || (scope === 'hant' && script !== 'hans')) established = m.currency;
    else if (m.currency === 'CNY') established = undefined; // 人民币 named again: 元 is CNY
    delete m.bareYuan;
  }
}
