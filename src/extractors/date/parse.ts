/**
 * Reading one calendar expression at a position of the match view:
 * 2020 年 12 月, 2019-06-01, 2024/5/31, 二〇二四年五月, 3 月 19 日, 2021 年初,
 * 2023 年最后一个季度, 5月中旬, 21日. Ranges and deictic words are handled by the extractor.
 */
import { scanNumber, type NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit, skipSpaces } from '../../text/matchView.js';
import { matchPart, type DatePart, type DateTables } from './tables.js';

export interface DateParts {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  part?: DatePart;
  /** the end of a range written once: 1-5月 (monthTo 5), 12-19日 (dayTo 19) */
  monthTo?: number;
  dayTo?: number;
  /** how it was written, for the rule id */
  form: 'iso' | 'ymd' | 'md' | 'd';
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

/** An exact whole number written at i (no vague count, no 余/多), with where it ends. */
function wholeNumber(view: string, i: number, numerals: NumeralTables) {
  const n = scanNumber(view, i, numerals);
  if (!n || n.vague || n.moreThan || n.min !== Math.floor(n.min)) return null;
  return n;
}

/** 4-digit year number at i (2024, 二〇二四) or null. */
export function yearNumberAt(view: string, i: number, numerals: NumeralTables) {
  const n = wholeNumber(view, i, numerals);
  if (!n || !n.plainDigits || n.digitCount !== 4 || n.min < MIN_YEAR || n.min > MAX_YEAR) return null;
  return n;
}

/** 2019-06-01, 2024/5/31, 2024.5.31 (month and day checked). */
function isoDateAt(view: string, i: number): DateParts | null {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(view.slice(i, i + 11));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { start: i, end: i + m[0].length, year, month, day, form: 'iso' };
}

/** month [day | month part] starting at i: 12 月, 3 月 19 日, 5月中旬 */
/** `1-5` or `12至19`: a second number after a range joiner, greater than the first and at most `max`. */
function secondOfRange(view: string, first: { end: number; min: number }, max: number, numerals: NumeralTables, tables: DateTables) {
  const j = skipSpaces(view, first.end, 1);
  const joiner = tables.rangeJoiners.find((w) => view.startsWith(w, j));
  if (!joiner) return null;
  const second = wholeNumber(view, skipSpaces(view, j + joiner.length, 1), numerals);
  return second && second.min > first.min && second.min <= max ? second : null;
}

function monthAt(view: string, i: number, numerals: NumeralTables, tables: DateTables) {
  const n = wholeNumber(view, i, numerals);
  if (!n || n.min < 1 || n.min > 12) return null;
  // 1-5月: a range of months written with one 月
  const monthRange = secondOfRange(view, n, 12, numerals, tables);
  const m = skipSpaces(view, (monthRange ?? n).end, 1);
  if (view[m] !== '月') return null;
  const month = n.min;
  let end = m + 1;
  let day: number | undefined;
  let dayTo: number | undefined;
  let part: DatePart | undefined;
  if (monthRange) return { end, month, monthTo: monthRange.min, day, part };
  const d = skipSpaces(view, end, 1);
  const dayNumber = wholeNumber(view, d, numerals);
  if (dayNumber && dayNumber.min >= 1 && dayNumber.min <= 31) {
    // 12-19日: a range of days written with one 日
    const dayRange = secondOfRange(view, dayNumber, 31, numerals, tables);
    const unit = skipSpaces(view, (dayRange ?? dayNumber).end, 1);
    if (view[unit] === '日' || view[unit] === '号') {
      day = dayNumber.min;
      if (dayRange) dayTo = dayRange.min;
      end = unit + 1;
    }
  }
  if (dayTo !== undefined) return { end, month, day, dayTo, part };
  if (day === undefined) {
    const p = matchPart(view, end, tables.monthParts);
    if (p) {
      end += p.word.length;
      if (p.part) part = p.part;
    }
  }
  return { end, month, day, part };
}

/** After a year (and 年): a part of the year or a month. */
export function afterYear(view: string, yearEnd: number, numerals: NumeralTables, tables: DateTables) {
  const k = skipSpaces(view, yearEnd, 1);
  const p = matchPart(view, k, tables.yearParts);
  if (p) return { end: k + p.word.length, part: p.part ?? undefined };
  const m = monthAt(view, k, numerals, tables);
  if (m) return m;
  return null;
}

/** A calendar expression starting at i, or null. */
export function parseDateAt(view: string, i: number, numerals: NumeralTables, tables: DateTables): DateParts | null {
  if (isAsciiDigit(view[i])) {
    const iso = isoDateAt(view, i);
    if (iso) return iso;
  }
  const year = yearNumberAt(view, i, numerals);
  if (year) {
    const y = skipSpaces(view, year.end, 1);
    // 2023Q4: a quarter right after the digits
    if (view[y] !== '年') {
      const q = /^Q([1-4])/.exec(view.slice(y, y + 2));
      return q ? { start: i, end: y + 2, year: year.min, part: `Q${q[1]}` as DatePart, form: 'ymd' } : null;
    }
    const rest = afterYear(view, y + 1, numerals, tables);
    return { start: i, year: year.min, ...(rest ?? {}), end: rest?.end ?? y + 1, form: "ymd" };
  }
  // 15年3月2日, 98年4月: a two-digit year, only before a month (15年 alone is fifteen years)
  const short = isAsciiDigit(view[i]) ? wholeNumber(view, i, numerals) : null;
  if (short && short.plainDigits && short.digitCount === 2 && view[skipSpaces(view, short.end, 1)] === '年') {
    const rest = monthAt(view, skipSpaces(view, skipSpaces(view, short.end, 1) + 1, 1), numerals, tables);
    if (rest) return { start: i, year: short.min <= 30 ? 2000 + short.min : 1900 + short.min, ...rest, form: 'ymd' };
  }
  const month = monthAt(view, i, numerals, tables);
  if (month) return { start: i, ...month, form: 'md' };
  // a day alone (21日): Arabic digits only, 日 only (号 alone is too often a number sign)
  if (isAsciiDigit(view[i])) {
    const n = wholeNumber(view, i, numerals);
    if (n && n.plainDigits && n.min >= 1 && n.min <= 31) {
      const u = skipSpaces(view, n.end, 1);
      if (view[u] === '日' && !tables.dayNotFollowedBy.has(view[u + 1] ?? '')) return { start: i, end: u + 1, day: n.min, form: 'd' };
    }
  }
  return null;
}
