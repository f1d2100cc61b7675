/**
 * Date extractor: absolute and partial dates, year parts, deictic words and ranges,
 * normalised to TIMEX3 values (ANNOTATION.md). Durations (3个月内, 过去两年) never
 * match: a month needs 月 right after its number, a year needs four digits and 年
 * (or two digits and a context that shows a year: 07年8月, 零六年).
 */
import type { DocContext } from '../../context.js';
import type { DateCandidate } from '../candidate.js';
import { ASCII_DIGIT, BIG_UNIT, DIGIT, numeralKind, scanNumber, SMALL_UNIT, VAGUE, type NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit, isAsciiDigitCode, isHan, skipSpaces } from '../../text/matchView.js';
import { numericShapeAt } from './numeric.js';
import { afterYear, parseDateAt, rangeDayAt, wholeNumber, yearNumberAt, type DateParts, type ParseOptions } from './parse.js';
import { daysInMonth, isRealDay, nthWeek, nthWeekday, pad2, resolveDeictic, twoDigitYear, weekdayNear, type RefDate } from './refDate.js';
import { matchPart, rangeJoinerAt } from './tables.js';
import type { DatePart, DateTables, Holiday, SolarTerm } from './tables.js';
import { centuryAt } from './century.js';
import { lunarDay, lunarMonth } from './lunar.js';
import { lunarAt } from './lunarParse.js';
import { CENTURY, DEICTIC, ERA, HALF, HOLIDAY, LUNAR, PAIR, TERM, WEEKDAY, YEAR_PART, dateStarts, type DateStarts } from './starts.js';

export interface DateRules {
  numerals: NumeralTables;
  dates: DateTables;
}

const YEAR_PARTS = new Set<DatePart>(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'SP', 'SU', 'FA', 'WI']);

type Calendar = Omit<DateParts, 'start' | 'end' | 'form' | 'year'>;

/** A holiday's day in a known year (母亲节 2021 -> 2021-05-09). */
function holidayDay(h: Holiday, year: number): string | undefined {
  return 'day' in h ? `${year}-${pad2(h.month)}-${pad2(h.day)}` : nthWeekday(year, h.month, h.weekday, h.nth);
}

/**
 * The day of a solar term in 2000-2099 (the usual formula, see keywords.yaml);
 * outside those years the caller keeps the month.
 */
function solarTermDay(t: SolarTerm, year: number): string | undefined {
  if (year < 2000 || year > 2099) return undefined;
  const yy = year % 100;
  const leapBase = t.month <= 2 ? yy - 1 : yy;
  const day = Math.floor(yy * 0.2422 + t.c) - Math.floor(leapBase / 4) + (t.shift.get(year) ?? 0);
  return `${year}-${pad2(t.month)}-${pad2(day)}`;
}

/**
 * TIMEX value and mod of a calendar expression in `year` ('XXXX' when unknown).
 * Weeks and n-th weekdays need a known year; unknown, they are XXXX-WXX / XXXX-XX-XX.
 */
function timex(p: Calendar, year: string): Pick<DateCandidate, 'value' | 'mod'> | null {
  const y = year.length === 4 && startsWithYear(year) ? Number(year) : undefined;
  // 2016年2-7月, 5月8-13日, 前三季度: an interval written once
  if (p.monthTo !== undefined && p.month !== undefined) return { value: `${year}-${pad2(p.month)}/${year}-${pad2(p.monthTo)}` };
  if (p.dayTo !== undefined && p.month !== undefined && p.day !== undefined) {
    return { value: `${year}-${pad2(p.month)}-${pad2(p.day)}/${year}-${pad2(p.month)}-${pad2(p.dayTo)}` };
  }
  if (p.quarter !== undefined) {
    const to = p.quarterTo ?? p.quarter;
    return { value: to === p.quarter ? `${year}-Q${p.quarter}` : `${year}-Q${p.quarter}/${year}-Q${to}` };
  }
  if (p.lunar) {
    const { month, leap, day } = p.lunar;
    if (y === undefined) return { value: day === undefined ? 'XXXX-XX-XX/XXXX-XX-XX' : 'XXXX-XX-XX' };
    const value = day === undefined ? lunarMonth(y, month, leap) : lunarDay(y, month, day, leap);
    return value ? { value } : null;
  }
  if (p.solarTerm) {
    if (y === undefined) return { value: 'XXXX-XX-XX' };
    const day = solarTermDay(p.solarTerm, y);
    return { value: day ?? `${y}-${pad2(p.solarTerm.month)}` };
  }
  if (p.holiday) return { value: y === undefined ? 'day' in p.holiday ? `XXXX-${pad2(p.holiday.month)}-${pad2(p.holiday.day)}` : 'XXXX-XX-XX' : holidayDay(p.holiday, y) ?? 'XXXX-XX-XX' };
  if (p.week !== undefined) {
    if (y === undefined) return { value: 'XXXX-WXX' };
    const week = nthWeek(y, p.month ?? 1, p.week, p.month === undefined);
    return week ? { value: week } : null;
  }
  if (p.nthWeekday && p.month !== undefined) {
    if (y === undefined) return { value: 'XXXX-XX-XX' };
    const day = nthWeekday(y, p.month, p.nthWeekday[1], p.nthWeekday[0]);
    return day ? { value: day } : null;
  }
  let value = year;
  if (p.part && YEAR_PARTS.has(p.part)) value = `${year}-${p.part}`;
  else if (p.month !== undefined) value = `${year}-${pad2(p.month)}${p.day !== undefined ? `-${pad2(p.day)}` : ''}`;
  else if (p.day !== undefined) value = `${year}-XX-${pad2(p.day)}`;
  const mod = p.edge ?? (p.part === 'START' || p.part === 'MID' || p.part === 'END' ? p.part : undefined);
  return mod ? { value, mod } : { value };
}

