/**
 * A company's branch or office named after it is one mention with the company:
 * 工商银行浙江省分行, 中国电信杭州分公司, 招行深圳总行, 某某咨询香港办事处.
 * After a company name come at most two place words (jieba tags them `ns`: 广东省,
 * 武汉, 香港) and then a branch word from the rules (分行, 分公司, 总行 ...), or a place
 * word and 公司 (某某北京公司), or 公司 alone (Ubisoft公司: the company's own name with its
 * generic tail). A department (投资部门, 市场部) is not a branch.
 */
import type { CompanyCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isOneToken, nameEndingAt, tokenIndexAt } from './cues.js';
import type { CompanyTables } from './tables.js';
import { codeSetOf } from '../../text/codeSet.js';
import { BRANCH, OFFICE, type CompanyDoc } from './landmarks.js';

const MAX_PLACES = 2;

/** The end of a branch phrase starting at token index k, or null. */
function branchEnd(ctx: CompanyDoc, k: number, t: CompanyTables): number | null {
  const last = Math.min(ctx.words.length - 1, k + MAX_PLACES);
  // a branch word (or 公司) must start one of the tokens: most names are followed by none,
  // and the landmarks tell without a word read or a tag looked up
  let branch = 0;
  for (let p = k; p <= last; p++) branch |= ctx.marks[p]! & BRANCH;
  if (branch === 0) return null;
  let places = 0;
  for (let p = k; p <= last; p++) {
    const word = ctx.words[p]!;
    // (most words open no branch word: no lookup and no concatenation)
    if (ctx.marks[p]! & BRANCH) {
      // 公司 right after the name is part of it (Ubisoft公司), as after a place (某某北京公司)
      if (t.branchWords.has(word) || word === '公司') return ctx.starts[p + 1]!;
      // a branch word jieba splits in two (信用卡/中心)
      if (p + 1 < ctx.words.length && t.branchWords.has(word + ctx.words[p + 1]!)) return ctx.starts[p + 2]!;
    }
    if (places === MAX_PLACES || tagOf(word) !== 'ns') return null;
    places++;
  }
  return null;
}

/**
 * A known company with an industry or region word right after it names its subsidiary or
 * business line (中信地产, 花旗中国, 新浪房产): one mention, not the company alone inside it
 * (ANNOTATION.md: a business line named after the company is optional as a whole). A region
 * word counts only where the name ends (花旗中国的, not 苹果中国市场).
 */
function businessLineEnd(ctx: CompanyDoc, c: CompanyCandidate, t: CompanyTables): number | null {
  const { view } = ctx;
  // (most names are followed by no such word: one bit test instead of a test per word)
  if (!t.businessLineStarts.has(view.charCodeAt(c.end))) return null;
  for (const word of t.businessLines.industries) {
    if (view.startsWith(word, c.end) && ctx.boundary[c.end + word.length] === 1) return c.end + word.length;
  }
  for (const word of t.businessLines.regions) {
    const end = c.end + word.length;
    if (!view.startsWith(word, c.end) || ctx.boundary[end] !== 1) continue;
    const k = tokenIndexAt(ctx, end);
    const next = k < ctx.words.length ? ctx.words[k]! : '';
    if (!/^[\u4e00-\u9fff]{2}/.test(next)) return end;
  }
  return null;
}

// tags of a word that may name a company's unit or project: unknown, proper or plain nouns
const UNIT_TAGS = /^(x|nz|nt|j|n|ng)$/;

// a staff title after a company's unit, up to four characters in (某公司某某华东地区销售总监):
// a person's name never stands between a company and a title this way round
const UNIT_TITLE = /^[\u4e00-\u9fff]{0,6}?(?:总监|总裁|总经理|主编|经理|助理|董事长|负责人)/;

/**
 * A known company with a word the dictionary does not know as common right after it, and a
 * staff title or a branch after that (某公司某某总监, 某公司某某北京公司): the company's unit,
 * brand or project acting as a company, one mention with the company (not the company inside it).
 * `k` is the token right after the company (-1 when none starts there).
 */
