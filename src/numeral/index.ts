/**
 * One numeral grammar for money and dates: Arabic (half width after the match view),
 * thousands separators, decimals, Han numerals, 万/亿/兆 multipliers, vague counts
 * (数亿, 几千万, 十几亿) and 余/多 inside an amount. A hand-written linear scanner:
 * no regular expression, so no backtracking on hostile input (100k digits, 亿亿亿...).
 */
import type { z } from 'zod';
import type { numeralsFile } from '../rules/schemas.js';
import { isAsciiDigitCode, isInlineSpace } from '../text/matchView.js';
import { CodeSet } from '../text/codeSet.js';

export interface NumeralTables {
  digits: Map<string, number>;
  smallUnits: Map<string, number>;
  bigUnits: Map<string, number>;
  vague: Map<string, readonly [number, number]>;
  moreThan: Set<string>;
  /**
   * The one-character entries of digits, smallUnits, bigUnits and vague by character code:
   * the scanners read a character's value without making a string of it.
   */
  byCode: { digits: Map<number, number>; smallUnits: Map<number, number>; bigUnits: Map<number, number>; vague: Map<number, readonly [number, number]> };
  point: string;
  /**
   * What each UTF-16 code unit can be inside a number (bits DIGIT ... ASCII_DIGIT): the
   * extractors ask this at every candidate position, and a typed-array read by
   * charCodeAt allocates nothing (text[i] makes a string for each Han character).
   */
  kind: Uint8Array;
  /**
   * The characters a number can start with (ASCII digits, Han digits, 十百千, 数几: kind
   * ASCII_DIGIT, DIGIT, SMALL_UNIT or VAGUE) as a bitset, for the scan over a whole article:
   * at 8 KB it stays in cache where the 64 KB kind table costs a memory read for most Han
   * characters once jieba has run.
   */
  startChars: CodeSet;
}

/** bits of NumeralTables.kind */
export const DIGIT = 1, SMALL_UNIT = 2, BIG_UNIT = 4, VAGUE = 8, MORE_THAN = 16, ASCII_DIGIT = 32, INLINE_SPACE = 64;

/** The kind bits of the character at i (0 outside the text). */
export function numeralKind(text: string, i: number, t: NumeralTables): number {
  return i >= 0 && i < text.length ? t.kind[text.charCodeAt(i)]! : 0;
}

const NUMBER_START = ASCII_DIGIT | DIGIT | SMALL_UNIT | VAGUE;

/**
 * The next offset from `from` where a number can start (an ASCII digit, a Han digit, 十百千,
 * 数几), or -1.
 */
export function nextNumberStart(text: string, from: number, t: NumeralTables): number {
  for (let i = Math.max(0, from); i < text.length; i++) if (t.startChars.has(text.charCodeAt(i))) return i;
  return -1;
}

/** skipSpaces(text, i, 1) on the kind table: the offset after one inline space at i, if there is one */
export function afterSpace(text: string, i: number, t: NumeralTables): number {
  return numeralKind(text, i, t) & INLINE_SPACE ? i + 1 : i;
}

/** skipSpacesBack(text, i, 1) on the kind table: the offset of one inline space right before i, if there is one */
export function beforeSpace(text: string, i: number, t: NumeralTables): number {
  return numeralKind(text, i - 1, t) & INLINE_SPACE ? i - 1 : i;
}

function kindTable(file: z.infer<typeof numeralsFile>): Uint8Array {
  const kind = new Uint8Array(0x10000);
  const mark = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) if (k.length === 1) kind[k.charCodeAt(0)]! |= bit;
  };
  mark(Object.keys(file.digits), DIGIT);
  mark(Object.keys(file.smallUnits), SMALL_UNIT);
  mark(Object.keys(file.bigUnits), BIG_UNIT);
  mark(Object.keys(file.vague), VAGUE);
  mark(file.moreThan, MORE_THAN);
  mark('0123456789', ASCII_DIGIT);
  // the spaces allowed between a number and its unit (18 亿美元), as isInlineSpace says
  for (let c = 0; c < 0x10000; c++) if (isInlineSpace(String.fromCharCode(c))) kind[c]! |= INLINE_SPACE;
  return kind;
}

function byCode<V>(entries: Record<string, V>): Map<number, V> {
  return new Map(Object.entries(entries).filter(([ch]) => ch.length === 1).map(([ch, v]) => [ch.charCodeAt(0), v]));
}

