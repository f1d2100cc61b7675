/**
 * Reading one calendar expression at a position of the match view:
 * 2020 年 12 月, 2019-06-01, 2024/5/31, 二〇二四年五月, 3 月 19 日, 2021 年初,
 * 2023 年最后一个季度, 5月中旬, 21日, 07年8月, 2023年前三季度, 3月第二周.
 * Ranges and deictic words are handled by the extractor; numeric forms by numeric.ts.
 */
import { scanNumber, type NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit, isAsciiDigitCode, isHan, isLatin as isLatinLetter, skipSpaces } from '../../text/matchView.js';
import { matchPart, rangeJoinerAt, type DatePart, type DateTables, type Holiday, type SolarTerm } from './tables.js';
import type { RefDate } from './refDate.js';
import { numericDateAt } from './numeric.js';
import { CodeSet, codeSetOf } from '../../text/codeSet.js';
import { lunarAt, type LunarParts } from './lunarParse.js';

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
  /** 前三季度 (quarter 1, quarterTo 3), 后两个季度 */
  quarter?: number;
  quarterTo?: number;
  /** 第二周 of the month (or of the year when there is no month) */
  week?: number;
  /** 第三个星期日 of the month: [n, ISO weekday] */
  nthWeekday?: [number, number];
  /** 一季度末, 四季度初: the mod of a quarter or half */
  edge?: 'START' | 'MID' | 'END';
  /** 农历十月初一, 春节: a lunar month or day */
  lunar?: LunarParts;
  /** 2022年冬至: a solar term of the year */
  solarTerm?: SolarTerm;
  /** 2016年感恩节: a holiday of the year */
  holiday?: Holiday;
  /** a two-digit year (07年): its digits, read against refDate by the extractor */
  shortYear?: number;
  /** how it was written, for the rule id */
  form: 'iso' | 'ymd' | 'md' | 'd' | 'numeric';
}

/** What the caller allows beyond running-text dates (a known time expression). */
export interface ParseOptions {
  /** the whole input is known to be a time expression: bare forms are dates */
  expression?: boolean;
  /** reading the second end of a range (after 至, -): 2008.03-2009 ends in a bare year */
  rangeTail?: boolean;
  refDate?: RefDate;
  /** the year of the latest date read so far (2019年5月 -> '2019'), the anchor of 次年 and 同年 */
  anchorYear?: string;
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

/** `1-5` or `12至19`: a second number after a range joiner, greater than the first and at most `max`. */
function secondOfRange(view: string, first: { end: number; min: number }, max: number, numerals: NumeralTables, tables: DateTables) {
  const j = skipSpaces(view, first.end, 1);
  const joiner = rangeJoinerAt(view, j, tables);
  if (!joiner) return null;
  const second = wholeNumber(view, skipSpaces(view, j + joiner.length, 1), numerals);
  return second && second.min > first.min && second.min <= max ? second : null;
}

/** 第二周, 第3个星期, 第一个礼拜 (week of a month or year) or 第三个星期日 (n-th weekday), after an optional 的. */
function ordinalWeekAt(view: string, i: number, numerals: NumeralTables, tables: DateTables, maxWeek: number) {
  let k = view[i] === '的' ? i + 1 : i;
  if (view[k] !== '第') return null;
  const n = wholeNumber(view, k + 1, numerals);
  if (!n || n.min < 1 || n.min > maxWeek) return null;
  k = n.end;
  const counted = view[k] === '个';
  if (counted) k++;
  const prefix = tables.weekdayPrefixes.find((w) => view.startsWith(w, k));
  if (!prefix) return null;
  k += prefix.length;
  const weekday = tables.weekdays.get(view[k] ?? '');
  // 第三个星期日: the n-th such weekday (months only); 周末 names no single day
  if (weekday !== undefined) return weekday === null || maxWeek > 5 || n.min > 5 ? null : { end: k + 1, nthWeekday: [n.min, weekday] as [number, number] };
  // 第二周 / 第二个星期; 第二个周 is not said
  if (prefix === '周' && counted) return null;
  return { end: k, week: n.min };
}

/** A day number right after 月 with no 日/号 (1月3, 十月31): Arabic digits, then the end of the expression. */
function bareDayAt(view: string, i: number, numerals: NumeralTables, tables: DateTables, opts: ParseOptions) {
  if (!isAsciiDigit(view[i])) return null;
  const n = wholeNumber(view, i, numerals);
  if (!n || !n.plainDigits || n.min < 1 || n.min > 31) return null;
  const next = view[n.end] ?? '';
  const k = skipSpaces(view, n.end, 1);
  // only where nothing can follow the number as its unit: 1月3家 is three firms
  const ends = next === '' || /\s/.test(next) || rangeJoinerAt(view, k, tables) !== undefined || tables.bareDayFollowers.has(next);
  return ends || (opts.expression && n.end === view.length) ? n : null;
}

function monthAt(view: string, i: number, numerals: NumeralTables, tables: DateTables, opts: ParseOptions) {
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
  if (monthRange) {
    // 1-9月份: 份 (a part word with no mod) belongs to the range; 1-3月底 is not one range
    const p = matchPart(view, end, tables.monthParts);
    return { end: p && p.part === null ? end + p.word.length : end, month, monthTo: monthRange.min, day, part };
  }
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
    } else if (!dayRange && d === end) {
      const bare = bareDayAt(view, d, numerals, tables, opts);
      if (bare) return { end: bare.end, month, day: bare.min };
    }
  }
  if (dayTo !== undefined) return { end, month, day, dayTo, part };
  if (day === undefined) {
    const p = matchPart(view, end, tables.monthParts);
    if (p) {
      end += p.word.length;
      if (p.part) part = p.part;
    }
    if (!p || !p.part) {
      const w = ordinalWeekAt(view, end, numerals, tables, 5);
      if (w) return { end: w.end, month, ...(w.week && { week: w.week }), ...(w.nthWeekday && { nthWeekday: w.nthWeekday }) };
    }
  }
  return { end, month, day, part };
}

