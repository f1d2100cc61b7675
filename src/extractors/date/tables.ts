/** Date keyword tables compiled for longest-first lookup. */
import type { z } from 'zod';
import type { dateKeywordsFile } from '../../rules/schemas.js';
import type { DeicticUnit } from './refDate.js';
import { WordTable } from '../../text/wordTable.js';

export type DatePart = 'START' | 'MID' | 'END' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2';

export interface PartRule {
  word: string;
  part: DatePart | null;
  notFollowedBy: ReadonlySet<string>;
}

export interface DateTables {
  deictic: WordTable<{ unit: DeicticUnit; offset: number; mod?: 'START' | 'MID' | 'END' }>;
  gluedBefore: ReadonlySet<string>;
  /** first characters of the deictic words (今, 去, 本, 近 ...) */
  deicticFirstChars: string[];
  /** longest word first, so 年初 is tried before 初 */
  yearParts: readonly PartRule[];
  monthParts: readonly PartRule[];
  rangeJoiners: readonly string[];
  dayNotFollowedBy: ReadonlySet<string>;
  weekdayPrefixes: readonly string[];
  weekdays: ReadonlyMap<string, number | null>;
  weekShift: ReadonlyMap<string, number>;
  notBeforeWeekday: ReadonlySet<string>;
  relativeUnits: WordTable<DeicticUnit>;
  relativeDirections: WordTable<-1 | 1>;
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
  const deictic = new WordTable<{ unit: DeicticUnit; offset: number; mod?: 'START' | 'MID' | 'END' }>();
  for (const [word, entry] of Object.entries(file.deictic)) deictic.set(word, entry);
  return {
    deictic,
    deicticFirstChars: Object.keys(file.deictic).map((w) => w[0]!),
    gluedBefore: new Set(file.gluedBefore),
    yearParts: compileParts(file.yearParts, fail),
    monthParts: compileParts(file.monthParts, fail),
    rangeJoiners: [...file.rangeJoiners].sort((a, b) => b.length - a.length),
    dayNotFollowedBy: new Set(file.dayNotFollowedBy),
    weekdayPrefixes: [...file.weekdayPrefixes].sort((a, b) => b.length - a.length),
    weekdays: new Map(Object.entries(file.weekdays)),
    weekShift: new Map(Object.entries(file.weekShift)),
    notBeforeWeekday: new Set(file.notBeforeWeekday),
    relativeUnits: table(file.relativeUnits),
    relativeDirections: table(file.relativeDirections),
  };
}

/** The part word at i (longest first), unless the next character shows it belongs to another word. */
export function matchPart(view: string, i: number, parts: readonly PartRule[]): PartRule | undefined {
  for (const p of parts) {
    if (view.startsWith(p.word, i) && !p.notFollowedBy.has(view[i + p.word.length] ?? '')) return p;
  }
  return undefined;
}
