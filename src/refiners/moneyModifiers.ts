/**
 * Modifiers around an amount (ANNOTATION.md `mod`): 约 130 亿元 -> APPROX,
 * 超过 150 亿元 -> MORE_THAN, 10 亿元以上 -> MORE_THAN. The words stay outside the span.
 * The longest word wins, so a blocker (通过, 高达) hides the shorter 过 / 达 inside it.
 */
import type { DocContext } from '../context.js';
import type { MoneyCandidate } from '../extractors/candidate.js';
import type { MoneyTables } from '../extractors/money/tables.js';
import { skipSpaces, skipSpacesBack } from '../text/matchView.js';

export function applyMoneyModifiers(ctx: DocContext, mentions: MoneyCandidate[], money: MoneyTables): void {
  for (const m of mentions) {
    if (m.rule === 'money.up-to') continue; // 上百万元 carries its own mod
    const before = money.before.endingAt(ctx.view, skipSpacesBack(ctx.view, m.start, 1));
    const after = money.after.startingAt(ctx.view, skipSpaces(ctx.view, m.end, 1));
    // 余/多 inside the amount already set MORE_THAN; a word outside takes precedence
    const mod = before?.value ?? after?.value;
    if (mod) m.mod = mod;
  }
}