/** 前三季度, 后两个季度, 前五个月, 后三月, 首月, 第8个月: a span of a year counted from one end. */
function countedSpanAt(view: string, i: number, numerals: NumeralTables) {
  if (view.startsWith('首月', i)) return { end: i + 2, month: 1 };
  // 头两个月 is 前两个月
  const head = view[i] === '头' ? '前' : view[i];
  if (head !== '前' && head !== '后' && head !== '第') return null;
  const n = wholeNumber(view, i + 1, numerals);
  if (!n) return null;
  let k = n.end;
  const counted = view[k] === '个';
  if (counted) k++;
  if (view.startsWith('季度', k) && head !== '第') {
    if (n.min < 1 || n.min > 4) return null;
    return head === '前' ? { end: k + 2, quarter: 1, quarterTo: n.min } : { end: k + 2, quarter: 5 - n.min, quarterTo: 4 };
  }
  // 第8个月 and 前五个月 need 个 unless the month count is short (前两月); 第8月 is just 8月
  if (view[k] !== '月' || n.min < 1 || n.min > 12 || (head === '第' && !counted)) return null;
  if (head === '第') return { end: k + 1, month: n.min };
  return head === '前' ? { end: k + 1, month: 1, monthTo: n.min } : { end: k + 1, month: 13 - n.min, monthTo: 12 };
}

