/**
 * One numeral grammar for money and dates: Arabic (half width after the match view),
 * thousands separators, decimals, Han numerals, 万/亿/兆 multipliers, vague counts
 * (数亿, 几千万, 十几亿) and 余/多 inside an amount. A hand-written linear scanner:
 * no regular expression, so no backtracking on hostile input (100k digits, 亿亿亿...).
 */
import type { z } from 'zod';
import type { numeralsFile } from '../rules/schemas.js';
import { isAsciiDigit, isInlineSpace } from '../text/matchView.js';
import { charClass, type CharClass } from '../text/charClass.js';

export interface NumeralTables {
  digits: Map<string, number>;
  smallUnits: Map<string, number>;
  bigUnits: Map<string, number>;
  vague: Map<string, readonly [number, number]>;
  moreThan: Set<string>;
  point: string;
  /** characters a number can start with: ASCII digits, Han digits, 十百千, 数几 */
  startChars: CharClass;
}

export function compileNumerals(file: z.infer<typeof numeralsFile>): NumeralTables {
  return {
    digits: new Map(Object.entries(file.digits)),
    smallUnits: new Map(Object.entries(file.smallUnits)),
    bigUnits: new Map(Object.entries(file.bigUnits)),
    vague: new Map(Object.entries(file.vague)),
    moreThan: new Set(file.moreThan),
    point: file.point,
    startChars: charClass([...'0123456789', ...Object.keys(file.digits), ...Object.keys(file.smallUnits), ...Object.keys(file.vague)]),
  };
}

/** A number found in text. `min === max` unless it is a vague count. */
export interface NumberExpr {
  start: number;
  end: number;
  min: number;
  max: number;
  /** 数 / 几 inside: a vague count, reported as min/max */
  vague: boolean;
  /** 余 / 多 inside (100余万, 1亿多): the value is a lower bound */
  moreThan: boolean;
  /** only digits, no unit or separator (2024, 二〇二四): a year can be written this way */
  plainDigits: boolean;
  /** count of digits written, for plain digit strings */
  digitCount: number;
  /** the multiplier the number ends with (10^8 for 20亿, 1 for 20): a range's first half may borrow it */
  scale: number;
}

type Token =
  | { kind: 'digit'; v: number }
  | { kind: 'vague'; lo: number; hi: number }
  | { kind: 'small'; u: number }
  | { kind: 'big'; u: number }
  | { kind: 'point' }
  | { kind: 'more' };

const UNIT_KINDS: ReadonlySet<Token['kind']> = new Set(['big', 'small']);

/** Longest run of Arabic digits with optional ,ddd groups and a decimal part, from i. */
function scanArabic(text: string, i: number): { end: number; value: number; plain: boolean; digits: number } | null {
  let j = i;
  while (isAsciiDigit(text[j])) j++;
  if (j === i) return null;
  let plain = true;
  // thousands separators: exactly three digits after each comma (5,000万美元)
  while (text[j] === ',' && isAsciiDigit(text[j + 1]) && isAsciiDigit(text[j + 2]) && isAsciiDigit(text[j + 3]) && !isAsciiDigit(text[j + 4])) {
    j += 4;
    plain = false;
  }
  if (text[j] === '.' && isAsciiDigit(text[j + 1])) {
    j++;
    while (isAsciiDigit(text[j])) j++;
    plain = false;
  }
  const raw = text.slice(i, j).replace(/,/g, '');
  return { end: j, value: Number(raw), plain, digits: raw.length };
}

/** Evaluate Han numeral tokens, taking each vague digit at its low or high end. */
function evaluate(tokens: readonly Token[], pick: 'lo' | 'hi'): number {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let fraction = 0;
  let fractionScale = 0; // > 0 once a decimal point was read
  for (const t of tokens) {
    if (t.kind === 'digit' || t.kind === 'vague') {
      const d = t.kind === 'digit' ? t.v : t[pick];
      if (fractionScale > 0) {
        fraction += d * fractionScale;
        fractionScale /= 10;
      } else digit = digit === null ? d : digit * 10 + d; // 二〇二四 reads as a digit string
    } else if (t.kind === 'small') {
      section += (digit ?? 1) * t.u;
      digit = null;
    } else if (t.kind === 'big') {
      const current = section + (digit ?? 0) + fraction;
      section = 0;
      digit = null;
      fraction = 0;
      fractionScale = 0;
      // 万亿: a big unit with nothing before it multiplies what came before
      total = current === 0 ? (total || 1) * t.u : total + current * t.u;
    } else if (t.kind === 'point') {
      fractionScale = 0.1;
    }
  }
  return total + section + (digit ?? 0) + fraction;
}

/**
 * Read a number starting exactly at `i`, or return null. Stops at the first character
 * that cannot continue it; the caller decides what may follow (a currency, 年, 月...).
 */
export function scanNumber(text: string, i: number, t: NumeralTables): NumberExpr | null {
  const first = text[i]!;
  if (isAsciiDigit(first)) return scanArabicAmount(text, i, t);
  if (!t.digits.has(first) && !t.smallUnits.has(first) && !t.vague.has(first)) return null;
  return scanHanAmount(text, i, t);
}

