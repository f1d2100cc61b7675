/**
 * Company names recognised by what is said of them, without the lexicon:
 *   月之暗面宣布 / OpenAI 推出 / 美团联合创始人   (a name right before an "after" cue)
 *   宁德时代（300750.SZ） / 比亚迪收跌2.7%         (a stock code or a share price move)
 *   据时代财经不完全统计 / 根据国盛证券研报        (a named source between "source" cues)
 *   被腾讯收购                                   (a name between "object" cues)
 * The name is a Latin word, or the Han words back to the clause start (2-6 characters,
 * no function word), and not a generic word (公司宣布, 官方发布) or a dictionary word.
 */
import type { CompanyCandidate } from '../candidate.js';
import { tagOf, tokenEndAfter, tokenStartAt } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isAsciiDigitCode, isHan, isHanCode, isLatinCode } from '../../text/matchView.js';
import type { CompanyTables } from './tables.js';
import { codeSetOf } from '../../text/codeSet.js';
import { CUE, DATELINE, PATTERN_CUE, monthDigitsAt, type CompanyDoc } from './landmarks.js';
import { AFTER, AFTER_OF, MARKET, OBJECT_AFTER, OBJECT_BEFORE, SOURCE_AFTER, SOURCE_BEFORE, cueLength, kindBit } from './cueTable.js';

// the cue kinds that open at a token (the landmark CUE is their first characters)
const TOKEN_CUES = kindBit(AFTER) | kindBit(AFTER_OF) | kindBit(MARKET) | kindBit(SOURCE_BEFORE) | kindBit(OBJECT_BEFORE);
const YOU = '由'.charCodeAt(0);

const HAN_MIN = 2;
const HAN_MAX = 6;
const FUNCTION_CHARS = codeSetOf([...'的了和与及是在把被从向对为于由将等个家位这那该其或并且也都又还就才说称让使给已曾正仍均皆较比']);
/** a Han character that is no function word: it may belong to a name read back from its cue */
const isNameChar = (c: number) => isHanCode(c) && !FUNCTION_CHARS.has(c);
/** a character of a Latin name (OpenAI, AT&T, Booking.com, Coca-Cola) */
const isLatinNameChar = (c: number) => isLatinCode(c) || isAsciiDigitCode(c) || c === 0x26 || c === 0x2e || c === 0x2d;
// a name that jieba reads as one word of these kinds is a proper noun or unknown
const PROPER_TAGS = /^(x|nz|nt|nrt|j|eng)$/;
// before a stock code or a price move a word that jieba reads as a person name is a company too
const STRONG_TAGS = /^(x|nz|nt|nr|nrt|nrfg|j|eng)$/;
const STRONG_NOT_FIRST = /^(v|vn|vd|d|p|c|a|ad|f|s|t|tg|r)$/;
// (not f or s: 东方早报, 南方周末 open with a direction word)
const MEDIA_NOT_FIRST = /^(v|vn|vd|d|p|c|ad|t|tg|r|l|i|m)$/;
// time words, adverbs, prepositions and conjunctions that open a clause before its subject
const CLAUSE_OPENER_TAGS = /^(t|tg|d|p|c)$/;


interface Span {
  start: number;
  end: number;
}

/**
 * How a name is read before its cue: `plain` (宣布), `strong` (a stock code or a price move:
 * a person-like word counts), `media` (a reporter or a dateline: common words count),
 * `market` (odds, auctions: like strong, and lower-case Latin counts).
 */
type NameMode = 'plain' | 'strong' | 'media' | 'market';