/** the codes whose kind has any of `bits` */
function codesOf(kind: Uint8Array, bits: number): CodeSet {
  const set = new CodeSet();
  for (let c = 0; c < 0x10000; c++) if (kind[c]! & bits) set.add(c);
  return set;
}

export function compileNumerals(file: z.infer<typeof numeralsFile>): NumeralTables {
  const kind = kindTable(file);
  return {
    digits: new Map(Object.entries(file.digits)),
    smallUnits: new Map(Object.entries(file.smallUnits)),
    bigUnits: new Map(Object.entries(file.bigUnits)),
    vague: new Map(Object.entries(file.vague)),
    moreThan: new Set(file.moreThan),
    byCode: { digits: byCode(file.digits), smallUnits: byCode(file.smallUnits), bigUnits: byCode(file.bigUnits), vague: byCode(file.vague) },
    point: file.point,
    kind,
    startChars: codesOf(kind, NUMBER_START),
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

type TokenKind = 'digit' | 'vague' | 'small' | 'big' | 'point';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Longest run of Arabic digits with optional ,ddd groups and a decimal part, from i. */
function scanArabic(text: string, i: number): { end: number; value: number; plain: boolean; digits: number } | null {
  let j = i;
  // text.charCodeAt is NaN past the end: no digit (called directly: a helper closure here
  // was an allocation per number)
  // the digits read as an integer mantissa and a count of decimals, while that is exact
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  for (let c = text.charCodeAt(j); isAsciiDigitCode(c); c = text.charCodeAt(++j)) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
  }
  if (j === i) return null;
  let plain = true;
  // thousands separators: exactly three digits after each comma (5,000万美元)
  while (text.charCodeAt(j) === 44 && isAsciiDigitCode(text.charCodeAt(j + 1)) && isAsciiDigitCode(text.charCodeAt(j + 2)) && isAsciiDigitCode(text.charCodeAt(j + 3)) && !isAsciiDigitCode(text.charCodeAt(j + 4))) {
    mantissa = mantissa * 1000 + (text.charCodeAt(j + 1) - 48) * 100 + (text.charCodeAt(j + 2) - 48) * 10 + (text.charCodeAt(j + 3) - 48);
    digits += 3;
    j += 4;
    plain = false;
  }
  if (text.charCodeAt(j) === 46 && isAsciiDigitCode(text.charCodeAt(j + 1))) {
    j++;
    for (let c = text.charCodeAt(j); isAsciiDigitCode(c); c = text.charCodeAt(++j)) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      decimals++;
    }
    plain = false;
  }
  // up to 15 digits the mantissa and 10^decimals are exact, so one division rounds
  // exactly as Number() parses the string; longer runs take the string route
  const value = digits <= 15 ? (decimals === 0 ? mantissa : mantissa / POW10[decimals]!) : Number(text.slice(i, j).replace(/,/g, ''));
  return { end: j, value, plain, digits: digits + (decimals > 0 ? 1 : 0) };
}

/**
 * The value of a Han numeral read token by token (digits, 十百千, 万亿, the point), with each
 * vague digit taken at one end of its range: a scan feeds two of these, low and high.
 */
class HanValue {
  private total = 0;
  private section = 0;
  private digit: number | null = null;
  private fraction = 0;
  private fractionScale = 0; // > 0 once a decimal point was read

  /** back to zero: the scanner reuses two of these rather than allocating them per number */
  reset(): this {
    this.total = 0;
    this.section = 0;
    this.digit = null;
    this.fraction = 0;
    this.fractionScale = 0;
    return this;
  }

  addDigit(d: number): void {
    if (this.fractionScale > 0) {
      this.fraction += d * this.fractionScale;
      this.fractionScale /= 10;
    } else this.digit = this.digit === null ? d : this.digit * 10 + d; // 二〇二四 reads as a digit string
  }
  addSmallUnit(u: number): void {
    this.section += (this.digit ?? 1) * u;
    this.digit = null;
  }
  addBigUnit(u: number): void {
    const current = this.section + (this.digit ?? 0) + this.fraction;
    this.section = 0;
    this.digit = null;
    this.fraction = 0;
    this.fractionScale = 0;
    // 万亿: a big unit with nothing before it multiplies what came before
    this.total = current === 0 ? (this.total || 1) * u : this.total + current * u;
  }
  addPoint(): void {
    this.fractionScale = 0.1;
  }
  value(): number {
    return this.total + this.section + (this.digit ?? 0) + this.fraction;
  }
}

