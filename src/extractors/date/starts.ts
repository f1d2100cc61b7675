/**
 * Where each family of date rules can start, built once per rule set from the rule tables.
 * The characters that open a date word (上, 大, 本, 元, 年 ...) open far more ordinary
 * words (上市, 大学, 本次, 元素): about 80 positions of a 700-character article. The
 * first two characters tell them apart, so a family's reader runs only where one of
 * its words starts (a few positions per article).
 */
import { charClass, type CharClass } from '../../text/charClass.js';
import { CodePairFilter, CodeSet, codeSetOf } from '../../text/codeSet.js';
import type { NumeralTables } from '../../numeral/index.js';
import { DEICTIC_CENTURY } from './century.js';
import type { DateRules } from './index.js';

/** The rule families, as bits. */
export const WEEKDAY = 1, CENTURY = 2, DEICTIC = 4, YEAR_PART = 8, HOLIDAY = 16, LUNAR = 32, ERA = 64, PAIR = 128, TERM = 256, HALF = 512;

export interface DateStarts {
  /** characters a date can start with: number starts and the first characters of date words */
  chars: CharClass;
  /** the families that may match at i (0 for most positions, and past the end) */
  familiesAt(view: string, i: number): number;
  /**
   * What may follow a number (after up to two spaces) that opens a date written with
   * words: 年, 月, 日, Q, 夕, a range joiner (parseDateAt), 世 (centuryAt), a unit of a
   * relative date or 个 (relativeAt). Most numbers are amounts and counts, followed by none.
   */
  afterNumber: CodeSet;
}

/** first code unit * 0x10000 + second code unit: one number, so the pair lookup makes no string */
const pairKey = (a: number, b: number) => a * 0x10000 + b;

class StartTable {
  /** code of a first character -> families with a word starting with it */
  readonly first = new Uint16Array(0x10000);
  /** code of a first character -> families for which any second character may follow it */
  readonly anySecond = new Uint16Array(0x10000);
  /** pairKey of a word's first two characters -> families */
  readonly pairs = new Map<number, number>();
  /** the same pairs in an 8 KB filter: most positions (大学, 上市) are turned away without the Map */
  readonly pairFilter = new CodePairFilter();

  /**
   * A word of `bit`'s family. A one-character word is followed by one of `then` (weekday
   * prefixes after 上, a weekday after 周), or by anything when `then` is not given.
   */
  word(bit: number, word: string, then?: Iterable<string>): void {
    const a = word.charCodeAt(0);
    this.first[a]! |= bit;
    if (word.length >= 2) this.pair(bit, a, word.charCodeAt(1));
    else if (then) for (const c of then) this.pair(bit, a, c.charCodeAt(0));
    else this.anySecond[a]! |= bit;
  }
  pair(bit: number, a: number, b: number): void {
    const key = pairKey(a, b);
    this.pairs.set(key, (this.pairs.get(key) ?? 0) | bit);
    this.pairFilter.add(a, b);
  }
  /** Families whose reader also reads a number at its start (lunarAt 八月, decadeAt 八十年代): any second character. */
  numbersToo(bits: number, numerals: NumeralTables): void {
    for (let c = 0; c < 0x10000; c++) if (this.first[c]! & bits && numerals.startChars.has(c)) this.anySecond[c]! |= this.first[c]! & bits;
  }
}

const cache = new WeakMap<DateRules, DateStarts>();

export function dateStarts(rules: DateRules): DateStarts {
  let starts = cache.get(rules);
  if (starts) return starts;
  const { numerals, dates: t } = rules;
  const table = new StartTable();
  const words = (bit: number, list: Iterable<string>, then?: Iterable<string>) => {
    for (const w of list) table.word(bit, w, then);
  };
  // weekdayAt: a prefix (星期, 周 + a weekday), or a week shift (上, 下个) + 周 or a prefix
  words(WEEKDAY, t.weekdayPrefixes, [...t.weekdays.keys()]);
  words(WEEKDAY, t.weekShift.map(([w]) => w), ['周', ...t.weekdayPrefixes.map((w) => w[0]!)]);
  words(CENTURY, DEICTIC_CENTURY.map(([w]) => w));
  words(DEICTIC, t.deicticWords);
  // 昨（9）日: bracketedDeicticAt, the deictic word's first character and a bracket
  words(DEICTIC, t.deicticWords.map((w) => w[0]!), ['（', '(']);
  words(YEAR_PART, t.yearParts.filter((p) => p.word.length >= 2 && p.part && /^[QH]/.test(p.part)).map((p) => p.word));
  words(HOLIDAY, t.holidayWords);
  words(LUNAR, t.lunarStartWords);
  words(ERA, t.eraWords);
  words(PAIR, t.pairWords);
  words(TERM, t.solarTermWords);
  words(HALF, ['半年']);
  table.numbersToo(LUNAR | CENTURY | HALF, numerals);
  const { first, anySecond, pairs, pairFilter } = table;
  const familyChars = [...first.keys()].filter((code) => first[code] !== 0).map((code) => String.fromCharCode(code));
  const afterNumber = codeSetOf(['年', '月', '日', 'Q', '夕', ...t.rangeJoiners, '世', ...t.relativeUnitWords, '个']);
  starts = {
    afterNumber,
    chars: charClass([...'0123456789', ...numerals.digits.keys(), ...numerals.smallUnits.keys(), ...familyChars]),
    familiesAt(view, i) {
      if (i >= view.length) return 0;
      const a = view.charCodeAt(i);
      if (first[a] === 0) return 0;
      // past the end the second code is NaN: no pair, only the families that need none
      const b = view.charCodeAt(i + 1);
      if (!pairFilter.mayHave(a, b)) return anySecond[a]!;
      return anySecond[a]! | (pairs.get(pairKey(a, b)) ?? 0);
    },
  };
  cache.set(rules, starts);
  return starts;
}
