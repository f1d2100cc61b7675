/**
 * Lunar dates as written: 农历十月初一, 正月十五, 腊月, 闰四月, 五月廿二, 八月十五
 * (a Han month and a Han day with no 日 is the lunar way of writing a date),
 * 农历7月19号, and festivals of the lunar calendar (春节, 中秋节, 除夕, 大年初三).
 * A Gregorian date (五月十五日, 5月15日) never reads as lunar unless 农历 says so.
 */
import type { NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit } from '../../text/matchView.js';
import { wholeNumber, yearNumberAt } from './parse.js';
import type { DateTables } from './tables.js';

export interface LunarParts {
  month: number;
  leap: boolean;
  /** 0 is the month's last day (除夕); absent for a whole month */
  day?: number;
}

/** A lunar day: 初一..初十 (初8), 廿三, 卅, 十五 (Han, no 日), 23号 (only after 农历). */
function lunarDayAt(view: string, k: number, numerals: NumeralTables, tables: DateTables) {
  if (view[k] === '初') {
    const n = wholeNumber(view, k + 1, numerals);
    return n && n.min >= 1 && n.min <= 10 ? { end: n.end, day: n.min, strong: true, unit: false } : null;
  }
  if (view[k] === '廿') {
    const d = numerals.digits.get(view[k + 1] ?? '');
    return d !== undefined && d >= 1 && d <= 9 ? { end: k + 2, day: 20 + d, strong: true, unit: false } : null;
  }
  if (view[k] === '卅') return { end: k + 1, day: 30, strong: true, unit: false };
  const n = wholeNumber(view, k, numerals);
  if (!n || n.min < 1 || n.min > 30) return null;
  const unit = view[n.end] === '日' || view[n.end] === '号';
  // lunar days 1-10 are written 初一..初十, so 九月一 + 个 is no lunar date; 十月十二家 counts firms
  const han = !isAsciiDigit(view[k]) && !unit && n.min > 10 && !tables.numberFollowers.has(view[n.end] ?? '');
  return { end: unit ? n.end + 1 : n.end, day: n.min, strong: false, unit, han };
}

/**
 * A lunar date at k. `yearBefore`: a year was written just before (2015年正月初六),
 * which lets a festival that is also a common word (元宵 the food) read as a date.
 */
export function lunarAt(view: string, k: number, numerals: NumeralTables, tables: DateTables, yearBefore: boolean) {
  const start = k;
  const marker = tables.lunarMarkers.find((w) => view.startsWith(w, k));
  if (marker) k += marker.length;
  // 农历2016年九月初二, 阴历二〇二一年六月: the year after the marker
  let year: { digits: number; short: boolean } | undefined;
  if (marker) {
    const y = yearNumberAt(view, k, numerals) ?? null;
    const short = !y && wholeNumber(view, k, numerals);
    if (y && view[y.end] === '年') {
      year = { digits: y.min, short: false };
      k = y.end + 1;
    } else if (short && short.plainDigits && short.digitCount === 2 && view[short.end] === '年') {
      year = { digits: short.min, short: true };
      k = short.end + 1;
    }
  }
  const festival = tables.lunarFestivals.startingAt(view, k);
  if (festival && (festival.value.bare || marker || yearBefore)) {
    return { start, end: k + festival.word.length, year, lunar: { month: festival.value.month, leap: false, day: festival.value.day } };
  }
  // 大年初三
  if (view.startsWith('大年初', k)) {
    const d = lunarDayAt(view, k + 2, numerals, tables);
    if (d) return { start, end: d.end, year, lunar: { month: 1, leap: false, day: d.day } };
  }
  const leap = view[k] === '闰';
  if (leap) k++;
  let month: number | undefined;
  let named = false;
  let hanMonth = false;
  const word = tables.lunarMonthWords.startingAt(view, k);
  if (word) {
    month = word.value;
    named = true;
    k += word.word.length;
  } else {
    const n = wholeNumber(view, k, numerals);
    if (!n || n.min < 1 || n.min > 12 || view[n.end] !== '月') return null;
    month = n.min;
    hanMonth = !isAsciiDigit(view[k]);
    k = n.end + 1;
  }
  const day = lunarDayAt(view, k, numerals, tables);
  // 八月十五 (Han month, Han day, no 日) is written the lunar way; 8月15日 is not
  const lunarDay = day && (day.strong || (marker || named || leap ? true : hanMonth && day.han && !day.unit));
  if (!marker && !named && !leap && !lunarDay) return null;
  // 正月18 with no 日: the day only where nothing follows it
  const dayOk = lunarDay && (day.strong || day.unit || day.han || !isAsciiDigit(view[day.end] ?? '') && !tables.numberFollowers.has(view[day.end] ?? ''));
  if (dayOk) return { start, end: day.end, year, lunar: { month, leap, day: day.day } };
  return { start, end: k, year, lunar: { month, leap } };
}
