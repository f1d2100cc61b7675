/**
 * Dates written with digits and separators only: 2019-06-01, 1994.01-19, 20230915,
 * 2022 11 23, 1/2/2020 (day first), 12-11-10, 2024-03, 6·30, 09-01, 12/1. Forms that are also
 * common as plain numbers (2008.03 is a decimal, 1-2 a range of counts) need a
 * context that shows a date: a range (1999.08-2002.02) or a known time expression.
 */
import { isAsciiDigit, isAsciiDigitCode, isLatinCode } from '../../text/matchView.js';
import type { DateParts, ParseOptions } from './parse.js';
import { rangeJoinerAt, type DateTables } from './tables.js';

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const SEPARATORS = new Set(['-', '/', '.', ' ', '·', '・']);

const validYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;
const validMonthDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

// anchored at the start of a short slice; each form written once
const YMD = /^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?![\d])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?![\d.])/;
const SPACED = /^(\d{4}) (\d{1,2}) (\d{1,2})(?![\d.])/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const YY_MM_DD = /^(\d{2})([-/])(\d{2})\2(\d{2})(?![\d/-])/;
const YM = /^(\d{4})([-/.])(\d{1,2})(?![\d])/;
const MIDDOT_MD = /^(\d{1,2})[·・](\d{1,2})(?![\d])/;
const DASH_MD = /^(\d{1,2})-(\d{1,2})(?![\d-])/;
const SLASH_MD = /^(\d{1,2})\/(\d{1,2})(?![\d/])/;

/** 20230915 reads as a date unless a word before it shows a code (订单号, 电话, 代码 ...). */
function codeBefore(view: string, i: number, tables: DateTables): boolean {
  let k = i;
  while (k > 0 && ' :：#'.includes(view[k - 1]!)) k--;
  if (isLatin(view[k - 1])) return true;
  return tables.codeCues.some((w) => view.endsWith(w, k));
}

const SEPARATOR_CODES = new Set([...SEPARATORS].map((c) => c.charCodeAt(0)));
const SLASH = 0x2f, DASH = 0x2d, COLON = 0x3a, POINT = 0x2e, SPACE = 0x20;

/**
 * Can a numeric date start at i, judging by the digits and what is around them? Most
 * numbers are no date: only a separator after the digits, or eight digits, can start one.
 * The extractor asks this before anything else at every number; read by code, no string.
 */
export function numericShapeAt(view: string, i: number, rangeTail: boolean): boolean {
  const prev = view.charCodeAt(i - 1); // NaN at the start: neither a letter nor a separator
  // inside another number-like token (v2.2024.1, 10:30-12/1, A-12-11-10)
  if (isLatinCode(prev) || !rangeTail && (prev === SLASH || prev === DASH || prev === COLON || prev === POINT)) return false;
  let run = i;
  while (run < view.length && run - i < 9 && isAsciiDigitCode(view.charCodeAt(run))) run++;
  const digits = run - i;
  if (digits === 8) return true;
  const sep = view.charCodeAt(run);
  if (!SEPARATOR_CODES.has(sep)) return false;
  // every form below opens with 1, 2 or 4 digits; after a point or a space only the year
  // forms (4 digits) remain, so decimals (10.5亿) and spaced counts (18 亿) stop here
  return !(digits === 3 || digits > 4 || ((sep === POINT || sep === SPACE) && digits !== 4));
}

export function numericDateAt(view: string, i: number, tables: DateTables, opts: ParseOptions): DateParts | null {
  if (!numericShapeAt(view, i, !!opts.rangeTail)) return null;
  const s = view.slice(i, i + 16);
  const next = (len: number) => view[i + len] ?? '';
  const relaxed = opts.expression || opts.rangeTail;
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[5])];
    return validYear(y) && validMonthDay(mo, d) ? { start: i, end: i + m[0].length, year: y, month: mo, day: d, form: 'iso' } : null;
  }
  if ((m = COMPACT.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYear(y) || !validMonthDay(mo, d) || tables.numberFollowers.has(next(8)) || isLatin(next(8))) return null;
    return relaxed || !codeBefore(view, i, tables) ? { start: i, end: i + 8, year: y, month: mo, day: d, form: 'numeric' } : null;
  }
  if ((m = SPACED.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validYear(y) && validMonthDay(mo, d)) return { start: i, end: i + m[0].length, year: y, month: mo, day: d, form: 'numeric' };
  }
  if ((m = DMY.exec(s))) {
    // 1/2/2020: day first, as the European order Chinese text borrows (the zh spec of
    // Recognizers-Text reads it so); 12/25/2020 can only be month first
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [d, mo] = b > 12 ? [b, a] : [a, b];
    return validYear(y) && validMonthDay(mo, d) ? { start: i, end: i + m[0].length, year: y, month: mo, day: d, form: 'numeric' } : null;
  }
  if ((m = YY_MM_DD.exec(s))) {
    const [yy, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return validMonthDay(mo, d) ? { start: i, end: i + m[0].length, shortYear: yy, month: mo, day: d, form: 'numeric' } : null;
  }
  if ((m = YM.exec(s))) {
    const [y, mo] = [Number(m[1]), Number(m[3])];
    if (!validYear(y) || mo < 1 || mo > 12) return null;
    const end = i + m[0].length;
    // 2024-03, 2024/03; 2008.03 is a decimal unless a range or the expression says otherwise
    const written = m[2] === '.' ? relaxed || rangeFollows(view, end, tables) : m[3]!.length === 2 || relaxed;
    // 2011-12赛季 is two years
    if (tables.twoYearFollowers.some((w) => view.startsWith(w, end))) return null;
    return written && !tables.numberFollowers.has(view[end] ?? '') ? { start: i, end, year: y, month: mo, form: 'numeric' } : null;
  }
  if ((m = MIDDOT_MD.exec(s))) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    return validMonthDay(mo, d) ? { start: i, end: i + m[0].length, month: mo, day: d, form: 'numeric' } : null;
  }
  // 09-01 and 12/1 read as dates in text only when written like one (a zero-padded month,
  // a two-digit part); 1-2 and 1/3 are counts and fractions
  if ((m = DASH_MD.exec(s))) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    const dateLike = m[1]!.length === 2 && m[1]![0] === '0' && m[2]!.length === 2;
    const end = i + m[0].length;
    if (tables.twoYearFollowers.some((w) => view.startsWith(w, end))) return null; // 07-08赛季
    if (validMonthDay(mo, d) && (dateLike || opts.expression) && !tables.numberFollowers.has(view[end] ?? '')) return { start: i, end, month: mo, day: d, form: 'numeric' };
    return null;
  }
  if ((m = SLASH_MD.exec(s))) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    const dateLike = m[1]!.length === 2 || m[2]!.length === 2;
    const end = i + m[0].length;
    if (tables.twoYearFollowers.some((w) => view.startsWith(w, end))) return null; // 08/09赛季
    if (validMonthDay(mo, d) && (dateLike || opts.expression) && !tables.numberFollowers.has(view[end] ?? '')) return { start: i, end, month: mo, day: d, form: 'numeric' };
  }
  return null;
}

/** A range joiner then a digit: 1999.08-2002.02, 2008.03至2009. */
function rangeFollows(view: string, end: number, tables: DateTables): boolean {
  const joiner = rangeJoinerAt(view, end, tables);
  return joiner !== undefined && isAsciiDigit(view[end + joiner.length]);
}
