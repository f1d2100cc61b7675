/**
 * Money extractor: a number (shared numeral grammar) with a currency written next to
 * it: a unit after (18 亿美元, 5亿元人民币), a prefix before (人民币3亿元, US$5),
 * or both. Ranges (200 万美元至 1200 万美元, 10-20亿美元) are one mention. A number
 * with no currency (1750 亿参数, 394 万次, 百亿估值) is never money.
 * Modifiers (约, 超过, 左右) are added afterwards by the modifier refiner.
 */
import type { DocContext } from '../../context.js';
import type { MoneyCandidate } from '../candidate.js';
import { afterSpace, ASCII_DIGIT, beforeSpace, DIGIT, MORE_THAN, nextNumberStart, numeralKind, scanNumber, SMALL_UNIT, VAGUE, type NumberExpr, type NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit } from '../../text/matchView.js';
import { extractEnglishAmounts } from './english.js';
import { CodeSet } from '../../text/codeSet.js';
import type { MoneyTables } from './tables.js';

export interface MoneyRules {
  numerals: NumeralTables;
  money: MoneyTables;
}

// one character each: a range is told by the code of the character after its first half
const RANGE_JOINERS = new CodeSet('至到-－—–~～');

// 50元6角3分: jiao and fen after the yuan add tenths and hundredths
const SUBUNITS = [['角', 0.1], ['毛', 0.1], ['分', 0.01]] as const;

interface Amount {
  start: number;
  end: number;
  number: NumberExpr;
  /** ISO code written with the amount, null for a generic unit (元), undefined for none */
  currency: string | null | undefined;
  hasUnit: boolean;
}

/** The currency unit right after a number (optionally after 多/余 and one space). */
function unitAfter(view: string, n: NumberExpr, rules: MoneyRules) {
  const { money, numerals } = rules;
  let j = n.end;
  let moreThan = false;
  if (numeralKind(view, j, numerals) & MORE_THAN && !n.plainDigits) {
    // 1亿多元: 多 between the multiplier and the currency
    moreThan = true;
    j++;
  }
  j = afterSpace(view, j, numerals);
  const unit = money.units.startingAt(view, j);
  if (!unit) return null;
  let end = j + unit.word.length;
  if (unit.value === null && money.genericNotFollowedBy.has(view.charCodeAt(end))) return null;
  let cents = 0;
  // a digit after the unit is where jiao and fen would start (most amounts have none)
  if ((unit.value === null || unit.value === 'CNY') && numeralKind(view, end, numerals) & (DIGIT | ASCII_DIGIT)) {
    for (const [sub, worth] of SUBUNITS) {
      const d = numerals.digits.get(view[end]!) ?? (isAsciiDigit(view[end]) ? Number(view[end]) : undefined);
      if (d !== undefined && view[end + 1] === sub && !/[钟之]/.test(view[end + 2] ?? '')) {
        cents += d * worth;
        end += 2;
      }
    }
  }
  return { end, currency: unit.value, moreThan, cents };
}

function amountAt(view: string, i: number, rules: MoneyRules): Amount | null {
  const number = scanNumber(view, i, rules.numerals);
  if (!number) return null;
  const unit = unitAfter(view, number, rules);
  const prefixEnd = beforeSpace(view, i, rules.numerals);
  let prefix = rules.money.prefixes.endingAt(view, prefixEnd);
  // 4人民币 5美元: a currency word right after a number is that number's unit, not our prefix
  if (prefix && isNumberChar(view[prefixEnd - prefix.word.length - 1], rules.numerals)) prefix = undefined;
  const start = prefix ? prefixEnd - prefix.word.length : i;
  const withCents = unit?.cents ? { ...number, min: Math.round((number.min + unit.cents) * 100) / 100, max: Math.round((number.max + unit.cents) * 100) / 100 } : number;
  const n = unit?.moreThan ? { ...withCents, moreThan: true } : withCents;
  if (unit) return { start, end: unit.end, number: n, currency: unit.currency ?? prefix?.value ?? null, hasUnit: true };
  // a currency word before a bare number needs a multiplier (人民币3亿; not 美元16:30)
  if (prefix && (number.scale > 1 || !/[\u4e00-\u9fff]/.test(prefix.word))) return { start, end: number.end, number, currency: prefix.value, hasUnit: false };
  return { start: i, end: number.end, number, currency: undefined, hasUnit: false };
}

/** Numeric fields of one amount: value, or min/max for a vague count. */
function valueFields(n: NumberExpr): Pick<MoneyCandidate, 'value' | 'min' | 'max' | 'mod'> {
  if (n.vague) return { min: n.min, max: n.max };
  return n.moreThan ? { value: n.min, mod: 'MORE_THAN' } : { value: n.min };
}