/** The name ending at `end` (exclusive), if the words before it make one. */
export function nameEndingAt(ctx: CompanyDoc, end: number, t: CompanyTables, limit = 0, mode: NameMode = 'plain'): Span | null {
  const { view } = ctx;
  const strong = mode === 'strong' || mode === 'market';
  const media = mode === 'media';
  let stop = end;
  if (view[stop - 1] === ' ') stop--;
  if (isLatinCode(view.charCodeAt(stop - 1))) {
    let start = stop;
    while (start > 0 && isLatinNameChar(view.charCodeAt(start - 1))) start--;
    const word = view.slice(start, stop);
    // news that lower-cases Latin writes bookmakers so (某某 snai): only market cues trust that
    const lower = mode === 'market' && /^[a-z]{3,}$/.test(word);
    if (word.length < 2 || (!/^[A-Z]/.test(word) && !lower) || t.genericPrefixes.has(word) || t.products.has(word)) return null;
    return { start, end: stop };
  }
  let start = stop;
  while (start > limit && stop - start < HAN_MAX && isNameChar(view.charCodeAt(start - 1))) start--;
  // the name must begin at a word boundary, after punctuation, a function word or the text start
  if (stop - start < HAN_MIN || ctx.boundary[start] !== 1) return null;
  if (start > limit && isNameChar(view.charCodeAt(start - 1))) return null;
  // a time word or an adverb opening the clause is not part of the name (本周|花旗集团宣布)
  // (the tag of the word that ends this is the first word's: kept, not looked up again)
  let firstEnd = nextBoundary(ctx, start);
  let firstTag: string | undefined;
  while (firstEnd < stop && CLAUSE_OPENER_TAGS.test((firstTag = tagOf(view.slice(start, firstEnd))))) {
    start = firstEnd;
    firstEnd = nextBoundary(ctx, start);
    firstTag = undefined;
  }
  if (stop - start < HAN_MIN) return null;
  const name = view.slice(start, stop);
  if (t.genericPrefixes.has(name)) return null;
  const firstWord = view.slice(start, firstEnd);
  if (t.genericPrefixes.has(firstWord)) return null; // 初创公司宣布
  firstTag ??= tagOf(firstWord);
  if (/^(m|mq|q)$/.test(firstTag)) return null; // 第一笔资本
  // before a price move the subject may be a verb phrase or an index (开盘即封跌停, 较上一交易日下跌)
  const lastWord = view.slice(previousBoundary(ctx, stop), stop);
  // (a market name may end in an adjective-like word: 某某正大)
  if (strong && (STRONG_NOT_FIRST.test(firstTag) || (mode !== 'market' && STRONG_NOT_FIRST.test(tagOf(lastWord))) || t.notCompanySuffixes.endingAt(view, stop))) return null;
  // one dictionary word (官方, 市场, 团队) is not a name unless jieba tags it a proper noun
  const single = isOneToken(ctx, start, stop);
  // a media name opens with a name-like word, not a verb or a set phrase (演讲|本报, 重中之重|本报)
  if (media && (single || !t.mediaWords.some((w) => view.endsWith(w, stop)) || stop - start < 4 || view.endsWith('本报', stop) || MEDIA_NOT_FIRST.test(firstTag))) return null;
  if (single && !(strong ? STRONG_TAGS : PROPER_TAGS).test(tagOf(name))) return null;
  for (let k = tokenIndexAt(ctx, start), last = tokenIndexAt(ctx, stop); k < last; k++) {
    // a common word inside makes a phrase, not a name (去年接连, 具体信息有待); after a
    // stock code only the first word must not be one (宁德时代（300750）, not 今日（300750）)
    // a media outlet's name is often two common words (时代财经): its media word and the cue vouch for it
    if ((!strong || ctx.starts[k] === start) && !media && isCommonWord(ctx.words[k]!)) return null;
  }
  return { start, end: stop };
}

/** Is view[start, stop) one token? */
export function isOneToken(ctx: CompanyDoc, start: number, stop: number): boolean {
  // a plain loop: subarray() would allocate a view per call
  for (let i = start + 1; i < stop; i++) if (ctx.boundary[i] === 1) return false;
  return true;
}

// the token boundaries around a position (the token that holds the character before `from` / at `from`)
const previousBoundary = (ctx: CompanyDoc, from: number) => tokenStartAt(ctx.boundary, from - 1);
const nextBoundary = (ctx: CompanyDoc, from: number) => tokenEndAfter(ctx.boundary, from);

