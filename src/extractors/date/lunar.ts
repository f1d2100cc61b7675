/**
 * The Chinese lunisolar calendar, read through the runtime's ICU (Intl's `chinese`
 * calendar): which Gregorian days a lunar month or day of a lunar year covers.
 * Lunar year Y is the one that begins in Gregorian year Y (农历2023年腊月 falls in
 * January 2024). Where the runtime has no such calendar, lunar dates are not read.
 */
import { pad2 } from './refDate.js';

interface LunarMonth {
  month: number;
  leap: boolean;
  /** Gregorian day of its first day, as a UTC date */
  start: Date;
  length: number;
}

const DAY_MS = 86_400_000;
const MONTH_NAMES: Record<string, number> = { 正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 冬: 11, 十一: 11, 腊: 12, 十二: 12 };

let format: Intl.DateTimeFormat | null | undefined;
function formatter(): Intl.DateTimeFormat | null {
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
      const probe = format.formatToParts(new Date(Date.UTC(2023, 0, 22)));
      if (!probe.some((p) => (p.type as string) === 'relatedYear')) format = null;
    } catch {
      format = null;
    }
  }
  return format;
}

/** Lunar year, month, leap flag and day of a Gregorian day. */
function lunarOf(date: Date, f: Intl.DateTimeFormat) {
  let year = 0, month = 0, day = 0, leap = false;
  for (const p of f.formatToParts(date)) {
    if ((p.type as string) === 'relatedYear') year = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
    else if (p.type === 'month') {
      leap = p.value.startsWith('闰');
      month = MONTH_NAMES[p.value.replace(/^闰/, '').replace(/月$/, '')] ?? 0;
    }
  }
  return { year, month, day, leap };
}

const years = new Map<number, LunarMonth[] | null>();

/** The months of lunar year `year`, found once by walking its days (cached). */
function monthsOf(year: number): LunarMonth[] | null {
  if (years.has(year)) return years.get(year)!;
  const f = formatter();
  let months: LunarMonth[] | null = null;
  if (f && year >= 1800 && year <= 2199) {
    months = [];
    // the lunar new year falls between 21 January and 20 February
    let t = Date.UTC(year, 0, 20);
    while (lunarOf(new Date(t), f).year < year) t += DAY_MS;
    // then month by month: a month has 29 or 30 days
    for (;;) {
      const first = lunarOf(new Date(t), f);
      if (first.year !== year) break;
      const day30 = lunarOf(new Date(t + 29 * DAY_MS), f);
      const length = day30.day === 30 ? 30 : 29;
      months.push({ month: first.month, leap: first.leap, start: new Date(t), length });
      t += length * DAY_MS;
    }
  }
  years.set(year, months);
  return months;
}

const dayString = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/** The Gregorian day of a lunar date; day 0 is the month's last day (除夕). */
export function lunarDay(year: number, month: number, day: number, leap = false): string | undefined {
  const m = monthsOf(year)?.find((x) => x.month === month && x.leap === leap);
  if (!m) return undefined;
  const d = day === 0 ? m.length : day;
  return d >= 1 && d <= m.length ? dayString(new Date(m.start.getTime() + (d - 1) * DAY_MS)) : undefined;
}

/** The Gregorian days a lunar month covers, as a TIMEX interval a/b. */
export function lunarMonth(year: number, month: number, leap = false): string | undefined {
  const m = monthsOf(year)?.find((x) => x.month === month && x.leap === leap);
  return m && `${dayString(m.start)}/${dayString(new Date(m.start.getTime() + (m.length - 1) * DAY_MS))}`;
}