/**
 * A resolved value that names a day must name a real one (no 2月29日 in 2023). Every
 * candidate is checked: its parts (YYYY-MM-DD, between slashes) are read by code.
 */
function realDays(value: string): boolean {
  for (let from = 0; from <= value.length;) {
    let to = value.indexOf('/', from);
    if (to === -1) to = value.length;
    if (to - from === 10 && isDayShape(value, from)) {
      const year = digitsAt(value, from, 4), month = digitsAt(value, from + 5, 2), day = digitsAt(value, from + 8, 2);
      if (!isRealDay(year, month, day)) return false;
    }
    from = to + 1;
  }
  return true;
}

/** \d{4}-\d{2}-\d{2} at from */
function isDayShape(v: string, from: number): boolean {
  for (let k = 0; k < 10; k++) {
    const c = v.charCodeAt(from + k);
    if (k === 4 || k === 7 ? c !== 0x2d : !isAsciiDigitCode(c)) return false;
  }
  return true;
}

/** the number written by `count` ASCII digits at from */
function digitsAt(v: string, from: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) n = n * 10 + v.charCodeAt(from + k) - 0x30;
  return n;
}

/** Four ASCII digits at the start of v (a year, not XXXX). */
const startsWithYear = (v: string) => v.length >= 4 && isAsciiDigitCode(v.charCodeAt(0)) && isAsciiDigitCode(v.charCodeAt(1)) && isAsciiDigitCode(v.charCodeAt(2)) && isAsciiDigitCode(v.charCodeAt(3));

/** A partial date (XXXX-03-19, 21日) completed from refDate where it knows enough. */
function resolvePartial(p: Calendar, value: string, ref: RefDate | undefined): string | undefined {
  if (!ref || !value.includes('X')) return undefined;
  let resolved: string | undefined;
  if (p.day !== undefined && p.month === undefined && !p.lunar) {
    resolved = ref.month === undefined ? undefined : `${ref.year}-${pad2(ref.month)}${value.slice(7)}`;
  } else resolved = timex(p, String(ref.year))?.value;
  return resolved && realDays(resolved) ? resolved : undefined;
}

const FORMS: readonly DateParts['form'][] = ['iso', 'ymd', 'md', 'd', 'numeric'];
/** the rule ids of each form, without and with a part or edge: one string each, not one made per date */
const RULES = new Map(FORMS.map((form) => [form, [`date.${form}`, `date.${form}-part`] as const]));

function absolute(p: DateParts, ref: RefDate | undefined): DateCandidate | null {
  const year = p.year ?? (p.shortYear !== undefined ? twoDigitYear(p.shortYear, ref) : undefined);
  const t = timex(p, year === undefined ? 'XXXX' : String(year));
  // 2022年4月31日 keeps the value as written; only a resolved value must be a real day
  if (!t || (year === undefined && !realDays(t.value))) return null;
  const resolved = year === undefined ? resolvePartial(p, t.value, ref) : undefined;
  const c: DateCandidate = { type: 'date', start: p.start, end: p.end, rule: RULES.get(p.form)![p.part || p.edge ? 1 : 0], value: t.value };
  // optional fields set only when present (as ...(x && { x }) would, without its copy)
  if (t.mod) c.mod = t.mod;
  if (resolved) c.resolved = resolved;
  return c;
}

/** 上个月22号, 下月六号, 本月8日: a day of a deictic month. */
function dayAfterMonth(view: string, i: number, numerals: NumeralTables) {
  const n = wholeNumber(view, i, numerals);
  if (!n || n.min < 1 || n.min > 31) return null;
  const u = skipSpaces(view, n.end, 1);
  return view[u] === '日' || view[u] === '号' ? { end: u + 1, day: n.min } : null;
}

/**
 * 昨（9）日, 今(10)日, 本（3）月, 去（2024）年: papers in Taiwan and Hong Kong write the day,
 * month or year of a deictic word in brackets; the deictic word (昨日, 本月, 去年) is the
 * first character and the unit. The written number wins over refDate, which only
 * places a day or month: the one nearest to where the deictic word points. A year
 * may be written in the Republic era (去（113）年 is 2024).
 */