/** After a year (and 年): a part of the year, a month, a counted span or a week. */
export function afterYear(view: string, yearEnd: number, numerals: NumeralTables, tables: DateTables, opts: ParseOptions = {}) {
  const k = skipSpaces(view, yearEnd, 1);
  const p = matchPart(view, k, tables.yearParts);
  if (p) {
    const end = k + p.word.length;
    const part = p.part ?? undefined;
    // 一季度末, 四季度初: the start or end of a quarter or half
    if (part && /^[QH]/.test(part)) {
      const edge = matchPart(view, end, tables.quarterEdges);
      if (edge?.part === 'START' || edge?.part === 'MID' || edge?.part === 'END') return { end: end + edge.word.length, part, edge: edge.part };
    }
    return { end, part };
  }
  const schoolBreak = tables.schoolBreaks.startingAt(view, k);
  if (schoolBreak) return { end: k + schoolBreak.word.length, ...schoolBreak.value };
  const holiday = tables.holidays.startingAt(view, k);
  if (holiday) return { end: k + holiday.word.length, holiday: holiday.value };
  const term = tables.solarTerms.startingAt(view, k);
  if (term) return { end: k + term.word.length, solarTerm: term.value };
  // after the solar terms: 2020年冬至 is the solstice, not winter until something
  const season = tables.seasonChars.get(view[k] ?? '');
  if (season && (!isHan(view[k + 1]) || tables.seasonCharFollowers.has(view[k + 1]!))) return { end: k + 1, part: season };
  const span = countedSpanAt(view, k, numerals);
  if (span) return span;
  const lunar = lunarAt(view, k, numerals, tables, true);
  if (lunar && !lunar.year) return { end: lunar.end, lunar: lunar.lunar };
  const w = ordinalWeekAt(view, k, numerals, tables, 53);
  if (w?.week) return { end: w.end, week: w.week };
  const m = monthAt(view, k, numerals, tables, opts);
  if (m) return m;
  return null;
}

/** Han digits that count (七八年 is seven or eight years, not 1978): consecutive digits, and 三五. */
function isApproximateCount(view: string, start: number, end: number, numerals: NumeralTables): boolean {
  if (end - start !== 2 || isAsciiDigit(view[start])) return false;
  const a = numerals.digits.get(view[start]!);
  const b = numerals.digits.get(view[start + 1]!);
  return a !== undefined && b !== undefined && (b === a + 1 || a === 3 && b === 5);
}

/** 05年3月, 九六年三季度, 19年底, 零六年, 三三年: a year written with two digits. */
function shortYearAt(view: string, i: number, numerals: NumeralTables, tables: DateTables, opts: ParseOptions): DateParts | null {
  const short = wholeNumber(view, i, numerals);
  if (!short || !short.plainDigits || short.digitCount !== 2) return null;
  const y = skipSpaces(view, short.end, 1);
  if (view[y] !== '年') return null;
  if (tables.shortYearNotAfter.has(view[i - 1] ?? '')) return null;
  const rest = afterYear(view, y + 1, numerals, tables, opts);
  // 30年中 is "in thirty years": a lone 中 after a short year is not mid-year
  if (rest && !('part' in rest && rest.part === 'MID' && rest.end - skipSpaces(view, y + 1, 1) === 1)) {
    const parts = completed(rest, i, 'ymd');
    parts.shortYear = short.min;
    return parts;
  }
  // alone: 08年 and 零六年 (a leading zero is no count), 三三年 (Han digits are no count
  // unless consecutive: 七八年 is seven or eight years); 24年 alone is twenty-four years
  const leadingZero = view[i] === '0' || numerals.digits.get(view[i]!) === 0;
  const hanYear = !isAsciiDigit(view[i]) && !isApproximateCount(view, i, short.end, numerals);
  if (isApproximateCount(view, i, short.end, numerals)) return null;
  if (leadingZero || opts.expression || hanYear && !tables.countFollowers.has(view[y + 1] ?? '')) {
    return { start: i, end: y + 1, shortYear: short.min, form: 'ymd' };
  }
  return null;
}

/**
 * What may follow the number that opens a date written with words: 年, 月, 日, Q (2023Q4),
 * 夕 (七夕) or a range joiner (1-5月). Built once per tables.
 */
const openersCache = new WeakMap<DateTables, CodeSet>();
function numberFollowersOfDates(tables: DateTables): CodeSet {
  let set = openersCache.get(tables);
  if (!set) {
    set = codeSetOf(['年', '月', '日', 'Q', '夕', ...tables.rangeJoiners]);
    openersCache.set(tables, set);
  }
  return set;
}

/**
 * What afterYear or monthAt read (a fresh object each time, never kept by them), made the
 * DateParts of a whole date in place: copying it into a new object with a spread was the
 * slowest step of reading a date.
 */