/**
 * Read a number starting exactly at `i`, or return null. Stops at the first character
 * that cannot continue it; the caller decides what may follow (a currency, 年, 月...).
 * Money and the date rules ask about the same positions of one article several times,
 * so the answers for the latest text are kept (callers never modify a NumberExpr).
 */
export function scanNumber(text: string, i: number, t: NumeralTables): NumberExpr | null {
  if (text !== memo.text || t !== memo.tables) {
    memo.text = text;
    memo.tables = t;
    memo.start();
  } else {
    // Same content, perhaps in another string (the same article twice in a row): the
    // answers stand. Keep this string so that the next calls compare by identity; JS
    // compares two distinct strings character by character, which on every call
    // would make a repeated long article quadratic.
    memo.text = text;
  }
  if (i < 0 || i >= text.length) return null;
  const known = memo.get(i);
  return known !== undefined ? known : memo.set(i, scanAt(text, i, t));
}

/**
 * The numbers read in the latest text, by start. The slots are kept from one text to the
 * next and told apart by a generation stamp, so a new article allocates nothing here
 * (an array per article as long as the text was most of this module's garbage).
 */
// slots kept for more characters than this are given back when a much shorter text comes
const LARGE_MEMO = 1 << 20;

class NumberMemo {
  text = '';
  tables: NumeralTables | undefined = undefined;
  private found: (NumberExpr | null)[] = [];
  private stamps = new Uint32Array(0);
  private generation = 0;

  start(): void {
    this.generation++;
    // one huge article must not pin its slots for the rest of a long batch
    if (this.stamps.length > LARGE_MEMO && this.text.length < this.stamps.length / 8) {
      this.stamps = new Uint32Array(0);
      this.found = [];
    }
    if (this.stamps.length < this.text.length || this.generation === 0xffffffff) {
      this.stamps = new Uint32Array(Math.max(this.text.length, 2 * this.stamps.length));
      this.generation = 1;
    }
  }
  /** the number read at i in this text, null when none starts there, undefined when not read yet */
  get(i: number): NumberExpr | null | undefined {
    return this.stamps[i] === this.generation ? this.found[i] : undefined;
  }
  set(i: number, n: NumberExpr | null): NumberExpr | null {
    // filled in order of first use, not of position: fill the gap so the array stays packed
    while (this.found.length <= i) this.found.push(null);
    this.found[i] = n;
    this.stamps[i] = this.generation;
    return n;
  }
}

const memo = new NumberMemo();

function scanAt(text: string, i: number, t: NumeralTables): NumberExpr | null {
  const kind = numeralKind(text, i, t);
  if (kind & ASCII_DIGIT) return scanArabicAmount(text, i, t);
  if (!(kind & (DIGIT | SMALL_UNIT | VAGUE))) return null;
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
    // the kind bits stand for the unit and 余/多 tables (moreThan, bigUnits ...) read one character at a time
    if (numeralKind(text, k, t) & MORE_THAN) k++;
    const unitStart = numeralKind(text, k + 1, t) & BIG_UNIT && isInlineSpace(text[k]) ? k + 1 : k;
    let multiplier = 1;
    let u = unitStart;
    // a chain of units multiplies: 千万 = 10^7, 百亿 = 10^10, 万亿 = 10^12
    while (u < text.length && multiplies(text, u, t)) {
      multiplier *= t.byCode.bigUnits.get(text.charCodeAt(u)) ?? t.byCode.smallUnits.get(text.charCodeAt(u))!;
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
    if (numeralKind(text, end, t) & MORE_THAN && !(numeralKind(text, end + 1, t) & ASCII_DIGIT)) {
      // 1亿多元: 多 after the unit, before the currency
      moreThan = true;
      end++;
      break;
    }
    pos = end;
    if (!(numeralKind(text, pos, t) & ASCII_DIGIT)) break;
  }
  if (end === i) return null;
  return { start: i, end, min: value, max: value, vague: false, moreThan, plainDigits: plain, digitCount, scale: lastUnit === Infinity ? 1 : lastUnit };
}

const HUNDRED = '百'.charCodeAt(0), THOUSAND = '千'.charCodeAt(0);

