/**
 * The reference date (the article's date) at the granularity it was given:
 * 2024, 2024-04 or 2024-04-15. Deictic dates resolve at this granularity
 * (ANNOTATION.md: 今天 with refDate 2024-04 -> 2024-04).
 */
export interface RefDate {
  year: number;
  month?: number;
  day?: number;
}

const REF_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseRefDate(value: string): RefDate {
  const m = REF_DATE.exec(value);
  if (!m) throw new Error(`invalid reference date "${value}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) throw new Error(`invalid reference date "${value}": month ${month}`);
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) throw new Error(`invalid reference date "${value}": day ${day}`);
  return { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
}

/** 7 -> '07', 12 -> '12' (padStart's answer, without its work for the usual 0-99) */
export const pad2 = (n: number): string => (Number.isInteger(n) && n >= 0 && n < 100 ? (n < 10 ? `0${n}` : String(n)) : String(n).padStart(2, '0'));

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month of the proleptic Gregorian calendar, as Date.UTC counts them (it reads
 * years 0-99 as 1900-1999). Every day a date names is checked with it: arithmetic rather
 * than a Date object, which Date handles only for what arithmetic does not.
 */
export function daysInMonth(year: number, month: number): number {
  if (Number.isInteger(year) && Math.abs(year) < 100_000 && Number.isInteger(month) && month >= 1 && month <= 12) {
    if (month !== 2) return MONTH_DAYS[month - 1]!;
    const y = year >= 0 && year <= 99 ? 1900 + year : year;
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 week of a calendar day: 2025-01-31 -> 2025-W05. */
export function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${pad2(week)}`;
}

export type DeicticUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Value of a deictic word (unit + offset from refDate), at the finer of the word's unit
 * and refDate's granularity. Without a refDate the value is a TIMEX pattern with X.
 */
export function resolveDeictic(unit: DeicticUnit, offset: number, ref: RefDate | undefined): string {
  if (!ref) return unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : unit === 'quarter' ? 'XXXX-QX' : unit === 'week' ? 'XXXX-WXX' : 'XXXX-XX-XX';
  if (unit === 'year' || ref.month === undefined) return String(ref.year + (unit === 'year' ? offset : 0));
  if (unit === 'quarter') {
    const index = ref.year * 4 + Math.floor((ref.month - 1) / 3) + offset;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  if (unit === 'month' || ref.day === undefined) {
    if (unit !== 'month') return `${ref.year}-${pad2(ref.month)}`;
    const index = ref.year * 12 + (ref.month - 1) + offset;
    return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
  }
  const date = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + (unit === 'week' ? 7 * offset : offset)));
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return unit === 'week' ? isoWeek(y, m, d) : `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The day with ISO weekday `weekday` (1-7) in the week of refDate shifted by `weeks`. */
export function weekdayNear(ref: RefDate & { day: number; month: number }, weekday: number, weeks: number): string {
  const date = new Date(Date.UTC(ref.year, ref.month - 1, ref.day));
  const current = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + (weekday - current) + 7 * weeks);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** Is year-month-day a real calendar day (no 2月30日)? */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A year written with two digits (07年, 九零年), read the way a reader of a paper
 * dated refDate would: the year ending in those digits from 90 years before the
 * paper to 9 after it (三三年 in 2021 is 1933, 24年 is 2024). Without a refDate,
 * 00-30 are 2000s and 31-99 the 1900s.
 */
export function twoDigitYear(yy: number, ref: RefDate | undefined): number {
  if (!ref) return yy <= 30 ? 2000 + yy : 1900 + yy;
  const lowest = ref.year - 90;
  const year = lowest - (((lowest % 100) + 100) % 100) + yy;
  return year < lowest ? year + 100 : year;
}

/**
 * The n-th week of a month (or of a year, month 1 with `wholeYear`) as an ISO week:
 * the n-th Monday-to-Sunday week that begins inside it, so 2021年3月第一周 is the week
 * of Monday 1 March and 2021年6月第一周 the week of Monday 7 June.
 */
export function nthWeek(year: number, month: number, n: number, wholeYear = false): string | undefined {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const firstMonday = 1 + ((8 - (first.getUTCDay() || 7)) % 7);
  const day = new Date(Date.UTC(year, month - 1, firstMonday + 7 * (n - 1)));
  if (day.getUTCFullYear() !== year || (!wholeYear && day.getUTCMonth() !== month - 1)) return undefined;
  return isoWeek(year, day.getUTCMonth() + 1, day.getUTCDate());
}

/** The n-th given weekday (ISO 1-7) of a month: 6月第三个星期日, 母亲节 (5月第二个周日). */
export function nthWeekday(year: number, month: number, weekday: number, n: number): string | undefined {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay() || 7;
  const day = 1 + ((weekday - first + 7) % 7) + 7 * (n - 1);
  return day <= daysInMonth(year, month) ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
}
