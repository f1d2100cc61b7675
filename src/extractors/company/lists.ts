/**
 * Coordination: in a list of names (智谱 AI、月之暗面、百川智能和零一万物; 投资方包括
 * 阿里、红杉中国和小红书), once one item is a company, the other name-like items are
 * companies too. Items are whole jieba tokens between 、/和/与/及; a list cue (包括,
 * 分别是) opens the list; an item is name-like when it is 2-8 characters of Han or
 * Latin words with no function word in it. A list after a noun for companies and a cue
 * (客户包括宝马、丰田和空客) is a list of companies without a known one.
 */
import type { CompanyCandidate } from '../candidate.js';
import { isHan, isLatin } from '../../text/matchView.js';
import type { CompanyTables } from './tables.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { codeSetOf } from '../../text/codeSet.js';
import { isBlankRange, isWhiteSpaceCode } from './codeUnits.js';
import { LIST_MARK, type CompanyDoc } from './landmarks.js';
import { AFTER, OBJECT_AFTER, kindBit } from './cueTable.js';

// the cues an item's last name runs on into (与某某签署协议)
const ITEM_END_CUES = kindBit(AFTER) | kindBit(OBJECT_AFTER);

const SEPARATORS = new Set(['、', '和', '与', '及', '以及']);
const CLAUSE_END = new Set([...'，,。；;：:！!？?\n\r（）()“”"《》【】']);
// the first characters of both: most tokens are neither, and one bit test tells
export const LIST_MARK_STARTS = codeSetOf([...SEPARATORS, ...CLAUSE_END]);
const TRAILERS = ['等等', '等'];
const LEADING_FUNCTION = new Set([...'由与和被向对为从在将把']);
const HAN_ITEM_MAX = 6;
const LATIN_ITEM_MAX = 24;
// characters that never occur inside a company short name in a list
const NOT_IN_NAME = /[的了是在把被从向对为于将都也还就才这那该其个家位名]/;

interface Item {
  start: number;
  end: number;
}

// Tokens are read off the text and their starts (both warm), not off their own strings:
// the words are an object each, out of the cache by the time the company passes run.
const CLAUSE_END_CODES = codeSetOf(CLAUSE_END);
/** Is token k a clause end (one punctuation mark)? */
const isClauseEndAt = (ctx: CompanyDoc, k: number) => ctx.starts[k + 1]! - ctx.starts[k]! === 1 && CLAUSE_END_CODES.has(ctx.view.charCodeAt(ctx.starts[k]!));
// the one-character separators as code units; 以及 is the only longer one (no string hashed per token)
const SEPARATOR_CODES = codeSetOf([...SEPARATORS].filter((w) => w.length === 1));
const LONG_SEPARATORS = [...SEPARATORS].filter((w) => w.length > 1);
/** Is token k a separator (、, 和, 以及)? (only a token marked LIST_MARK can be) */
function isSeparatorAt(ctx: CompanyDoc, k: number): boolean {
  if ((ctx.marks[k]! & LIST_MARK) === 0) return false;
  const start = ctx.starts[k]!;
  return ctx.starts[k + 1]! - start === 1 ? SEPARATOR_CODES.has(ctx.view.charCodeAt(start)) : LONG_SEPARATORS.includes(ctx.words[k]!);
}

/**
 * Split the text into lists of items: runs of tokens between separators, within a clause.
 * A clause without a separator holds one item at most, so only clauses with one are split.
 */
function listsOf(ctx: CompanyDoc): Item[][] {
  const lists: Item[][] = [];
  const { words, marks } = ctx;
  let clauseStart = 0;
  let separated = false;
  for (let k = 0; k <= words.length; k++) {
    // (the landmark LIST_MARK is LIST_MARK_STARTS: most tokens are neither)
    if (k < words.length && (marks[k]! & LIST_MARK) === 0) continue;
    if (k === words.length || isClauseEndAt(ctx, k)) {
      if (separated) {
        const items = itemsOf(ctx, clauseStart, k);
        if (items.length > 1) lists.push(items);
      }
      clauseStart = k + 1;
      separated = false;
    } else if (isSeparatorAt(ctx, k)) separated = true;
  }
  return lists;
}

/** The items of the clause made of tokens [from, to): runs of tokens between separators, blanks before a run left out. */
function itemsOf(ctx: CompanyDoc, from: number, to: number): Item[] {
  const { starts, view } = ctx;
  const items: Item[] = [];
  let itemStart = -1;
  let itemEnd = -1;
  for (let k = from; k < to; k++) {
    if (isSeparatorAt(ctx, k)) {
      if (itemStart >= 0) items.push({ start: itemStart, end: itemEnd });
      itemStart = -1;
    } else if (itemStart < 0 && isBlankRange(view, starts[k]!, starts[k + 1]!)) continue;
    else {
      if (itemStart < 0) itemStart = starts[k]!;
      itemEnd = starts[k + 1]!;
    }
  }
  if (itemStart >= 0) items.push({ start: itemStart, end: itemEnd });
  return items;
}

