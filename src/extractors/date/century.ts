/**
 * Centuries and decades: 18世纪, 十八世纪六十年代, 上世纪50年代, 八十年代末期, 19世纪初.
 * TIMEX3 writes a century with its first two digits (18世纪 -> 17) and a decade
 * with its first three (80年代 -> 198).
 */
import type { DocContext } from '../../context.js';
import type { DateCandidate } from '../candidate.js';
import { scanNumber } from '../../numeral/index.js';
import { matchPart } from './tables.js';
import { isHan } from '../../text/matchView.js';
import type { DateRules } from './index.js';

export const DEICTIC_CENTURY: readonly (readonly [string, number])[] = [['上世纪', -1], ['上个世纪', -1], ['本世纪', 0], ['这个世纪', 0]];

/** The century number written at i (十九世纪, 18世纪, 上世纪), with where 世纪 ends. */
function centuryNumberAt(ctx: DocContext, i: number, rules: DateRules): { end: number; century?: number } | null {
  const { view } = ctx;
  for (const [word, offset] of DEICTIC_CENTURY) {
    if (view.startsWith(word, i)) {
      if (!ctx.refDate) return { end: i + word.length };
      return { end: i + word.length, century: Math.floor((ctx.refDate.year - 1) / 100) + 1 + offset };
    }
  }
  const n = scanNumber(view, i, rules.numerals);
  if (!n || n.vague || n.moreThan || n.min < 1 || n.min > 22 || n.min !== Math.floor(n.min)) return null;
  return view.startsWith('世纪', n.end) ? { end: n.end + 2, century: n.min } : null;
}

/** 80年代, 八十年代: the decade digit, with where 年代 ends. */
function decadeAt(ctx: DocContext, i: number, rules: DateRules): { end: number; decade: number } | null {
  const n = scanNumber(ctx.view, i, rules.numerals);
  if (!n || n.vague || n.moreThan || n.min % 10 !== 0 || n.min < 0 || n.min > 90) return null;
  // 80年代 or 八十年代, not 1980年代 (a year) or 0年代
  if (n.plainDigits && n.digitCount !== 2) return null;
  return ctx.view.startsWith('年代', n.end) ? { end: n.end + 2, decade: n.min / 10 } : null;
}

export function centuryAt(ctx: DocContext, i: number, rules: DateRules): DateCandidate | null {
  const century = centuryNumberAt(ctx, i, rules);
  let end: number;
  let value: string;
  if (century) {
    if (century.century === undefined) return null;
    const cc = String(century.century - 1).padStart(2, '0');
    const decade = decadeAt(ctx, century.end, rules);
    end = decade?.end ?? century.end;
    value = decade ? `${cc}${decade.decade}` : cc;
  } else {
    const decade = decadeAt(ctx, i, rules);
    if (!decade || ctx.boundary[i] !== 1) return null;
    end = decade.end;
    // 80年代 without a century: the latest such decade that has begun by refDate (the 1980s)
    const year = ctx.refDate?.year ?? 1999;
    let start = Math.floor(year / 100) * 100 + decade.decade * 10;
    if (start > year) start -= 100;
    value = String(start).slice(0, 3);
  }
  const part = matchPart(ctx.view, end, rules.dates.centuryParts);
  const mod = part?.part === 'START' || part?.part === 'MID' || part?.part === 'END' ? part.part : undefined;
  if (mod) end += part!.word.length;
  // 《21世纪商业评论》, 21世纪不动产: a bare century before a noun or inside a title is a name
  const next = ctx.view[end] ?? '';
  if (value.length === 2 && !mod && (ctx.view[i - 1] === '《' || isHan(next) && !rules.dates.centuryFollowers.has(next))) return null;
  return { type: 'date', start: i, end, rule: 'date.century', value, ...(mod && { mod }) };
}