/** A unit that multiplies an Arabic number: a big unit (万, 亿), or 百 or 千 (5千万, 3百亿). */
function multiplies(text: string, u: number, t: NumeralTables): boolean {
  const kind = numeralKind(text, u, t);
  const code = text.charCodeAt(u);
  return (kind & BIG_UNIT) !== 0 || ((code === HUNDRED || code === THOUSAND) && (kind & SMALL_UNIT) !== 0);
}

// scanHanAmount's working state, reused: a scan never runs inside another
const LOW = new HanValue(), HIGH = new HanValue();
const TRAILING_BIG_UNITS: number[] = [];

/** 二十亿, 一百二十万, 数亿, 十几亿, 一点五亿, 二〇二四 */
function scanHanAmount(text: string, i: number, t: NumeralTables): NumberExpr | null {
  // the value is computed while reading, at both ends of a vague count; of the tokens read,
  // only what the tests below need is kept
  const lo = LOW.reset();
  const hi = HIGH.reset();
  let count = 0;
  let last: TokenKind | undefined;
  let onlySmallUnits = true;
  let vague = false;
  // the big units after the last other token (20亿: [亿]): the first `trailing` slots of
  // TRAILING_BIG_UNITS (a count, not the array's length: setting a length is a slow path)
  let trailing = 0;
  let j = i;
  let moreThan = false;
  let hasValue = false;
  let plain = true;
  let digitCount = 0;
  let seenPoint = false; // one decimal point at most: 一点五点五亿 is no number
  const pointCode = t.point.length === 1 ? t.point.charCodeAt(0) : -1;
  for (; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const kind = t.kind[code]!;
    // most numbers end at a character that is no numeral at all: decided without a string
    if (kind === 0 && code !== pointCode) break;
    let token: TokenKind;
    if (kind & DIGIT) {
      const d = t.byCode.digits.get(code)!;
      lo.addDigit(d);
      hi.addDigit(d);
      token = 'digit';
      hasValue = true;
      digitCount++;
    } else if (kind & VAGUE) {
      // 十几亿: after 十 the vague digit is 1..9
      const [low, high] = t.byCode.vague.get(code)!;
      lo.addDigit(last === 'small' ? 1 : low);
      hi.addDigit(high);
      token = 'vague';
      vague = true;
      hasValue = true;
      plain = false;
    } else if (kind & SMALL_UNIT) {
      const u = t.byCode.smallUnits.get(code)!;
      lo.addSmallUnit(u);
      hi.addSmallUnit(u);
      token = 'small';
      hasValue = true;
      plain = false;
    } else if (kind & BIG_UNIT && hasValue) {
      const u = t.byCode.bigUnits.get(code)!;
      lo.addBigUnit(u);
      hi.addBigUnit(u);
      token = 'big';
      TRAILING_BIG_UNITS[trailing++] = u;
      plain = false;
    } else if (code === pointCode && last === 'digit' && numeralKind(text, j + 1, t) & DIGIT && !seenPoint) {
      seenPoint = true;
      lo.addPoint();
      hi.addPoint();
      token = 'point';
      plain = false;
    } else if (kind & MORE_THAN && hasValue && count > 0) {
      // 三十多万 / 一百余亿: keep only when a unit follows, or as the last character
      // before a currency (the caller checks what follows)
      if (numeralKind(text, j + 1, t) & (BIG_UNIT | SMALL_UNIT)) {
        moreThan = true;
        continue;
      }
      if (last === 'big' || last === 'small') {
        moreThan = true;
        j++;
      }
      break;
    } else break;
    // the token read, booked after its branch (a closure for this was a context object per number)
    count++;
    last = token;
    if (token !== 'small') onlySmallUnits = false;
    if (token !== 'big') trailing = 0;
  }
  if (!hasValue || j === i) return null;
  // a lone 百 or 千 without a digit is a word (百川, 千里), not a number; 百亿 and 十 (十月) are numbers
  if (onlySmallUnits && !(count === 1 && text[i] === '十')) return null;
  let scale = 1;
  for (let k = trailing - 1; k >= 0; k--) scale *= TRAILING_BIG_UNITS[k]!;
  return { start: i, end: j, min: lo.value(), max: hi.value(), vague, moreThan, plainDigits: plain, digitCount: plain ? digitCount : 0, scale };
}
