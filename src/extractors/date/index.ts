/**
 * Date extractor: absolute and partial dates, year parts, deictic words and ranges,
 * normalised to TIMEX3 values (ANNOTATION.md). Durations (3个月内, 过去两年) never
 * match: a month needs 月 right after its number, a year needs four digits and 年.
 */
import type { DocContext } from '../../context.js';
import type { DateCandidate } from '../candidate.js';
import { scanNumber, type NumeralTables } from '../../numeral/index.js';
import { isAsciiDigit, isHan, skipSpaces } from '../../text/matchView.js';
import { charClass, type CharClass } from '../../text/charClass.js';
import { afterYear, parseDateAt, yearNumberAt, type DateParts } from './parse.js';
import { isRealDay, pad2, resolveDeictic, weekdayNear, type RefDate } from './refDate.js';
import { matchPart } from './tables.js';
import type { DatePart, DateTables } from './tables.js';

export interface DateRules {
  numerals: NumeralTables;
  dates: DateTables;
}

const YEAR_PARTS = new Set<DatePart>(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2']);

/** TIMEX value and mod of a parsed calendar expression. */
function timex(p: { year?: number | string; month?: number; day?: number; part?: DatePart; monthTo?: number; dayTo?: number }): Pick<DateCandidate, 'value' | 'mod'> {
  const year = p.year === undefined ? 'XXXX' : String(p.year);
  // 2019年1-5月, 4月12-19日: an interval written once
  if (p.monthTo !== undefined && p.month !== undefined) return { value: `${year}-${pad2(p.month)}/${year}-${pad2(p.monthTo)}` };
  if (p.dayTo !== undefined && p.month !== undefined && p.day !== undefined) {
    return { value: `${year}-${pad2(p.month)}-${pad2(p.day)}/${year}-${pad2(p.month)}-${pad2(p.dayTo)}` };
  }
  let value = year;
  if (p.part && YEAR_PARTS.has(p.part)) value = `${year}-${p.part}`;
  else if (p.month !== undefined) value = `${year}-${pad2(p.month)}${p.day !== undefined ? `-${pad2(p.day)}` : ''}`;
  else if (p.day !== undefined) value = `${year}-XX-${pad2(p.day)}`;
  const mod = p.part === 'START' || p.part === 'MID' || p.part === 'END' ? p.part : undefined;
  return mod ? { value, mod } : { value };
}

/** A partial date (XXXX-03-19) completed from refDate where it knows enough. */
function resolvePartial(value: string, ref: RefDate | undefined): string | undefined {
  if (!ref || !value.startsWith('XXXX')) return undefined;
  if (value.includes('/')) {
    const [a, b] = value.split('/').map((v) => resolvePartial(v, ref));
    return a && b ? `${a}/${b}` : undefined;
  }
  const resolved = value.startsWith('XXXX-XX-')
    ? ref.month === undefined ? undefined : `${ref.year}-${pad2(ref.month)}${value.slice(7)}`
    : `${ref.year}${value.slice(4)}`;
  // 2月29日 in a year without one, 30日 in a 29-day month: no such day to resolve to
  const day = resolved && /^(\d{4})-(\d{2})-(\d{2})$/.exec(resolved);
  if (day && !isRealDay(Number(day[1]), Number(day[2]), Number(day[3]))) return undefined;
  return resolved;
}

function absolute(p: DateParts, ref: RefDate | undefined): DateCandidate {
  const { value, mod } = timex(p);
  const resolved = resolvePartial(value, ref);
  return {
    type: 'date', start: p.start, end: p.end, rule: `date.${p.form}${p.part ? '-part' : ''}`, value,
    ...(mod && { mod }), ...(resolved && { resolved }),
  };
}

/** 今年, 去年底, 今年初, 去年 10 月, 近日, 本周 */
function deicticAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const { view } = ctx;
  const tables = rules.dates;
  // 目前天气 holds 前天 across a word boundary; 较前年 is 较 + 前年
  if (ctx.boundary[i] !== 1 && !(ctx.boundary[i - 1] === 1 && tables.gluedBefore.has(view[i - 1]!))) return null;
  const hit = tables.deictic.startingAt(view, i);
  if (hit) {
    const entry = hit.value;
    let end = i + hit.word.length;
    let value = resolveDeictic(entry.unit, entry.offset, ctx.refDate);
    let mod: DateCandidate['mod'] = entry.mod;
    if (entry.unit === 'year' && !entry.mod) {
      const rest = afterYear(view, end, rules.numerals, tables);
      if (rest) {
        const t = timex({ year: value, ...rest });
        end = rest.end;
        value = t.value;
        mod = t.mod;
      }
    } else if (entry.unit === 'month' && !entry.mod) {
      // 本月底, 上月中旬
      const part = matchPart(view, end, tables.monthParts);
      if (part) {
        end += part.word.length;
        if (part.part === 'START' || part.part === 'MID' || part.part === 'END') mod = part.part;
      }
    }
    return { type: 'date', start: i, end, rule: 'date.deictic', value, relative: true, ...(mod && { mod }) };
  }
  return null;
}

/** 3天前, 两年后, 5个月以后: N units from refDate (relative; story-anchored ones are optional in gold). */
function relativeAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const { view } = ctx;
  const n = scanNumber(view, i, rules.numerals);
  if (!n || n.vague || n.moreThan || n.min !== Math.floor(n.min) || n.min < 1 || n.min > 1000) return null;
  const u = skipSpaces(view, n.end, 1);
  const unit = rules.dates.relativeUnits.startingAt(view, u);
  if (!unit) return null;
  const d = rules.dates.relativeDirections.startingAt(view, u + unit.word.length);
  if (!d) return null;
  const end = u + unit.word.length + d.word.length;
  const value = resolveDeictic(unit.value, d.value * n.min, ctx.refDate);
  return { type: 'date', start: i, end, rule: 'date.relative', value, relative: true };
}