function completed(rest: { end: number }, start: number, form: DateParts['form']): DateParts {
  const parts = rest as DateParts;
  parts.start = start;
  parts.form = form;
  return parts;
}

/** A calendar expression starting at i, or null. */
export function parseDateAt(view: string, i: number, numerals: NumeralTables, tables: DateTables, opts: ParseOptions = {}): DateParts | null {
  // by code: view[i] would make a string of a Han digit
  const digitFirst = isAsciiDigitCode(view.charCodeAt(i));
  if (digitFirst) {
    const numeric = numericDateAt(view, i, tables, opts);
    if (numeric) return numeric;
  }
  // most numbers are amounts and counts: unless a date word follows, no form below can match
  // (a bare year needs a range or a known time expression, which skip this test)
  if (!opts.rangeTail && !opts.expression) {
    const n = scanNumber(view, i, numerals);
    if (n && !numberFollowersOfDates(tables).has(view.charCodeAt(skipSpaces(view, n.end, 2)))) return null;
  }
  const year = yearNumberAt(view, i, numerals);
  if (year) {
    const y = skipSpaces(view, year.end, 1);
    // 2023Q4: a quarter right after the digits
    if (view[y] !== '年') {
      const q = /^Q([1-4])/.exec(view.slice(y, y + 2));
      if (q) return { start: i, end: y + 2, year: year.min, part: `Q${q[1]}` as DatePart, form: 'ymd' };
      // 2018 alone is a date only in a known time expression
      const alone = opts.rangeTail || opts.expression && year.end === view.length && year.start === 0;
      return alone ? { start: i, end: year.end, year: year.min, form: 'ymd' } : null;
    }
    const rest = afterYear(view, y + 1, numerals, tables, opts);
    if (!rest) return { start: i, year: year.min, end: y + 1, form: 'ymd' };
    const parts = completed(rest, i, 'ymd');
    parts.year = year.min;
    return parts;
  }
  // 24Q1, 23Q4: two digits of a year and a quarter, the way financial news writes them
  if (digitFirst && view[i + 2] === 'Q' && isAsciiDigit(view[i + 1]) && !isAsciiDigit(view[i - 1]) && !isLatinLetter(view[i - 1])) {
    const q = view.charCodeAt(i + 3) - 0x30;
    if (q >= 1 && q <= 4 && !isAsciiDigit(view[i + 4]) && !isLatinLetter(view[i + 4])) {
      return { start: i, end: i + 4, shortYear: Number(view.slice(i, i + 2)), part: `Q${q}` as DatePart, form: 'ymd' };
    }
  }
  const short = shortYearAt(view, i, numerals, tables, opts);
  if (short) return short;
  const lunar = lunarAt(view, i, numerals, tables, false);
  if (lunar && !lunar.year) return { start: i, end: lunar.end, lunar: lunar.lunar, form: 'md' };
  const month = monthAt(view, i, numerals, tables, opts);
  if (month) return completed(month, i, 'md');
  // a day alone (21日): Arabic digits only, 日 only (号 alone is too often a number sign)
  if (digitFirst) {
    const n = wholeNumber(view, i, numerals);
    if (n && n.plainDigits && n.min >= 1 && n.min <= 31) {
      const u = skipSpaces(view, n.end, 1);
      if (view[u] === '日' && !tables.dayNotFollowedBy.has(view[u + 1] ?? '')) return { start: i, end: u + 1, day: n.min, form: 'd' };
    }
  }
  return null;
}

/** A day alone at the end of a range (6月4日至17日, 十一月六号到十二号): Han digits and 号 allowed there. */
export function rangeDayAt(view: string, i: number, numerals: NumeralTables): DateParts | null {
  const n = wholeNumber(view, i, numerals);
  if (!n || n.min < 1 || n.min > 31 || n.min !== Math.floor(n.min)) return null;
  const u = skipSpaces(view, n.end, 1);
  if (view[u] === '日' || view[u] === '号') return { start: i, end: u + 1, day: n.min, form: 'd' };
  return null;
}

export { wholeNumber };