/** Index of the token starting at `offset` (binary search over the tokens' starts, in order). */
export function tokenIndexAt(ctx: CompanyDoc, offset: number): number {
  const { starts } = ctx;
  let lo = 0;
  let hi = ctx.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// a listed company's stock code right after its name: 宁德时代（300750.SZ）, 某某（02015.HK）,
// 某某（NASDAQ: ABCD）
const STOCK_CODE = /^[（(]\s*(?:\d{4,6}(?:\.(?:SZ|SH|HK|BJ|TW|SS))?|(?:NASDAQ|NYSE|HKEX|HK|SZ|SH)\s*[:：]\s*[A-Z0-9.]{1,8})\s*[）)]/;
// a share price move with its figure: 某某收跌2.7%, 某某涨停, 某某跌1.9%
const PRICE_MOVE = /^(?:收涨|收跌|大涨|大跌|上涨|下跌|涨超|跌超|涨逾|跌逾|涨|跌)\s*[0-9]|^(?:涨停|跌停)/;
// the characters these patterns open with: every token is tested, so on code units
const STOCK_CODE_OPENERS = '（(';
const PRICE_MOVE_OPENERS = '收大上下涨跌';
const STOCK_CODE_FIRST = codeSetOf([...STOCK_CODE_OPENERS]);
const PRICE_MOVE_FIRST = codeSetOf([...PRICE_MOVE_OPENERS]);
const ZHANG = '涨'.charCodeAt(0);
const DIE = '跌'.charCodeAt(0);
const isMoveChar = (c: number) => c === ZHANG || c === DIE;

// what a media outlet is the subject of: its reporter, its dateline, its findings
// (sticky: tested in place, without slicing the text at every token)
const MEDIA_CUE = /(?:记者|获悉|注意到|整理发现|讯|(?:[\u4e00-\u9fff]{2,3})?\d{1,2}月\d{1,2}日(?:电|讯|获悉|消息))/y;
const MEDIA_WORD_OPENERS = '记获注整讯';
const MEDIA_WORD_FIRST = codeSetOf([...MEDIA_WORD_OPENERS]);
// every character a pattern cue opens with (a dateline opens with its place: the landmark DATELINE)
export const PATTERN_CUE_FIRST = codeSetOf([...MEDIA_WORD_OPENERS, ...STOCK_CODE_OPENERS, ...PRICE_MOVE_OPENERS]);
/**
 * A media cue at `at`: 记者, 获悉, or a dateline (上海3月14日电; the token's landmark
 * DATELINE says whether one may open there); most tokens fail on a character test.
 */
function mediaCueAt(view: string, at: number, mark: number): boolean {
  if (!MEDIA_WORD_FIRST.has(view.charCodeAt(at)) && (mark & DATELINE) === 0) return false;
  MEDIA_CUE.lastIndex = at;
  return MEDIA_CUE.test(view);
}

/** A cue written as a pattern (a stock code, a price move) right at `at`. */
function patternCueAt(view: string, at: number): boolean {
  const c = view.charCodeAt(at);
  if (STOCK_CODE_FIRST.has(c)) return STOCK_CODE.test(view.slice(at, at + 24));
  // (every price move has 涨 or 跌 first or second: 上涨, 大跌; most tokens opening with 上, 下, 大 have neither)
  if (PRICE_MOVE_FIRST.has(c)) return isMoveChar(c) || isMoveChar(view.charCodeAt(at + 1)) ? PRICE_MOVE.test(view.slice(at, at + 6)) : false;
  return false;
}

/** Where a name before the after-cue at token k ends: right before it, before a time word or
 * adverb (某某近日宣布), or before 的 when the cue allows it (某某的董事长). `cue` is the packed
 * lookup at the token (cueTable.ts), `cueLen` the length of the cue taken. */
function nameEndBeforeCue(ctx: CompanyDoc, k: number, cue: number, cueLen: number, t: CompanyTables): number {
  const at = ctx.starts[k]!;
  if (k === 0) return at;
  const previous = ctx.words[k - 1]!;
  if (t.cues.gap.has(previous)) return ctx.starts[k - 1]!;
  // (the cue is the afterOf cue: the longest of its kind here, and as long)
  if (previous === '的' && cueLength(cue, AFTER_OF) === cueLen) return ctx.starts[k - 1]!;
  return at;
}

/**
 * A news site of three characters before its dateline (某某网3月14日电, 某某网北京3月14日电):
 * one word ending in 网 that is no common word (not 互联网).
 */
function datelineSite(ctx: CompanyDoc, at: number, t: CompanyTables): Span | null {
  if (!monthDigitsAt(ctx.view, at)) return null;
  const start = previousBoundary(ctx, at);
  const word = ctx.view.slice(start, at);
  if (word.length !== 3 || !word.endsWith('网') || ![...word].every((ch) => isHan(ch)) || isCommonWord(word) || t.genericPrefixes.has(word)) return null;
  if (start > 0 && isNameChar(ctx.view.charCodeAt(start - 1))) return null;
  return { start, end: at };
}

export function extractByCues(ctx: CompanyDoc, t: CompanyTables): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  const { view, marks, starts } = ctx;
  for (let k = 0; k < ctx.words.length; k++) {
    // most tokens open no cue, and their first character tells (the landmarks CUE: a cue
    // word's first character; PATTERN_CUE: a pattern cue's or a media word's), or a dateline
    // (3月14日电, the landmark DATELINE)
    const mark = marks[k]!;
    if ((mark & (CUE | PATTERN_CUE | DATELINE)) === 0) continue;
    const at = starts[k]!;
    // every cue kind that may open at a token, in one lookup (none opens without CUE)
    const cue = mark & CUE ? t.cues.table.lengthsAt(view, at, TOKEN_CUES) : 0;
    const afterLen = cueLength(cue, AFTER) || cueLength(cue, AFTER_OF);
    const marketLen = afterLen ? 0 : cueLength(cue, MARKET);
    if (afterLen && ctx.boundary[at + afterLen] === 1) {
      const name = nameEndingAt(ctx, nameEndBeforeCue(ctx, k, cue, afterLen, t), t);
      if (name) found.push({ type: 'company', ...name, rule: 'company.cue' });
    } else if (marketLen && ctx.boundary[at + marketLen] === 1) {
      // a bookmaker's odds, an auction house's sale: never a person's (no cue in the rule id)
      const name = nameEndingAt(ctx, at, t, 0, 'market');
      if (name) found.push({ type: 'company', ...name, rule: 'company.market' });
    } else if (mark & (PATTERN_CUE | DATELINE) && mediaCueAt(view, at, mark)) {
      // 某某财经记者, 某某财经2月12日获悉, 某某财讯上海3月14日电: a media outlet
      const name = nameEndingAt(ctx, at, t, 0, 'media') ?? datelineSite(ctx, at, t);
      if (name) found.push({ type: 'company', ...name, rule: 'company.media-cue' });
    } else if (mark & PATTERN_CUE && patternCueAt(view, at)) {
      // only a listed company has a stock code or a share price (not a person: no cue in the rule id)
      const name = nameEndingAt(ctx, at, t, 0, 'strong');
      if (name) found.push({ type: 'company', ...name, rule: 'company.stock' });
    }
    const source = cueLength(cue, SOURCE_BEFORE);
    if (source) namesBetweenCues(ctx, at, source, 'source', t, found);
    const object = cueLength(cue, OBJECT_BEFORE);
    if (object) namesBetweenCues(ctx, at, object, 'object', t, found);
  }
  return found;
}