function bracketedDeicticAt(ctx: DocContext, i: number, rules: DateRules, opts: ParseOptions): DateCandidate | null {
  const { view } = ctx;
  const n = wholeNumber(view, i + 2, rules.numerals);
  if (!n || (view[n.end] !== '）' && view[n.end] !== ')')) return null;
  const unit = view[n.end + 1];
  if (unit !== '日' && unit !== '月' && unit !== '年') return null;
  const entry = rules.dates.deictic.startingAt(view[i]! + unit, 0)?.value;
  if (!entry || entry.mod) return null;
  const end = n.end + 2;
  if (entry.unit === 'year') {
    const year = n.plainDigits && n.digitCount === 4 ? n.min : n.digitCount === 3 && n.min >= 100 && n.min < 200 ? n.min + 1911 : undefined;
    if (year === undefined) return null;
    // 今（2025）年第一季, 去（2024）年12月: what may follow a year
    const rest = afterYear(view, end, rules.numerals, rules.dates, opts);
    const t = rest && timex(rest, String(year));
    return { type: 'date', start: i, end: t ? rest.end : end, rule: 'date.deictic', value: t ? t.value : String(year), relative: true, ...(t?.mod && { mod: t.mod }) };
  }
  if ((entry.unit !== 'day' && entry.unit !== 'month') || n.min < 1 || n.min > (unit === '日' ? 31 : 12)) return null;
  const value = entry.unit === 'day' ? nearestDay(resolveDeictic('day', entry.offset, ctx.refDate), n.min) : nearestMonth(resolveDeictic('month', entry.offset, ctx.refDate), n.min);
  return value ? { type: 'date', start: i, end, rule: 'date.deictic', value, relative: true } : null;
}

/** Day `day` in the month of `anchor` (2025-01 or 2025-01-10), or in the month before or after when that is nearer. */
function nearestDay(anchor: string, day: number): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(anchor);
  if (!m) return `XXXX-XX-${pad2(day)}`;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  let shift = 0;
  if (m[3] !== undefined && Math.abs(day - Number(m[3])) > 15) shift = day > Number(m[3]) ? -1 : 1;
  const first = new Date(Date.UTC(y, mo - 1 + shift, 1));
  const [year, month] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  return isRealDay(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

/** Month `month` in the year of `anchor` (2025-01), or in the year before or after when that is nearer. */
function nearestMonth(anchor: string, month: number): string {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(anchor);
  if (!m) return `XXXX-${pad2(month)}`;
  let year = Number(m[1]);
  if (m[2] !== undefined && Math.abs(month - Number(m[2])) > 6) year += month > Number(m[2]) ? -1 : 1;
  return `${year}-${pad2(month)}`;
}

/** 今年, 去年底, 今年初, 去年 10 月, 近日, 本周, 上个月22号, 上季度末 */
function deicticAt(ctx: DocContext, i: number, rules: DateRules, opts: ParseOptions): DateCandidate | null {
  const { view } = ctx;
  const tables = rules.dates;
  // by code: view[i + 1] would make a string of the Han character there
  const next = view.charCodeAt(i + 1);
  if (next === 0xff08 /* （ */ || next === 0x28 /* ( */) return bracketedDeicticAt(ctx, i, rules, opts);
  // 目前天气 holds 前天 across a word boundary; 较前年 is 较 + 前年
  if (ctx.boundary[i] !== 1 && !(ctx.boundary[i - 1] === 1 && tables.gluedBefore.has(view[i - 1]!))) return null;
  const hit = tables.deictic.startingAt(view, i);
  if (!hit) return null;
  const entry = hit.value;
  let end = i + hit.word.length;
  if (entry.notFollowedBy?.has(view[end] ?? '') || entry.notAfter?.has(view[i - 1] ?? '')) return null;
  // 次年, 同年: counted from the year the text wrote last. Without one, 次年 is read like
  // 明年 (预计次年, a forecast), while 同年 names a year the text does not give: XXXX.
  const anchored = entry.anaphoric && opts.anchorYear !== undefined;
  const unknown = entry.anaphoric && !anchored && entry.offset === 0;
  let value = anchored ? String(Number(opts.anchorYear) + entry.offset) : unknown ? 'XXXX' : resolveDeictic(entry.unit, entry.offset, ctx.refDate);
  let mod: DateCandidate['mod'] = entry.mod;
  if (entry.unit === 'year' && !entry.mod) {
    const rest = afterYear(view, end, rules.numerals, tables, opts);
    const t = rest && timex(rest, value);
    if (rest && t) {
      end = rest.end;
      value = t.value;
      mod = t.mod;
    }
  } else if (entry.unit === 'month' && !entry.mod) {
    const day = dayAfterMonth(view, end, rules.numerals);
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    const week = month && weekOfMonthAfter(view, end, rules, Number(month[1]), Number(month[2]));
    if (day && month) {
      if (!isRealDay(Number(month[1]), Number(month[2]), day.day)) return null;
      end = day.end;
      value = `${value}-${pad2(day.day)}`;
    } else if (week) {
      end = week.end;
      value = week.value;
    } else {
      // 本月底, 上月中旬
      const part = matchPart(view, end, tables.monthParts);
      if (part) {
        end += part.word.length;
        if (part.part === 'START' || part.part === 'MID' || part.part === 'END') mod = part.part;
      }
    }
  } else if (entry.unit === 'week' && view[end] === '末') {
    // 本周末, 下周末: the weekend of that ISO week (TIMEX3 2024-W16-WE)
    end++;
    if (/W(\d{2}|XX)$/.test(value)) value += '-WE';
  } else if (entry.unit === 'quarter') {
    const edge = matchPart(view, end, tables.quarterEdges);
    if (edge?.part === 'START' || edge?.part === 'END') {
      end += edge.word.length;
      mod = edge.part;
    }
  }
  const c: DateCandidate = { type: 'date', start: i, end, rule: 'date.deictic', value };
  if (!anchored && !unknown) c.relative = true;
  if (mod) c.mod = mod;
  return c;
}

/** 第二周 after a deictic month, as an ISO week. */
function weekOfMonthAfter(view: string, i: number, rules: DateRules, year: number, month: number) {
  const k = view[i] === '的' ? i + 1 : i;
  if (view[k] !== '第') return null;
  const n = wholeNumber(view, k + 1, rules.numerals);
  if (!n || n.min < 1 || n.min > 5) return null;
  let e = n.end;
  if (view[e] === '个' && !view.startsWith('周', e + 1)) e++;
  const prefix = rules.dates.weekdayPrefixes.find((w) => view.startsWith(w, e));
  if (!prefix || rules.dates.weekdays.has(view[e + prefix.length] ?? '')) return null;
  const value = nthWeek(year, month, n.min);
  return value ? { end: e + prefix.length, value } : null;
}

/** 教师节, 国庆: a holiday word at i. */
function holidayAfter(ctx: DocContext, i: number, rules: DateRules) {
  const hit = rules.dates.holidays.startingAt(ctx.view, i);
  return hit ? { end: i + hit.word.length, holiday: hit.value } : null;
}

/** 教师节, 国庆, 母亲节 without a year: XXXX-09-10, resolved with refDate's year. */
function holidayAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  if (ctx.boundary[i] !== 1) return null;
  const h = holidayAfter(ctx, i, rules);
  if (!h) return null;
  const endsWord = ctx.boundary[h.end] === 1 || !isHan(ctx.view[h.end]) || rules.dates.holidayFollowers.some((w) => ctx.view.startsWith(w, h.end));
  if (!endsWord) return null;
  const t = timex(h, 'XXXX')!;
  const resolved = resolvePartial(h, t.value, ctx.refDate);
  return { type: 'date', start: i, end: h.end, rule: 'date.holiday', value: t.value, ...(resolved && { resolved }) };
}

