/**
 * A bare 元 takes the currency the article established (ANNOTATION.md): after
 * 新台币 in a Taiwan article, 120亿元 is TWD. Only currencies whose everyday unit
 * is 元 establish it (rules/money/currencies.yaml `establishesYuan`); 港元 only in
 * traditional-script (Hong Kong) articles.
 */
import type { MoneyCandidate } from '../extractors/candidate.js';
import type { MoneyTables } from '../extractors/money/tables.js';
import type { Script } from '../schema.js';

const COORDINATION = /^\s*[、，,和及与至到-]\s*$/;

export function applyArticleCurrency(mentions: MoneyCandidate[], money: MoneyTables, script: Script, view: string): void {
  let established: string | undefined;
  // the extractor finds them in order (English amounts last): sort a copy only when needed
  const ordered = inOrder(mentions) ? mentions : [...mentions].sort((a, b) => a.start - b.start);
  // a list whose last amount names the currency: 3,120万元、5,860万元及1.04亿元人民币 are all CNY
  for (let k = ordered.length - 2; k >= 0; k--) {
    const [m, next] = [ordered[k]!, ordered[k + 1]!];
    if (m.bareYuan && !next.bareYuan && COORDINATION.test(view.slice(m.end, next.start))) {
      m.currency = next.currency;
      m.bareYuan = false;
    }
  }
  for (const m of ordered) {
    const scope = money.establishesYuan.get(m.currency);
    if (m.bareYuan) {
      if (established) m.currency = established;
    } else if (scope === 'always' || (scope === 'hant' && script !== 'hans')) established = m.currency;
    else if (m.currency === 'CNY') established = undefined; // 人民币 named again: 元 is CNY
    // cleared, not deleted: a delete turns the candidate into a slow dictionary object for
    // every later read (overlaps, toMention); the output copies named fields, so it never shows
    if (m.bareYuan) m.bareYuan = false;
  }
}

function inOrder(mentions: readonly MoneyCandidate[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (mentions[k]!.start < mentions[k - 1]!.start) return false;
  return true;
}
