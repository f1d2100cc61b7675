/** Currency words and modifiers compiled for longest-first lookup around numbers. */
import type { z } from 'zod';
import type { currenciesFile, moneyModifiersFile } from '../../rules/schemas.js';
import type { MoneyMod } from '../../schema.js';
import { WordTable } from '../../text/wordTable.js';
import { CodeSet } from '../../text/codeSet.js';

export interface MoneyTables {
  /** unit after the number -> ISO code, or null for a generic unit (元) */
  units: WordTable<string | null>;
  /** characters after 元 that make it part of a word (元素, 元旦): one UTF-16 unit each, looked up by code */
  genericNotFollowedBy: CodeSet;
  /** word before the number -> ISO code */
  prefixes: WordTable<string>;
  /** currencies after which a bare 元 means them (新台币 ... 元), and in which scripts */
  establishesYuan: ReadonlyMap<string, 'always' | 'hant'>;
  before: WordTable<MoneyMod | null>;
  after: WordTable<MoneyMod | null>;
}

/** Build the tables; a word given to two currencies is a contradiction in the rules. */
export function compileMoneyTables(
  currencies: z.infer<typeof currenciesFile>,
  modifiers: z.infer<typeof moneyModifiersFile>,
  fail: (reason: string) => never,
): MoneyTables {
  const units = new WordTable<string | null>();
  const prefixes = new WordTable<string>();
  for (const unit of currencies.genericUnits) units.set(unit, null);
  const owner = new Map<string, string>();
  const claim = (kind: string, word: string, code: string) => {
    const key = `${kind}:${word}`;
    const other = owner.get(key);
    if (other && other !== code) fail(`${kind} "${word}" is given to both ${other} and ${code}`);
    owner.set(key, code);
  };
  for (const c of currencies.currencies) {
    for (const u of c.units) {
      if (units.has(u) && !owner.has(`unit:${u}`)) fail(`unit "${u}" is both generic and ${c.code}`);
      claim('unit', u, c.code);
      units.set(u, c.code);
    }
    for (const p of c.prefixes) {
      claim('prefix', p, c.code);
      prefixes.set(p, c.code);
    }
  }
  const before = new WordTable<MoneyMod | null>();
  for (const [w, m] of Object.entries(modifiers.before)) before.set(w, m);
  const after = new WordTable<MoneyMod | null>();
  for (const [w, m] of Object.entries(modifiers.after)) after.set(w, m);
  return {
    units,
    genericNotFollowedBy: new CodeSet(currencies.genericNotFollowedBy.filter((ch) => ch.length === 1)),
    prefixes,
    establishesYuan: new Map(currencies.currencies.flatMap((c) => (c.establishesYuan ? [[c.code, c.establishesYuan] as const] : []))),
    before,
    after,
  };
}