/** 农历十月初一, 正月, 腊月初八, 闰四月, 春节, 农历2016年九月初二: a lunar date starting with a word. */
function lunarWordAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  if (ctx.boundary[i] !== 1) return null;
  const r = lunarAt(ctx.view, i, rules.numerals, rules.dates, false);
  if (!r) return null;
  const year = r.year && (r.year.short ? { shortYear: r.year.digits } : { year: r.year.digits });
  return absolute({ start: i, end: r.end, lunar: r.lunar, ...year, form: 'md' }, ctx.refDate);
}

/** 民国三年, 乾隆十二年8月: a year of an era, then what may follow a year. */
function eraAt(ctx: DocContext, i: number, rules: DateRules, opts: ParseOptions): DateCandidate | null {
  if (ctx.boundary[i] !== 1) return null;
  const { view } = ctx;
  const era = rules.dates.eras.startingAt(view, i);
  if (!era) return null;
  const k = i + era.word.length;
  const n = view[k] === '元' ? { end: k + 1, min: 1 } : wholeNumber(view, k, rules.numerals);
  if (!n || n.min < 1 || n.min > 120 || view[n.end] !== '年') return null;
  const rest = afterYear(view, n.end + 1, rules.numerals, rules.dates, opts);
  return absolute({ start: i, year: era.value + n.min - 1, ...(rest ?? {}), end: rest?.end ?? n.end + 1, form: 'ymd' }, ctx.refDate);
}

/** 今明两年, 明后两天: two deictic units at once, one interval. */
function deicticPairAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  if (ctx.boundary[i] !== 1 || !ctx.refDate) return null;
  const hit = rules.dates.deicticPairs.startingAt(ctx.view, i);
  if (!hit) return null;
  const { unit, from, to } = hit.value;
  const value = `${resolveDeictic(unit, from, ctx.refDate)}/${resolveDeictic(unit, to, ctx.refDate)}`;
  return { type: 'date', start: i, end: i + hit.word.length, rule: 'date.deictic', value, relative: true };
}

/** 冬至, 清明节 without a year: the day in refDate's year. */
function solarTermAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  if (ctx.boundary[i] !== 1) return null;
  const hit = rules.dates.solarTerms.startingAt(ctx.view, i);
  if (!hit || !hit.value.bare) return null;
  const end = i + hit.word.length;
  if (ctx.boundary[end] !== 1 && isHan(ctx.view[end])) return null;
  const resolved = resolvePartial({ solarTerm: hit.value }, 'XXXX-XX-XX', ctx.refDate);
  return { type: 'date', start: i, end, rule: 'date.solar-term', value: 'XXXX-XX-XX', ...(resolved && { resolved }) };
}

/**
 * N and a half months from refDate (两个半月前), at month granularity: half a month
 * is 15 days, counted from refDate's day or, with a month-level refDate, from the
 * middle of its month.
 */