/** 上百万元, 上亿元: "reaching a hundred thousand", the unit alone after 上 (in the span, EQUAL_OR_MORE). */
function upTo(view: string, a: Amount): Amount | null {
  if (view[a.start - 1] !== '上' || a.number.vague || !/^[百千万亿]/.test(view[a.start]!)) return null;
  return { ...a, start: a.start - 1 };
}

function candidate(a: Amount, rule: string): MoneyCandidate {
  const c: MoneyCandidate = { type: 'money', start: a.start, end: a.end, rule, currency: a.currency ?? 'CNY' };
  // valueFields' fields set one by one (a spread of its object was most of this function's time)
  const { value, min, max, mod } = valueFields(a.number);
  if (value !== undefined) c.value = value;
  if (min !== undefined) c.min = min;
  if (max !== undefined) c.max = max;
  if (mod !== undefined) c.mod = mod;
  if (a.currency === null) c.bareYuan = true;
  return c;
}

/** first half of a range + joiner + second half with its currency */
function rangeWith(view: string, first: Amount, rules: MoneyRules): MoneyCandidate | null {
  const j = afterSpace(view, first.end, rules.numerals);
  if (!RANGE_JOINERS.has(view.charCodeAt(j))) return null;
  const second = amountAt(view, afterSpace(view, j + 1, rules.numerals), rules);
  if (!second || second.currency === undefined || second.number.vague || first.number.vague) return null;
  // a generic first unit takes the second's currency: 43亿元至46亿元人民币
  if (first.currency !== undefined && first.currency !== null && first.currency !== second.currency) return null;
  // 10-20亿美元: the first half borrows the multiplier it does not write
  const low = first.number.scale === 1 && !first.hasUnit && second.number.scale > 1 ? first.number.min * second.number.scale : first.number.min;
  if (!(low < second.number.min)) return null;
  // built field by field, in the order candidate() gives them, without the halves' value and mod
  const range: MoneyCandidate = { type: 'money', start: first.start, end: second.end, rule: 'money.range', currency: second.currency ?? 'CNY' };
  if (second.currency === null) range.bareYuan = true;
  range.min = low;
  range.max = second.number.min;
  return range;
}

function isNumberChar(ch: string | undefined, numerals: NumeralTables): boolean {
  return !!ch && (isAsciiDigit(ch) || numerals.digits.has(ch) || numerals.smallUnits.has(ch) || numerals.bigUnits.has(ch));
}

function startsNumber(view: string, i: number, numerals: NumeralTables): boolean {
  const prev = numeralKind(view, i - 1, numerals);
  if (prev & (ASCII_DIGIT | DIGIT | SMALL_UNIT) || view.charCodeAt(i - 1) === 0x2e) return false; // inside a number, or after .
  return (numeralKind(view, i, numerals) & (ASCII_DIGIT | DIGIT | SMALL_UNIT | VAGUE)) !== 0;
}

export function extractMoney(ctx: DocContext, rules: MoneyRules): MoneyCandidate[] {
  const { view } = ctx;
  const found: MoneyCandidate[] = [];
  for (let i = nextNumberStart(view, 0, rules.numerals); i !== -1; i = nextNumberStart(view, i, rules.numerals)) {
    const amount = startsNumber(view, i, rules.numerals) ? amountAt(view, i, rules) : null;
    if (!amount) {
      i++;
      continue;
    }
    const range = rangeWith(view, amount, rules);
    if (range) {
      if (finite(range)) found.push(range);
      i = range.end;
    } else if (amount.currency !== undefined) {
      const up = upTo(view, amount);
      const c = up ? candidate(up, 'money.up-to') : candidate(amount, amount.hasUnit ? 'money.amount-unit' : 'money.prefix-amount');
      if (up) c.mod = 'EQUAL_OR_MORE';
      if (finite(c)) found.push(c);
      i = amount.end;
    } else i = Math.max(amount.number.end, i + 1);
  }
  // no candidate has an undefined field (outputs compare and serialise cleanly): candidate()
  // leaves out what an amount lacks, and a range is built without its halves' value and mod.
  // Each list is checked as it is built: most articles have no English amount, and a
  // concat and a filter per article were two arrays for nothing.
  const english = extractEnglishAmounts(ctx, rules.money);
  for (const c of english) if (finite(c)) found.push(c);
  return found;
}

/** An amount too large for a double (400 digits) is not money anyone reports. */
function finite(c: MoneyCandidate): boolean {
  const ok = (v: number | undefined) => v === undefined || Number.isFinite(v);
  return ok(c.value) && ok(c.min) && ok(c.max);
}
