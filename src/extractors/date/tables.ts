/** Date keyword tables compiled for longest-first lookup. */
import type { z } from 'zod';
import type { dateKeywordsFile } from '../../rules/schemas.js';
import type { DeicticUnit } from './refDate.js';
import { WordTable } from '../../text/wordTable.js';
import { CodeSet, codeSetOf } from '../../text/codeSet.js';

export type DatePart = 'START' | 'MID' | 'END' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | 'SP' | 'SU' | 'FA' | 'WI';

export interface SolarTerm {
  month: number;
  c: number;
  shift: ReadonlyMap<number, number>;
  bare: boolean;
}

export type Holiday = { month: number; day: number } | { month: number; weekday: number; nth: number };

export interface PartRule {
  word: string;
  part: DatePart | null;
  notFollowedBy: ReadonlySet<string>;
}

export interface DeicticEntry {
  unit: DeicticUnit;
  offset: number;
  mod?: 'START' | 'MID' | 'END';
  /** characters right after or right before the word that make it part of another phrase */
  notFollowedBy?: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  /** a year counted from the year the text wrote last (次年), else from refDate */
  anaphoric?: boolean;
}

export interface DateTables {
  deictic: WordTable<DeicticEntry>;
  gluedBefore: ReadonlySet<string>;
  /** the deictic words (今年, 去年, 本月 ...): where deicticAt can start */
  deicticWords: readonly string[];
  /** longest word first, so 年初 is tried before 初 */
  yearParts: readonly PartRule[];
  monthParts: readonly PartRule[];
  /** 暑假, 寒假: months of a year */
  schoolBreaks: WordTable<{ month: number; monthTo: number }>;
  rangeJoiners: readonly string[];
  /** their first characters: rangeJoinerAt looks for a joiner only after one of them */
  rangeJoinerFirsts: CodeSet;
  listJoiners: readonly string[];
  /** 每月, 每逢 right before a date: a set, no date; longest first */
  setMarkers: readonly string[];
  /** last characters of the set markers */
  setMarkerEnds: CodeSet;
  /** 同, 当 (同年9月: the year written last) */
  sameYearMarks: ReadonlySet<string>;
  /** 春 -> SP: a season in one character after a year (2020年春) */
  seasonChars: ReadonlyMap<string, DatePart>;
  /** Han characters that may follow such a season (2020年春至夏); any other makes a word (春节, 冬奥会) */
  seasonCharFollowers: ReadonlySet<string>;
  dayNotFollowedBy: ReadonlySet<string>;
  weekdayPrefixes: readonly string[];
  weekdays: ReadonlyMap<string, number | null>;
  /** 上, 下个, 这: the week a weekday is in (上个星期一, 下周六), longest first */
  weekShift: readonly (readonly [string, number])[];
  notBeforeWeekday: ReadonlySet<string>;
  relativeUnits: WordTable<DeicticUnit>;
  relativeUnitWords: readonly string[];
  relativeDirections: WordTable<-1 | 1>;
  /** 末, 初 after a quarter or half (一季度末) */
  quarterEdges: readonly PartRule[];
  /** characters that may follow a bare day number ending an expression (1月3，) */
  bareDayFollowers: ReadonlySet<string>;
  /** characters before a two-digit number that make it a count, not a year (近20年) */
  shortYearNotAfter: ReadonlySet<string>;
  /** characters after N年 that make it a duration (三三年来) */
  countFollowers: ReadonlySet<string>;
  /** words before an 8-digit number that make it a code (订单号20230915) */
  codeCues: readonly string[];
  /** characters after a number that make it an amount or a count (2008.03元) */
  numberFollowers: ReadonlySet<string>;
  holidays: WordTable<Holiday>;
  holidayWords: readonly string[];
  holidayFollowers: readonly string[];
  lunarMarkers: readonly string[];
  eras: WordTable<number>;
  deicticPairs: WordTable<{ unit: DeicticUnit; from: number; to: number }>;
  solarTerms: WordTable<SolarTerm>;
  lunarMonthWords: WordTable<number>;
  lunarFestivals: WordTable<{ month: number; day: number; bare: boolean }>;
  /**
   * What a lunar date, an era, a paired deictic and a solar term can start with (农历, 正月,
   * 春节, 闰 + a month ...): the extractor tries each family only where one of its words starts
   */
  lunarStartWords: readonly string[];
  eraWords: readonly string[];
  pairWords: readonly string[];
  solarTermWords: readonly string[];
  /** 初, 末期 after a century or decade */
  centuryParts: readonly PartRule[];
  /** what may follow a bare century (21世纪的) */
  centuryFollowers: ReadonlySet<string>;
  /** 赛季, 财年 after 2011-12: two years, not a month */
  twoYearFollowers: readonly string[];
}

function table<V>(entries: Record<string, V>): WordTable<V> {
  const t = new WordTable<V>();
  for (const [w, v] of Object.entries(entries)) t.set(w, v);
  return t;
}

const byLengthDesc = (a: { word: string }, b: { word: string }) => b.word.length - a.word.length;