/** 18 亿, 1.75 万亿, 100余万, 1亿2000万, 5,000万 */
function scanArabicAmount(text: string, i: number, t: NumeralTables): NumberExpr | null {
  let value = 0;
  let end = i;
  let moreThan = false;
  let lastUnit = Infinity;
  let plain = true;
  let digitCount = 0;
  let pos = i;
  for (;;) {
    const a = scanArabic(text, pos);
    if (!a) break;
    let j = a.end;
    let k = j;
    if (t.moreThan.has(text[k]!)) k++;
    const unitStart = isInlineSpace(text[k]) && t.bigUnits.has(text[k + 1] ?? '') ? k + 1 : k;
    let multiplier = 1;
    let u = unitStart;
    // a chain of units multiplies: 千万 = 10^7, 百亿 = 10^10, 万亿 = 10^12
    while (u < text.length && (t.bigUnits.has(text[u]!) || ((text[u] === '百' || text[u] === '千') && t.smallUnits.has(text[u]!)))) {
      multiplier *= t.bigUnits.get(text[u]!) ?? t.smallUnits.get(text[u]!)!;
      u++;
    }
    if (u > unitStart) {
      if (k > j) moreThan = true; // 100余万
      j = u;
    } else if (k > j) {
      // 余/多 after a bare number only counts when an amount unit follows it (handled by the caller)
      j = a.end;
    }
    // a second part must be of a smaller magnitude: 1亿2000万
    if (pos > i && multiplier >= lastUnit) break;
    value += a.value * multiplier;
    plain = plain && pos === i && multiplier === 1 && a.plain;
    digitCount = a.digits;
    end = j;
    lastUnit = multiplier;
    if (multiplier === 1) break;
    if (t.moreThan.has(text[end]!) && !isAsciiDigit(text[end + 1])) {
      // 1亿多元: 多 after the unit, before the currency
      moreThan = true;
      end++;
      break;
    }
    pos = end;
    if (!isAsciiDigit(text[pos])) break;
  }
  if (end === i) return null;
  return { start: i, end, min: value, max: value, vague: false, moreThan, plainDigits: plain, digitCount, scale: lastUnit === Infinity ? 1 : lastUnit };
}

/** 二十亿, 一百二十万, 数亿, 十几亿, 一点五亿, 二〇二四 */
function scanHanAmount(text: string, i: number, t: NumeralTables): NumberExpr | null {
  const tokens: Token[] = [];
  let j = i;
  let moreThan = false;
  let hasValue = false;
  let plain = true;
  let digitCount = 0;
  let seenPoint = false; // one decimal point at most: 一点五点五亿 is no number
  for (; j < text.length; j++) {
    const ch = text[j]!;
    const prev = tokens[tokens.length - 1];
    if (t.digits.has(ch)) {
      tokens.push({ kind: 'digit', v: t.digits.get(ch)! });
      hasValue = true;
      digitCount++;
    } else if (t.vague.has(ch)) {
      // 十几亿: after 十 the vague digit is 1..9
      const [lo, hi] = t.vague.get(ch)!;
      tokens.push(prev?.kind === 'small' ? { kind: 'vague', lo: 1, hi } : { kind: 'vague', lo, hi });
      hasValue = true;
      plain = false;
    } else if (t.smallUnits.has(ch)) {
      tokens.push({ kind: 'small', u: t.smallUnits.get(ch)! });
      hasValue = true;
      plain = false;
    } else if (t.bigUnits.has(ch) && hasValue) {
      tokens.push({ kind: 'big', u: t.bigUnits.get(ch)! });
      plain = false;
    } else if (ch === t.point && prev?.kind === 'digit' && t.digits.has(text[j + 1] ?? '') && !seenPoint) {
      seenPoint = true;
      tokens.push({ kind: 'point' });
      plain = false;
    } else if (t.moreThan.has(ch) && hasValue && tokens.length > 0) {
      // 三十多万 / 一百余亿: keep only when a unit follows, or as the last character
      // before a currency (the caller checks what follows)
      const next = text[j + 1] ?? '';
      if (t.bigUnits.has(next) || t.smallUnits.has(next)) {
        moreThan = true;
        continue;
      }
      const afterUnit = UNIT_KINDS.has(tokens[tokens.length - 1]!.kind);
      if (afterUnit) {
        moreThan = true;
        j++;
      }
      break;
    } else break;
  }
  if (!hasValue || j === i) return null;
  // a lone 百 or 千 without a digit is a word (百川, 千里), not a number; 百亿 and 十 (十月) are numbers
  if (tokens.every((tk) => tk.kind === 'small') && !(tokens.length === 1 && text[i] === '十')) return null;
  const lo = evaluate(tokens, 'lo');
  const hi = evaluate(tokens, 'hi');
  const vague = tokens.some((tk) => tk.kind === 'vague');
  let scale = 1;
  for (let k = tokens.length - 1; k >= 0 && tokens[k]!.kind === 'big'; k--) scale *= (tokens[k] as { u: number }).u;
  return { start: i, end: j, min: lo, max: hi, vague, moreThan, plainDigits: plain, digitCount: plain ? digitCount : 0, scale };
}