/**
 * The list cues text[start, end) may hold: those whose first character it holds (a bit per
 * cue, by its index in tables.listCues). Most items hold none, and the rest one or two: a
 * search for every cue (17 calls into the engine's search per item) costs more than this walk.
 */
function cuesHeld(text: string, start: number, end: number, tables: CompanyTables): number {
  let held = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (tables.listCueStarts.has(c)) held |= tables.listCuesByFirst.get(c)!;
  }
  return held;
}

/** Trim a list cue at the front (投资方包括阿里 -> 阿里) and 等 at the end. */
function trimItem(ctx: CompanyDoc, item: Item, tables: CompanyTables): Item {
  let { start, end } = item;
  const held = cuesHeld(ctx.view, start, end, tables);
  if (held !== 0) {
    const text = ctx.view.slice(start, end);
    for (let j = 0; j < tables.listCues.length; j++) {
      if ((held & (1 << j)) === 0) continue;
      const cue = tables.listCues[j]!;
      const at = text.lastIndexOf(cue);
      if (at >= 0 && at + cue.length < text.length) {
        start = item.start + at + cue.length;
        break;
      }
    }
  }
  for (const t of TRAILERS) if (end - start >= t.length && ctx.view.startsWith(t, end - t.length)) end -= t.length;
  // a country before a Latin name is not part of it: 与德国Kessler签约 -> Kessler
  const place = tables.placeStarts.has(ctx.view.charCodeAt(start)) ? tables.shortForms.regions.find((r) => ctx.view.startsWith(r, start)) : undefined;
  if (place && /[A-Za-z]/.test(ctx.view[start + place.length] ?? '')) start += place.length;
  // the last item runs on into its verb: 与澜沧铭泰签署协议 -> 澜沧铭泰
  for (let i = start + 1; i < end; i++) {
    if (ctx.boundary[i] === 1 && tables.cues.table.lengthsAt(ctx.view, i, ITEM_END_CUES) !== 0) {
      end = i;
      break;
    }
  }
  // a preposition glued to the first item: 由国调基金和蔚来资本
  if (end - start > 3 && LEADING_FUNCTION.has(ctx.view[start]!)) start++;
  while (start < end && isWhiteSpaceCode(ctx.view.charCodeAt(start))) start++;
  while (end > start && isWhiteSpaceCode(ctx.view.charCodeAt(end - 1))) end--;
  return { start, end };
}

function nameLike(ctx: CompanyDoc, item: Item, tables: CompanyTables, blocked: (item: Item) => boolean): boolean {
  const text = ctx.view.slice(item.start, item.end);
  const han = [...text].filter((ch) => isHan(ch)).length;
  if (text.length < 2 || han > HAN_ITEM_MAX || text.length > LATIN_ITEM_MAX || NOT_IN_NAME.test(text) || blocked(item)) return false;
  if (![...text].every((ch) => isHan(ch) || isLatin(ch) || ch === ' ')) return false;
  if (ctx.boundary[item.start] !== 1 || ctx.boundary[item.end] !== 1) return false;
  // 公司, 生产设备, 本地供应链: ordinary words, one or several, are not a name
  // (the item's words are read off the token boundaries: linear in the item's length)
  const words: string[] = [];
  for (let from = item.start, i = item.start + 1; i <= item.end; i++) {
    if (ctx.boundary[i] !== 1) continue;
    const word = ctx.view.slice(from, i);
    if (word.trim() !== '') words.push(word);
    from = i;
  }
  return !words.every((w) => isCommonWord(w) || tables.genericPrefixes.has(w));
}

// how far before its cue a list's head noun may stand (车企都在自建网络，比如 A、B)
const HEAD_WINDOW = 16;
// cues that give examples of the clause before them (比如); 包括 there lists anything
const EXAMPLE_CUES = new Set(['比如', '例如', '诸如']);

/**
 * A list whose cue follows a noun for companies: 客户包括 A、B 和 C; 很多车企……，比如 A、B.
 * Only cues of two or more characters count (包括, 比如), not 有 or 是.
 */