/** 周五, 星期五, 下周三: a day of a week; resolved to the date when refDate has a day. */
function weekdayAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const { view } = ctx;
  const t = rules.dates;
  if (t.notBeforeWeekday.has(view[i - 1] ?? '')) return null;
  let shift = 0;
  let p = i;
  if (t.weekShift.has(view[i]!) && t.weekdayPrefixes.some((w) => view.startsWith(w, i + 1))) {
    shift = t.weekShift.get(view[i]!)!;
    p++;
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
  const end = i + p.word.length;
  if (ctx.boundary[end] !== 1) return null;
  const value = `XXXX-${p.part}`;
  const resolved = resolvePartial(value, ctx.refDate);
  return { type: 'date', start: i, end, rule: 'date.year-part', value, ...(resolved && { resolved }) };
}

/** 2019-2023年, 2019 年 -2023 年, 2019年至2023年, 3月至5月: one mention, value a/b. */
function joinRange(ctx: DocContext, a: DateCandidate, b: DateCandidate, tables: DateTables): DateCandidate | null {
  if (a.relative || b.relative || a.mod || b.mod) return null;
  const between = ctx.view.slice(a.end, b.start).trim();
  if (!tables.rangeJoiners.includes(between)) return null;
  // 3月24日至28日: the second end borrows the year and month it does not write
  let second = b.value;
  let secondResolved = b.resolved;
  if (second.startsWith('XXXX-XX-') && /^(XXXX|\d{4})-\d{2}-\d{2}$/.test(a.value)) {
    second = a.value.slice(0, 8) + second.slice(8);
    secondResolved = a.resolved && a.resolved.slice(0, 8) + second.slice(8);
  }
  if (a.value.length !== second.length || a.value >= second) return null;
  const resolved = a.resolved && secondResolved ? { resolved: `${a.resolved}/${secondResolved}` } : {};
  return { type: 'date', start: a.start, end: b.end, rule: 'date.range', value: `${a.value}/${second}`, ...resolved };
}

/** A bare year before a joiner and a year with 年 (2019-2023年): the first year borrows 年. */
function bareYearBefore(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const year = yearNumberAt(ctx.view, i, rules.numerals);
  if (!year) return null;
  const j = skipSpaces(ctx.view, year.end, 1);
  const joiner = rules.dates.rangeJoiners.find((w) => ctx.view.startsWith(w, j));
  if (!joiner) return null;
  const next = parseDateAt(ctx.view, skipSpaces(ctx.view, j + joiner.length, 1), rules.numerals, rules.dates);
  if (!next || next.form !== 'ymd' || next.month !== undefined || next.part) return null;
  return { type: 'date', start: i, end: year.end, rule: 'date.ymd', value: String(year.min) };
}

/** Is i the first character of a number (not in the middle of one)? */
function startsNumber(view: string, i: number, numerals: NumeralTables): boolean {
  const prev = view[i - 1] ?? '';
  if (isAsciiDigit(prev) || prev === '.' || prev === ',' && isAsciiDigit(view[i - 2])) return false;
  const inHanNumber = numerals.digits.has(prev) || numerals.smallUnits.has(prev) || numerals.bigUnits.has(prev);
  return isAsciiDigit(view[i]) || (numerals.digits.has(view[i]!) || numerals.smallUnits.has(view[i]!)) && !inHanNumber;
}

/** Characters a date can start with: number starts and the first characters of deictic words. */
const startCache = new WeakMap<DateRules, CharClass>();
function dateStarts(rules: DateRules): CharClass {
  let starts = startCache.get(rules);
  if (!starts) {
    const t = rules.dates;
    starts = charClass([
      ...'0123456789Q', ...rules.numerals.digits.keys(), ...rules.numerals.smallUnits.keys(), ...t.deicticFirstChars,
      ...t.weekShift.keys(), ...t.weekdayPrefixes.map((w) => w[0]!), ...t.yearParts.map((p) => p.word[0]!),
    ]);
    startCache.set(rules, starts);
  }
  return starts;
}

export function extractDates(ctx: DocContext, rules: DateRules): DateCandidate[] {
  const { view } = ctx;
  const found: DateCandidate[] = [];
  const starts = dateStarts(rules);
  for (let i = starts.next(view, 0); i !== -1 && i < view.length; i = starts.next(view, i)) {
    let candidate: DateCandidate | null = null;
    let numberEnd = i + 1;
    if (startsNumber(view, i, rules.numerals)) {
      const parts = parseDateAt(view, i, rules.numerals, rules.dates);
      candidate = parts ? absolute(parts, ctx.refDate) : bareYearBefore(ctx, i, rules) ?? relativeAt(ctx, i, rules);
      // no date starts inside a number that starts none: skip it whole (linear on 一万一万...)
      if (!candidate) numberEnd = Math.max(numberEnd, scanNumber(view, i, rules.numerals)?.end ?? numberEnd);
    }
    if (!candidate && (isHan(view[i]) || view[i] === 'Q')) {
      candidate = weekdayAt(ctx, i, rules) ?? deicticAt(ctx, i, rules) ?? yearPartAlone(ctx, i, rules);
    }
    if (candidate) {
      const previous = found[found.length - 1];
      const range = previous && joinRange(ctx, previous, candidate, rules.dates);
      if (range) found[found.length - 1] = range;
      else found.push(candidate);
      i = candidate.end;
    } else i = numberEnd;
  }
  return found;
}
