/**
 * Where each family of date rules can start, built once per rule set from the rule tables.
 * The characters that open a date word (上, 大, 本, 元, 年 ...) open far more ordinary
 * words (上市, 大学, 本次, 元素): about 80 positions of a 700-character article. The
 * first two characters tell them apart, so a family's reader runs only where one of
 * its words starts (a few positions per article).
 */
import { CodePairFilter, CodeSet, codeSetOf } from '../../text/codeSet.js';
import type { NumeralTables } from '../../numeral/index.js';
import { DEICTIC_CENTURY } from './century.js';
import type { DateRules } from './index.js';

/** The rule families, as bits. */
export const WEEKDAY = 1, CENTURY = 2, DEICTIC = 4, YEAR_PART = 8, HOLIDAY = 16, LUNAR = 32, ERA = 64, PAIR = 128, TERM = 256, HALF = 512;

export interface DateStarts {
  /**
   * The next offset from `from` where a number starts or a family's word may (familiesAt is
   * not 0), or -1. The characters that open date words open many more ordinary ones (上市,
   * 大学): those are passed over in the scan, without a stop in the extractor's loop.
   */
  next(view: string, from: number): number;
  /** the families that may match at i (0 for most positions, and past the end) */
  familiesAt(view: string, i: number): number;
  /**
   * Can what stands at `at`, after a number, open a date written with words: 年, 月, 日, Q,
   * 夕, a range joiner (parseDateAt), 世 (centuryAt), a unit of a relative date (relativeAt)?
   * Most numbers are amounts and counts, followed by none; 个 (一个, 三个) only when a unit
   * or 多/半 follows it (三个月, 两个半月).
   */
  followsNumber(view: string, at: number): boolean;
}

/** first code unit * 0x10000 + second code unit: one number, so the pair lookup makes no string */
const pairKey = (a: number, b: number) => a * 0x10000 + b;

/** The families' start words as they are added, compiled by `compile` into the tables familiesAt reads. */
class StartTable {
  /** code of a first character -> families with a word starting with it */
  readonly first = new Map<number, number>();
  /** code of a first character -> families for which any second character may follow it */
  readonly anySecond = new Map<number, number>();
  /** pairKey of a word's first two characters -> families */
  readonly pairs = new Map<number, number>();

  /**
   * A word of `bit`'s family. A one-character word is followed by one of `then` (weekday
   * prefixes after 上, a weekday after 周), or by anything when `then` is not given.
   */
  word(bit: number, word: string, then?: Iterable<string>): void {
    const a = word.charCodeAt(0);
    or(this.first, a, bit);
    if (word.length >= 2) or(this.pairs, pairKey(a, word.charCodeAt(1)), bit);
    else if (then) for (const c of then) or(this.pairs, pairKey(a, c.charCodeAt(0)), bit);
    else or(this.anySecond, a, bit);
  }
  /** Families whose reader also reads a number at its start (lunarAt 八月, decadeAt 八十年代): any second character. */
  numbersToo(bits: number, numerals: NumeralTables): void {
    for (const [a, families] of this.first) if (families & bits && numerals.startChars.has(a)) or(this.anySecond, a, families & bits);
  }
  /**
   * familiesAt over small tables: the 8 KB bitsets turn most positions away, the Maps
   * answer for the few left. Arrays over all 64K code units would be 128 KB each, and
   * within a whole pipeline (jieba runs between two articles) every read of them was a
   * cache miss.
   */
  compile(): (view: string, i: number) => number {
    const firsts = new CodeSet();
    for (const a of this.first.keys()) firsts.add(a);
    const anyChars = new CodeSet();
    for (const a of this.anySecond.keys()) anyChars.add(a);
    const pairFilter = new CodePairFilter();
    for (const key of this.pairs.keys()) pairFilter.add(Math.floor(key / 0x10000), key % 0x10000);
    const { anySecond, pairs } = this;
    return (view, i) => {
      const a = view.charCodeAt(i); // NaN past the end: in no set
      if (!firsts.has(a)) return 0;
      const any = anyChars.has(a) ? anySecond.get(a)! : 0;
      // the last character has no second one (NaN): only the families that need none
      const b = view.charCodeAt(i + 1);
      return pairFilter.mayHave(a, b) ? any | (pairs.get(pairKey(a, b)) ?? 0) : any;
    };
  }
}

function or(map: Map<number, number>, key: number, bits: number): void {
  map.set(key, (map.get(key) ?? 0) | bits);
}

const cache = new WeakMap<DateRules, DateStarts>();

/** the measure word of a counted unit (三个月, 两个星期) */
const COUNTER = '个';

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
  const familyChars = [...table.first.keys()].map((code) => String.fromCharCode(code));
  const counterUnits = t.relativeUnitWords.filter((w) => w.startsWith(COUNTER));
  const afterNumber = codeSetOf(['年', '月', '日', 'Q', '夕', ...t.rangeJoiners, '世', ...t.relativeUnitWords.filter((w) => !w.startsWith(COUNTER))]);
  // what relativeAt reads after 个: the rest of a unit (个月), or 多 or 半 before one
  const afterCounter = codeSetOf([...counterUnits.map((w) => w.slice(COUNTER.length)), '多', '半']);
  const counter = COUNTER.charCodeAt(0);
  const familiesAt = table.compile();
  const familyFirsts = codeSetOf(familyChars);
  // the characters that open a number (Arabic and Han digits, 十百千) and those of the words
  // that do too (the numeral table's start characters)
  const numberChars = new CodeSet();
  for (const ch of [...'0123456789', ...numerals.digits.keys(), ...numerals.smallUnits.keys(), ...familyChars]) {
    if (ch.length === 1 && numerals.startChars.has(ch.charCodeAt(0))) numberChars.add(ch.charCodeAt(0));
  }
  starts = {
    followsNumber: (view, at) => {
      const c = view.charCodeAt(at);
      return afterNumber.has(c) || (c === counter && afterCounter.has(view.charCodeAt(at + 1)));
    },
    next: (view, from) => {
      for (let i = from; i < view.length; i++) {
        const c = view.charCodeAt(i);
        if (numberChars.has(c) || (familyFirsts.has(c) && familiesAt(view, i) !== 0)) return i;
      }
      return -1;
    },
    familiesAt,
  };
  cache.set(rules, starts);
  return starts;
}
