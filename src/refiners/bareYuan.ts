/**
 * A bare 元 takes the currency the article established (ANNOTATION.md): after
 * 新台币 in a Taiwan article, 120亿元 is TWD. Only currencies whose everyday unit
 * is 元 establish it (rules/money/currencies.yaml `establishesYuan`).
 */
import type { MoneyCandidate } from '../extractors/candidate.js';
import type { MoneyTables } from '../extractors/money/tables.js';

export function applyArticleCurrency(mentions: MoneyCandidate[], money: MoneyTables): void {
  let established: string | undefined;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.bareYuan) {
      if (established) m.currency = established;
    } else if (money.establishesYuan.has(m.currency)) established = m.currency;
    delete m.bareYuan;
  }
}