function headedByCompanies(ctx: CompanyDoc, first: Item, tables: CompanyTables): boolean {
  const held = cuesHeld(ctx.view, first.start, first.end, tables);
  if (held === 0) return false;
  const text = ctx.view.slice(first.start, first.end);
  for (let j = 0; j < tables.listCues.length; j++) {
    const cue = tables.listCues[j]!;
    if ((held & (1 << j)) === 0 || cue.length < 2) continue;
    const at = text.lastIndexOf(cue);
    if (at < 0 || at + cue.length >= text.length) continue;
    const cueStart = first.start + at;
    // the head right before the cue (客户包括), or anywhere in the clause before a cue that
    // opens its own clause (很多车企都在自建网络，比如); not 公司产品包括
    if (at > 0) return tables.listHeads.some((h) => ctx.view.endsWith(h, cueStart));
    if (!EXAMPLE_CUES.has(cue)) return false;
    const window = ctx.view.slice(Math.max(0, cueStart - HEAD_WINDOW), cueStart);
    return tables.listHeads.some((h) => window.includes(h));
  }
  return false;
}

const DENG = '等'.charCodeAt(0);

/** Where the names end in a last item 某某等银行 / 某某等公司: the offset of 等, or null. */
function closedByCompanies(ctx: CompanyDoc, item: Item, tables: CompanyTables): number | null {
  for (let i = item.start + 1; i < item.end; i++) {
    if (ctx.view.charCodeAt(i) !== DENG || ctx.boundary[i] !== 1 || ctx.boundary[i + 1] !== 1) continue;
    return tables.listHeads.some((h) => ctx.view.startsWith(h, i + 1) && ctx.boundary[i + 1 + h.length] === 1) ? i : null;
  }
  return null;
}

let spanKeysBuffer = new Float64Array(64);

/**
 * The known spans as sorted numbers (start * (length + 1) + end: by start, then end), for the
 * three questions a list asks of them. Sets of starts and of spans, built per article, cost
 * more than the few binary searches made in them. (One buffer for every article, as in markTokens.)
 */
class KnownSpans {
  private readonly keys: Float64Array;
  private readonly base: number;

  constructor(known: readonly Item[], textLength: number) {
    this.base = textLength + 1;
    if (spanKeysBuffer.length < known.length) spanKeysBuffer = new Float64Array(2 * known.length);
    this.keys = spanKeysBuffer.subarray(0, known.length);
    for (let i = 0; i < known.length; i++) this.keys[i] = this.key(known[i]!.start, known[i]!.end);
    this.keys.sort();
  }

  /** Does a known span start within [from, to]? */
  startsWithin(from: number, to: number): boolean {
    const i = this.firstAtLeast(this.key(from, 0));
    return i < this.keys.length && Math.floor(this.keys[i]! / this.base) <= to;
  }
  startsAt(start: number): boolean {
    return this.startsWithin(start, start);
  }
  has(span: Item): boolean {
    const key = this.key(span.start, span.end);
    return this.keys[this.firstAtLeast(key)] === key;
  }

  private key(start: number, end: number): number {
    return start * this.base + end;
  }
  /** the index of the first key >= key (binary search) */
  private firstAtLeast(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Companies that share a list with a known company, or follow a noun for companies.
 * `known` spans anchor an item when the item starts with one (智谱 AI 都把... still
 * anchors on 智谱 AI).
 */
export function extractFromLists(
  ctx: CompanyDoc,
  known: readonly { start: number; end: number }[],
  tables: CompanyTables,
  blocked: (item: Item) => boolean,
): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  const lists = listsOf(ctx);
  // (many articles hold no list: no sets of the known spans)
  if (lists.length === 0) return found;
  const spans = new KnownSpans(known, ctx.view.length);
  for (const list of lists) {
    // A、B等银行: the list ends in 等 and a noun for companies, which vouches for every item
    const last = list[list.length - 1]!;
    const closing = closedByCompanies(ctx, last, tables);
    if (closing !== null) list[list.length - 1] = { start: last.start, end: closing };
    // Most lists hold no known company and follow no noun for companies: they are passed
    // over without trimming their items (a trimmed item starts inside the list's span).
    // (whether a noun for companies heads the list is asked once: its cue search is the costly test)
    let headed: boolean | undefined;
    if (closing === null && !spans.startsWithin(list[0]!.start, last.end) && !(headed = headedByCompanies(ctx, list[0]!, tables))) continue;
    const items = list.map((i) => trimItem(ctx, i, tables));
    // an item anchors the list when it is a known company; the last item may go on after
    // the name (光年之外和智谱 AI 都把...), the others may not (宁德时代将提供A、B和C)
    const anchored = closing !== null || items.some((i, k) => spans.has(i) || (k === items.length - 1 && spans.startsAt(i.start))) || (headed ?? headedByCompanies(ctx, list[0]!, tables));
    if (!anchored) continue;
    for (const item of items) {
      if (spans.startsAt(item.start) || !nameLike(ctx, item, tables, blocked)) continue;
      // 德国、法国等公司: places that locate the companies
      if (tables.places.has(ctx.view.slice(item.start, item.end))) continue;
      found.push({ type: 'company', start: item.start, end: item.end, rule: 'company.list' });
    }
  }
  return found;
}