function unitEnd(ctx: CompanyDoc, k: number, t: CompanyTables): number | null {
  if (k < 0 || k + 1 >= ctx.words.length) return null;
  const word = ctx.words[k]!;
  if (word.length < 2 || word.length > 3 || !/^[\u4e00-\u9fff]+$/.test(word) || isCommonWord(word) || !UNIT_TAGS.test(tagOf(word))) return null;
  if (t.products.has(word) || t.places.has(word) || t.genericPrefixes.has(word) || t.notCompanySuffixes.endingAt(word, word.length)) return null;
  const after = ctx.starts[k + 1]!;
  const titled = UNIT_TITLE.exec(ctx.view.slice(after, after + 10));
  if (titled && !/[的了在是和与及]/.test(titled[0])) return ctx.starts[k + 1]!;
  return branchEnd(ctx, k + 1, t) !== null ? ctx.starts[k + 1]! : null;
}

/** The index of the token starting at `offset`, or -1 (the boundary test turns most away before the search). */
function tokenStartingAt(ctx: CompanyDoc, offset: number): number {
  return offset < ctx.view.length && ctx.boundary[offset] === 1 ? tokenIndexAt(ctx, offset) : -1;
}

export function extendToBranches(ctx: CompanyDoc, found: readonly CompanyCandidate[], t: CompanyTables): CompanyCandidate[] {
  const out: CompanyCandidate[] = [];
  for (const c of found) {
    // the token right after the name (-1: none starts there)
    const k = tokenStartingAt(ctx, c.end);
    if (c.rule === 'company.lexicon') {
      const unit = unitEnd(ctx, k, t);
      if (unit !== null) {
        out.push({ type: 'company', start: c.start, end: unit, rule: 'company.unit' });
        const next = tokenIndexAt(ctx, unit);
        const branch = next < ctx.words.length ? branchEnd(ctx, next, t) : null;
        if (branch !== null) out.push({ type: 'company', start: c.start, end: branch, rule: 'company.branch' });
      }
      const end = businessLineEnd(ctx, c, t);
      if (end !== null) out.push({ type: 'company', start: c.start, end, rule: 'company.business-line' });
    }
    if (k < 0) continue;
    const end = branchEnd(ctx, k, t);
    if (end !== null) out.push({ type: 'company', start: c.start, end, rule: 'company.branch' });
  }
  return out;
}

// the branch words that name a branch or an office (not 总行, 总公司: 某地总行 is no name)
const OFFICE_WORDS = new Set(['分行', '支行', '分公司', '办事处', '代表处', '信用卡中心']);
// every prefix of an office word (信用卡 of 信用卡|中心): only a token that is one can
// start an office word split over two tokens, so other tokens skip the concatenation
const OFFICE_WORD_PREFIXES = new Set([...OFFICE_WORDS].flatMap((w) => Array.from({ length: w.length + 1 }, (_, i) => w.slice(0, i))));
// and their first characters: most tokens are ruled out on one bit test (jieba's tokens are never empty)
export const OFFICE_WORD_STARTS = codeSetOf(OFFICE_WORDS);

/**
 * A branch of a company the rules do not otherwise know: a name, at most two places and a
 * branch word (某某香港分公司, 某某信用卡中心): the whole is one mention, read like a name
 * before a stock code (a person-like word counts, a common word opening it does not).
 */
export function unknownBranches(ctx: CompanyDoc, t: CompanyTables): CompanyCandidate[] {
  const out: CompanyCandidate[] = [];
  if ((ctx.present & OFFICE) === 0) return out;
  const { words, marks, starts } = ctx;
  for (let k = 1; k < words.length; k++) {
    // (the landmark OFFICE is OFFICE_WORD_STARTS)
    if ((marks[k]! & OFFICE) === 0) continue;
    const two = k + 1 < words.length && OFFICE_WORD_PREFIXES.has(words[k]!) && OFFICE_WORDS.has(words[k]! + words[k + 1]!);
    if (!OFFICE_WORDS.has(words[k]!) && !two) continue;
    let p = k;
    while (p > 0 && k - p < MAX_PLACES && tagOf(words[p - 1]!) === 'ns') p--;
    if (p === 0) continue;
    const name = nameEndingAt(ctx, starts[p]!, t, 0, 'strong');
    const key = name && ctx.view.slice(name.start, name.end);
    // a long unknown token is jieba's guess over a clause (市民可到|杭州分行), not a name
    if (key && key.length > 3 && isOneToken(ctx, name!.start, name!.end) && tagOf(key) === 'x') continue;
    // 某国央行广州分行 is a state body's branch
    if (name && key && !t.places.has(key) && !t.notCompanyNames.has(key) && !t.products.has(key)) out.push({ type: 'company', start: name.start, end: starts[two ? k + 2 : k + 1]!, rule: 'company.branch' });
  }
  return out;
}