/** A name between an opening cue of `openLen` characters at `at` and its closing cue: 据 + name + 报道, 被 + name + 收购. */
function namesBetweenCues(ctx: CompanyDoc, at: number, openLen: number, kind: 'source' | 'object', t: CompanyTables, found: CompanyCandidate[]): void {
  const { view } = ctx;
  const from = at + openLen;
  const closing = kind === 'source' ? kindBit(SOURCE_AFTER) : kindBit(OBJECT_AFTER);
  // the closing cue within a name's length: 据 + name + 报道
  for (let end = from + HAN_MIN; end <= Math.min(view.length, from + HAN_MAX + 1); end++) {
    if (ctx.boundary[end] !== 1 || t.cues.table.lengthsAt(view, end, closing) === 0) continue;
    // 据晨曦财经报道: a source named by a media word may be made of common words
    const name = nameEndingAt(ctx, end, t, from) ?? (kind === 'source' ? nameEndingAt(ctx, end, t, from, 'media') : null);
    if (name && name.start === from) {
      found.push({ type: 'company', ...name, rule: `company.${kind}-cue` });
      // 搜狗被腾讯收购: the subject of 被 ... 收购 is a company too (not of 由 ... 开发: 游戏由某某开发)
      const subject = kind === 'object' && !(openLen === 1 && view.charCodeAt(at) === YOU) ? nameEndingAt(ctx, at, t) : null;
      if (subject) found.push({ type: 'company', ...subject, rule: 'company.object-cue' });
    }
    break;
  }
}