function halfMonthsFrom(ref: RefDate | undefined, months: number): string {
  if (!ref || ref.month === undefined) return resolveDeictic('month', months, ref);
  const sign = months < 0 ? -1 : 1;
  const date = new Date(Date.UTC(ref.year, ref.month - 1 + months, 1));
  date.setUTCDate(Math.min(ref.day ?? 15, daysInMonth(date.getUTCFullYear(), date.getUTCMonth() + 1)) + sign * 15);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}`;
}

/** 3天前, 两年后, 5个月以后, 七年半后, 半年后: N units from refDate (relative; story-anchored ones are optional in gold). */
function relativeAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const { view } = ctx;
  let count: number;
  let u: number;
  if (view.startsWith('半年', i)) {
    count = 0.5;
    u = i + 1;
  } else {
    const n = scanNumber(view, i, rules.numerals);
    if (!n || n.vague || n.moreThan || n.min !== Math.floor(n.min) || n.min < 1 || n.min > 1000) return null;
    // 七八年前 is "seven or eight years ago" and 五八 no count at all: Han digit strings are not counts
    if (n.plainDigits && n.digitCount > 1 && !isAsciiDigit(view[i])) return null;
    count = n.min;
    u = skipSpaces(view, n.end, 1);
  }
  // 三个多月后, 两个半月前: 多 or 半 between 个 and the unit
  const infix = view[u] === '个' && (view[u + 1] === '多' || view[u + 1] === '半') && count >= 1 ? view[u + 1] : undefined;
  const unit = infix ? rules.dates.relativeUnits.startingAt(`个${view.slice(u + 2, u + 4)}`, 0) : rules.dates.relativeUnits.startingAt(view, u);
  if (!unit) return null;
  let after = u + unit.word.length + (infix ? 1 : 0);
  if (infix === '半' && unit.value !== 'month') return null;
  // 七年半后: a year and a half is counted in months
  let months = unit.value === 'year' ? count * 12 : unit.value === 'quarter' ? count * 3 : undefined;
  if (unit.value === 'year' && view[after] === '半' && count >= 1) {
    months = count * 12 + 6;
    after++;
  } else if (!infix && view[after] === '多' && count >= 1) {
    // 一年多前, 三天多后: "N and some" is read as N, the nearest whole count
    after++;
  }
  const d = rules.dates.relativeDirections.startingAt(view, after);
  if (!d) return null;
  const end = after + d.word.length;
  if (infix === '半') return { type: 'date', start: i, end, rule: 'date.relative', value: halfMonthsFrom(ctx.refDate, d.value * count), relative: true };
  const value = months !== undefined && months % 12 !== 0
    ? resolveDeictic('month', d.value * months, ctx.refDate)
    : resolveDeictic(unit.value === 'quarter' ? 'month' : unit.value, d.value * (unit.value === 'quarter' ? months! : count), ctx.refDate);
  return { type: 'date', start: i, end, rule: 'date.relative', value, relative: true };
}

const startsWeekday = (view: string, k: number, t: DateTables) => t.weekdayPrefixes.some((w) => view.startsWith(w, k));

/** First code units of the weekday prefixes, and how far after i one can start (下个 + 周 + 星期). */
const prefixReach = new WeakMap<DateTables, { firsts: Set<number>; reach: number }>();
function weekdayPrefixNear(view: string, i: number, t: DateTables): boolean {
  let r = prefixReach.get(t);
  if (!r) {
    r = { firsts: new Set(t.weekdayPrefixes.map((w) => w.charCodeAt(0))), reach: Math.max(0, ...t.weekShift.map(([w]) => w.length)) + 1 };
    prefixReach.set(t, r);
  }
  for (let k = i; k <= i + r.reach && k < view.length; k++) if (r.firsts.has(view.charCodeAt(k))) return true;
  return false;
}

/** 周五, 星期五, 下周三, 上个星期一, 下周周六: a day of a week; resolved to the date when refDate has a day. */
function weekdayAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const { view } = ctx;
  const t = rules.dates;
  // 上, 下, 这 start many words: no weekday prefix within reach means no weekday here
  if (!weekdayPrefixNear(view, i, t)) return null;
  if (t.notBeforeWeekday.has(view[i - 1] ?? '')) return null;
  let shift = 0;
  let p = i;
  for (const [word, weeks] of t.weekShift) {
    if (!view.startsWith(word, i)) continue;
    let k = i + word.length;
    // 下周周六, 上周星期三: the week word, then the weekday written in full
    if (view[k] === '周' && startsWeekday(view, k + 1, t)) k++;
    if (startsWeekday(view, k, t)) {
      shift = weeks;
      p = k;
      break;
    }
  }
  const prefix = t.weekdayPrefixes.find((w) => view.startsWith(w, p));
  if (!prefix) return null;
  const day = view[p + prefix.length] ?? '';
  const weekday = t.weekdays.get(day);
  if (weekday === undefined || weekday === null) return null;
  const end = p + prefix.length + 1;
  // 周一 must end a word: 周日报 / 星期天气 are other words
  if (ctx.boundary[end] !== 1 && isHan(view[end])) return null;
  const ref = ctx.refDate;
  const value = ref?.day !== undefined && ref.month !== undefined ? weekdayNear({ ...ref, month: ref.month, day: ref.day }, weekday, shift) : `XXXX-WXX-${weekday}`;
  return { type: 'date', start: i, end, rule: 'date.weekday', value, relative: true };
}

/** 第三季度, 上半年, Q3 without a year: XXXX-Q3, resolved with refDate's year. */
function yearPartAlone(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  if (ctx.boundary[i] !== 1) return null;
  const p = matchPart(ctx.view, i, rules.dates.yearParts);
  if (!p || !p.part || !/^[QH]/.test(p.part) || p.word.length < 2) return null;
  let end = i + p.word.length;
  // 上半年末, 三季度初: the start or end of that quarter or half
  const edge = matchPart(ctx.view, end, rules.dates.quarterEdges);
  const mod = edge?.part === 'START' || edge?.part === 'END' ? edge.part : undefined;
  if (mod) end += edge!.word.length;
  else if (ctx.boundary[end] !== 1) return null;
  const value = `XXXX-${p.part}`;
  const resolved = resolvePartial({ part: p.part }, value, ctx.refDate);
  return { type: 'date', start: i, end, rule: 'date.year-part', value, ...(resolved && { resolved }), ...(mod && { mod }) };
}

/** Is the value fully known (no X)? Deictic values are, once refDate is given. */
const concrete = (v: string) => !v.includes('X');

/** 2019-2023年, 2019 年 -2023 年, 2019年至2023年, 3月至5月, 前年10月到去年4月: one mention, value a/b. */
function joinRange(ctx: DocContext, a: DateCandidate, b: DateCandidate, tables: DateTables): DateCandidate | null {
  // far apart: no joiner fits between (most pairs of dates in an article)
  if (b.start - a.end > tables.rangeJoiners[0]!.length + 4) return null;
  if (a.mod || b.mod || a.value.includes('/') || b.value.includes('/')) return null;
  if ((a.relative || b.relative) && !(concrete(a.resolved ?? a.value) && concrete(b.resolved ?? b.value))) return null;
  const between = ctx.view.slice(a.end, b.start).trim();
  if (!tables.rangeJoiners.includes(between)) return null;
  // 3月24日至28日, 2016年7月至10月: the second end borrows the year (and month) it does not write
  let second = b.value;
  let secondResolved = b.resolved;
  const year = /^(\d{4}|XXXX)-\d{2}/.exec(a.value)?.[1];
  if (/^XXXX-XX-\d{2}$/.test(second) && /^(XXXX|\d{4})-\d{2}-\d{2}$/.test(a.value)) {
    second = a.value.slice(0, 8) + second.slice(8);
    secondResolved = a.resolved && a.resolved.slice(0, 8) + second.slice(8);
  } else if (second.startsWith('XXXX-') && year && year !== 'XXXX' && !second.startsWith('XXXX-XX')) {
    second = year + second.slice(4);
    secondResolved = undefined;
  }
  // 3月至5日: a day alone can only end a range that starts on a day of a month
  if (/^XXXX-XX-\d{2}$/.test(second) || !realDays(second)) return null;
  const first = a.resolved ?? a.value;
  const last = secondResolved ?? second;
  // the ends in order; ends of different units compare by their first day (1985 < 1989-09)
  if (!(first < last) || (first.length === last.length && a.value >= second && concrete(a.value) === concrete(second))) return null;
  const resolved = (a.resolved || secondResolved) && concrete(first) && concrete(last) ? { resolved: `${first}/${last}` } : {};
  const relative = a.relative || b.relative ? { relative: true as const } : {};
  return { type: 'date', start: a.start, end: b.end, rule: 'date.range', value: `${a.value}/${second}`, ...resolved, ...relative };
}

/** A bare year before a joiner and a year with 年 (2019-2023年, 1983到87年6月): the first year borrows 年. */
function bareYearBefore(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const year = yearNumberAt(ctx.view, i, rules.numerals);
  if (!year) return null;
  const j = skipSpaces(ctx.view, year.end, 1);
  const joiner = rangeJoinerAt(ctx.view, j, rules.dates);
  if (!joiner) return null;
  const next = parseDateAt(ctx.view, skipSpaces(ctx.view, j + joiner.length, 1), rules.numerals, rules.dates);
  if (!next || next.form !== 'ymd' || (next.part && next.part !== 'START' && next.part !== 'MID' && next.part !== 'END')) return null;
  return { type: 'date', start: i, end: year.end, rule: 'date.ymd', value: String(year.min) };
}

/** Is i the first character of a number (not in the middle of one)? */
function startsNumber(view: string, i: number, numerals: NumeralTables): boolean {
  const prev = numeralKind(view, i - 1, numerals);
  if (prev & ASCII_DIGIT) return false;
  const prevCode = view.charCodeAt(i - 1);
  if (prevCode === 0x2e || prevCode === 0x2c && numeralKind(view, i - 2, numerals) & ASCII_DIGIT) return false; // . and ,
  const here = numeralKind(view, i, numerals);
  // 几十年: no number starts after 几 (a vague count holds it)
  const inHanNumber = (prev & (DIGIT | SMALL_UNIT | BIG_UNIT | VAGUE)) !== 0;
  return (here & ASCII_DIGIT) !== 0 || (here & (DIGIT | SMALL_UNIT)) !== 0 && !inHanNumber;
}

/**
 * Can the number-led forms below match at i? What follows the number decides for most
 * numbers (amounts, counts) before any of them is tried; a superset of their own tests.
 */
function mayOpenDate(view: string, i: number, rules: DateRules, opts: ParseOptions, starts: DateStarts, families: number): boolean {
  const n = scanNumber(view, i, rules.numerals);
  // a range end or a known time expression allows bare forms
  if (opts.rangeTail || opts.expression) return true;
  // no number read (百 of 百度, 千 of 千瓦): every number-led form reads one, so only a word of
  // lunarAt can start here (a festival, 正月, 闰), and the LUNAR family says where one does
  if (!n) return (families & LUNAR) !== 0;
  const after = skipSpaces(view, n.end, 1);
  return starts.followsNumber(view, after) || starts.followsNumber(view, skipSpaces(view, after, 1))
    || isAsciiDigitCode(view.charCodeAt(i)) && numericShapeAt(view, i, false);
}

/** What the extractor learns of a position before trying the rules there (one object per article, updated in place). */
interface Position {
  /** the rule families whose words start here (DateStarts.familiesAt) */
  families: number;
  /** a number starts here, not inside another one (startsNumber) */
  numberStart: boolean;
}

function positionAt(view: string, i: number, rules: DateRules, starts: DateStarts): Position {
  return { families: starts.familiesAt(view, i), numberStart: startsNumber(view, i, rules.numerals) };
}

/** The date that starts at i, if any. */
function candidateAt(ctx: DocContext, i: number, rules: DateRules, opts: ParseOptions, starts: DateStarts, at: Position): DateCandidate | null {
  const { view } = ctx;
  let candidate: DateCandidate | null = null;
  if ((at.numberStart || opts.rangeTail && isAsciiDigitCode(view.charCodeAt(i))) && mayOpenDate(view, i, rules, opts, starts, at.families)) {
    const parts = parseDateAt(view, i, rules.numerals, rules.dates, opts) ?? (opts.rangeTail ? rangeDayAt(view, i, rules.numerals) : null);
    candidate = parts && absolute(parts, ctx.refDate);
    if (!candidate) {
      // the other number-led forms need a word right after the number: 世纪, 年代, a joiner, a unit
      const n = scanNumber(view, i, rules.numerals);
      const after = n ? view[n.end] : undefined;
      if (after === '世' || after === '年') candidate = centuryAt(ctx, i, rules);
      candidate ??= n?.plainDigits && n.digitCount === 4 ? bareYearBefore(ctx, i, rules) : null;
      candidate ??= n ? relativeAt(ctx, i, rules) : null;
    }
  }
  const bits = candidate ? 0 : at.families;
  if (bits !== 0) {
    candidate = (bits & WEEKDAY ? weekdayAt(ctx, i, rules) : null)
      ?? (bits & CENTURY ? centuryAt(ctx, i, rules) : null)
      ?? (bits & DEICTIC ? deicticAt(ctx, i, rules, opts) : null)
      ?? (bits & YEAR_PART ? yearPartAlone(ctx, i, rules) : null)
      ?? (bits & HOLIDAY ? holidayAt(ctx, i, rules) : null)
      ?? (bits & LUNAR ? lunarWordAt(ctx, i, rules) : null)
      ?? (bits & ERA ? eraAt(ctx, i, rules, opts) : null)
      ?? (bits & PAIR ? deicticPairAt(ctx, i, rules) : null)
      ?? (bits & TERM ? solarTermAt(ctx, i, rules) : null)
      ?? (bits & HALF ? relativeAt(ctx, i, rules) : null);
  }
  return candidate;
}

/** After a date, a joiner and a second date that may be written short (2010.05-2012, 11月六号到十二号). */
function rangeAfter(ctx: DocContext, a: DateCandidate, rules: DateRules, opts: ParseOptions): DateCandidate | null {
  const { view } = ctx;
  const j = skipSpaces(view, a.end, 1);
  const joiner = rangeJoinerAt(view, j, rules.dates);
  if (!joiner) return null;
  const k = skipSpaces(view, j + joiner.length, 1);
  const starts = dateStarts(rules);
  const at = positionAt(view, k, rules, starts);
  let b = candidateAt(ctx, k, rules, { ...opts, rangeTail: true }, starts, at);
  // 去年端午节到中秋节: a second end with no year falls in the first end's year
  const year = /^\d{4}/.exec(a.resolved ?? a.value)?.[0];
  if (b && !b.relative && b.value.startsWith('XXXX') && year && ctx.refDate && Number(year) !== ctx.refDate.year) {
    b = candidateAt({ ...ctx, refDate: { ...ctx.refDate, year: Number(year) } }, k, rules, { ...opts, rangeTail: true }, starts, at);
  }
  return b && joinRange(ctx, a, b, rules.dates);
}

const SINGLE_DAY = /^(\d{4}|XXXX)-\d{2}-(\d{2})$/;

/**
 * 3月5日、6日, 8月3号，4号，5号: a day written alone right after a day of a month, with
 * only a list joiner between, is the next item of a list and takes that month (and year);
 * a later day only, since lists run forward, with the same unit (日 or 号) as that day.
 */
function listedDayAt(ctx: DocContext, i: number, previous: DateCandidate | undefined, rules: DateRules): DateCandidate | null {
  if (!previous || i - previous.end > 3) return null;
  const day = SINGLE_DAY.exec(previous.value);
  if (!day) return null;
  const between = ctx.view.slice(previous.end, i).trim();
  if (!rules.dates.listJoiners.includes(between)) return null;
  const parts = rangeDayAt(ctx.view, i, rules.numerals);
  // the same unit as the day before (3月5日，6号线 is a metro line)
  if (!parts || parts.day! <= Number(day[2]) || ctx.view[parts.end - 1] !== ctx.view[previous.end - 1]) return null;
  if (rules.dates.dayNotFollowedBy.has(ctx.view[parts.end] ?? '')) return null;
  const value = previous.value.slice(0, 8) + pad2(parts.day!);
  const resolved = previous.resolved && SINGLE_DAY.test(previous.resolved) ? previous.resolved.slice(0, 8) + pad2(parts.day!) : undefined;
  if (!realDays(value) || (resolved && !realDays(resolved))) return null;
  return {
    type: 'date', start: i, end: parts.end, rule: 'date.d', value,
    ...(resolved && { resolved }), ...(previous.relative && { relative: true as const }),
  };
}

/** Does a set marker (每月, 每逢) end at i? Only looked up after one of their last characters. */
function setMarkerBefore(view: string, i: number, tables: DateTables): boolean {
  return tables.setMarkerEnds.has(view.charCodeAt(i - 1)) && tables.setMarkers.some((w) => view.endsWith(w, i));
}

/** The year a date writes or resolves to (2024年4月 -> 2024), unless it is an interval. */
function yearOf(c: DateCandidate): string | undefined {
  const v = c.resolved ?? c.value;
  return startsWithYear(v) && !v.includes('/') ? v.slice(0, 4) : undefined;
}

/**
 * A month or day whose year is a 年 no rule read (see keywords.yaml sameYearMarks):
 * 同年/当年 + the month in `year`, the year written last (one mention with 同年), else the
 * month with its year unknown (no resolved).
 */
function afterUnreadYear(ctx: DocContext, c: DateCandidate, year: string | undefined, tables: DateTables): DateCandidate {
  if (c.relative || !c.value.startsWith('XXXX-')) return c;
  const mark = ctx.view[c.start - 2] ?? '';
  const { resolved: _unknown, ...rest } = c;
  if (!tables.sameYearMarks.has(mark)) return rest;
  return { ...rest, start: c.start - 2, ...(year && { value: year + c.value.slice(4) }) };
}

export function extractDates(ctx: DocContext, rules: DateRules): DateCandidate[] {
  const { view } = ctx;
  const found: DateCandidate[] = [];
  // the year of the latest date with one (kept as we go: 同年 may look it up any number of times)
  let lastYear: string | undefined;
  const starts = dateStarts(rules);
  const at: Position = { families: 0, numberStart: false };
  // every field from the start: the object keeps one shape as anchorYear changes, and
  // rangeAfter's copy of it ({ ...opts, rangeTail }) stays on V8's fast path
  const opts: ParseOptions = { expression: ctx.dateExpression === true, rangeTail: false, refDate: ctx.refDate, anchorYear: undefined };
  // stops only where a word of a family or a number starts: elsewhere no rule can match (listedDayAt reads a number too)
  for (let i = starts.next(view, 0); i !== -1; i = starts.next(view, i)) {
    at.families = starts.familiesAt(view, i);
    at.numberStart = startsNumber(view, i, rules.numerals);
    let candidate = candidateAt(ctx, i, rules, opts, starts, at);
    if (!candidate || candidate.rule === 'date.d') candidate = listedDayAt(ctx, i, found[found.length - 1], rules) ?? candidate;
    // 每月15日, 每年年底: a set, no date (with the range it may open: 每年3月至5月)
    if (candidate && setMarkerBefore(view, candidate.start, rules.dates)) {
      i = (rangeAfter(ctx, candidate, rules, opts) ?? candidate).end;
      continue;
    }
    if (candidate && view.charCodeAt(candidate.start - 1) === 0x5e74 /* 年 */) candidate = afterUnreadYear(ctx, candidate, lastYear, rules.dates);
    // 1月1日元旦: a holiday right after a date names that date again
    if (candidate?.rule === 'date.holiday' && found.at(-1)?.end === i) {
      i = candidate.end;
      continue;
    }
    if (candidate) {
      const range = rangeAfter(ctx, candidate, rules, opts);
      const previous = found[found.length - 1];
      const joined = range ?? (previous && joinRange(ctx, previous, candidate, rules.dates));
      if (joined && !range) found[found.length - 1] = joined;
      else found.push(joined ?? candidate);
      lastYear = yearOf(joined ?? candidate) ?? lastYear;
      opts.anchorYear = lastYear;
      i = (joined ?? candidate).end;
    } else {
      // no date starts inside a number that starts none: skip it whole (linear on 一万一万...)
      const number = at.numberStart ? scanNumber(view, i, rules.numerals) : null;
      i = Math.max(i + 1, number?.end ?? i + 1);
    }
  }
  return found;
}