function compileParts(parts: z.infer<typeof dateKeywordsFile>['yearParts'], fail: (reason: string) => never): PartRule[] {
  const seen = new Map<string, string | null>();
  for (const p of parts) {
    if (seen.has(p.word)) fail(`"${p.word}" is listed twice (as ${seen.get(p.word)} and ${p.part})`);
    seen.set(p.word, p.part);
  }
  return parts.map((p) => ({ word: p.word, part: p.part, notFollowedBy: new Set(p.notFollowedBy ?? []) })).sort(byLengthDesc);
}

export function compileDateTables(file: z.infer<typeof dateKeywordsFile>, fail: (reason: string) => never): DateTables {
  const deictic = new WordTable<DeicticEntry>();
  for (const [word, { notFollowedBy, notAfter, ...entry }] of Object.entries(file.deictic)) {
    deictic.set(word, { ...entry, ...(notFollowedBy && { notFollowedBy: new Set(notFollowedBy) }), ...(notAfter && { notAfter: new Set(notAfter) }) });
  }
  return {
    deictic,
    deicticWords: Object.keys(file.deictic),
    gluedBefore: new Set(file.gluedBefore),
    yearParts: compileParts(file.yearParts, fail),
    monthParts: compileParts(file.monthParts, fail),
    schoolBreaks: table(file.schoolBreaks),
    rangeJoiners: [...file.rangeJoiners].sort((a, b) => b.length - a.length),
    rangeJoinerFirsts: codeSetOf(file.rangeJoiners),
    listJoiners: [...file.listJoiners],
    setMarkers: [...file.setMarkers].sort((a, b) => b.length - a.length),
    setMarkerEnds: codeSetOf(file.setMarkers, 'last'),
    sameYearMarks: new Set(file.sameYearMarks),
    seasonChars: new Map(Object.entries(file.seasonChars)),
    seasonCharFollowers: new Set(file.seasonCharFollowers),
    dayNotFollowedBy: new Set(file.dayNotFollowedBy),
    weekdayPrefixes: [...file.weekdayPrefixes].sort((a, b) => b.length - a.length),
    weekdays: new Map(Object.entries(file.weekdays)),
    weekShift: Object.entries(file.weekShift).sort((a, b) => b[0].length - a[0].length),
    notBeforeWeekday: new Set(file.notBeforeWeekday),
    relativeUnits: table(file.relativeUnits),
    relativeUnitWords: Object.keys(file.relativeUnits),
    relativeDirections: table(file.relativeDirections),
    quarterEdges: compileParts(file.quarterEdges, fail),
    bareDayFollowers: new Set(file.bareDayFollowers),
    shortYearNotAfter: new Set(file.shortYearNotAfter),
    countFollowers: new Set(file.countFollowers),
    codeCues: [...file.codeCues],
    numberFollowers: new Set(file.numberFollowers),
    holidays: table(file.holidays),
    holidayWords: Object.keys(file.holidays),
    holidayFollowers: [...file.holidayFollowers],
    centuryParts: compileParts(file.centuryParts, fail),
    centuryFollowers: new Set(file.centuryFollowers),
    twoYearFollowers: [...file.twoYearFollowers],
    lunarMarkers: [...file.lunarMarkers],
    eras: table(file.eras),
    deicticPairs: table(file.deicticPairs),
    solarTerms: table(Object.fromEntries(Object.entries(file.solarTerms).map(([w, t]) => [w, {
      month: t.month, c: t.c, bare: t.bare ?? true, shift: new Map(Object.entries(t.shift ?? {}).map(([y, d]) => [Number(y), d])),
    }]))),
    lunarMonthWords: table(file.lunarMonthWords),
    lunarFestivals: table(file.lunarFestivals),
    // 闰 is followed by any month (闰四月); 大年初三 (lunarParse.ts)
    lunarStartWords: [...file.lunarMarkers, ...Object.keys(file.lunarMonthWords), ...Object.keys(file.lunarFestivals), '闰', '大年初'],
    eraWords: Object.keys(file.eras),
    pairWords: Object.keys(file.deicticPairs),
    solarTermWords: Object.keys(file.solarTerms),
  };
}

/** parts by the code of their first character (longest first), built once per list */
const partIndex = new WeakMap<readonly PartRule[], Map<number, PartRule[]>>();
function byFirstChar(parts: readonly PartRule[]): Map<number, PartRule[]> {
  let index = partIndex.get(parts);
  if (!index) {
    index = new Map();
    for (const p of parts) {
      const first = p.word.charCodeAt(0);
      const list = index.get(first) ?? [];
      list.push(p);
      index.set(first, list);
    }
    partIndex.set(parts, index);
  }
  return index;
}

/** The part word at i (longest first), unless the next character shows it belongs to another word. */
export function matchPart(view: string, i: number, parts: readonly PartRule[]): PartRule | undefined {
  const candidates = byFirstChar(parts).get(view.charCodeAt(i)); // NaN past the end: none
  if (!candidates) return undefined;
  for (const p of candidates) {
    if (view.startsWith(p.word, i) && !p.notFollowedBy.has(view[i + p.word.length] ?? '')) return p;
  }
  return undefined;
}

/** The range joiner at i (longest first), if any: most positions are ruled out by their first character. */
export function rangeJoinerAt(view: string, i: number, tables: DateTables): string | undefined {
  if (!tables.rangeJoinerFirsts.has(view.charCodeAt(i))) return undefined;
  return tables.rangeJoiners.find((w) => view.startsWith(w, i));
}
