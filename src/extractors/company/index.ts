/**
 * Company extractor. Rules, in order:
 *  1. lexicon: known names and aliases as whole jieba tokens (company.lexicon);
 *  2. suffix: 2-4 characters + 科技/智能/证券/创投..., legal forms, Latin suffixes;
 *  3. cues: 月之暗面宣布, 据时代财经统计, 被腾讯收购 (company.cue, .source-cue, .object-cue);
 *  4. lists: the other names in a list with a known company (company.list);
 *     Latin names that compromise knows as organisations (Starbucks) (company.latin);
 *  5. repeat: every other occurrence of a name found by 2-3, and the short form of a
 *     legal name (灵枢机器人科技有限公司 ... 灵枢机器人) (company.repeat / company.short-form).
 * Filters: products and models (ChatGPT, Kimi), institutions (清华大学, 智源研究所),
 * a name followed by 大厦/云业务/系 (搜狐大厦), ambiguous lexicon names without business context.
 */
import type { DocContext } from '../../context.js';
import type { CompanyCandidate } from '../candidate.js';
import { findPhrases, phraseKey } from './phrases.js';
import { extractBySuffix } from './suffix.js';
import { extractFromLists } from './lists.js';
import { extractByCues } from './cues.js';
import { extendToBranches, unknownBranches } from './branches.js';
import { extractBankShortNames } from './banks.js';
import { extractLatinOrganisations } from './latin.js';
import { isCommonWord } from '../../segment/dictionary.js';
import type { CompanyTables } from './tables.js';
import { codeSetOf } from '../../text/codeSet.js';
import { markTokens, type CompanyDoc } from './landmarks.js';

export interface CompanyRules {
  company: CompanyTables;
}

const SPACE = 0x20;

/** Not a company: a product, an institution, or a name that is part of a longer non-company name. */
function rejected(ctx: CompanyDoc, c: CompanyCandidate, t: CompanyTables): boolean {
  return rejectedName(phraseKey(ctx.view.slice(c.start, c.end)), t) || followedByNonCompany(ctx, c.end, t);
}

/** A product or an institution (清华大学, 智源研究所) by its key, wherever it stands. */
function rejectedName(key: string, t: CompanyTables): boolean {
  return t.productsAndNotCompanies.has(key) || t.notCompanySuffixes.endingAt(key, key.length) !== undefined;
}

/** A name followed by 大厦, 指数, 云业务 ... is part of a longer non-company name (搜狐大厦). */
function followedByNonCompany(ctx: CompanyDoc, end: number, t: CompanyTables): boolean {
  let next = end;
  while (ctx.view.charCodeAt(next) === SPACE) next++;
  return t.notFollowedBy.startingAt(ctx.view, next) !== undefined;
}

/** An ambiguous lexicon name (苹果, 小米) counts only with a business word nearby. */
function hasBusinessContext(ctx: CompanyDoc, c: CompanyCandidate, t: CompanyTables): boolean {
  const window = ctx.view.slice(Math.max(0, c.start - 12), c.end + 12);
  // (a word at each position, not a search for each word: the table's bitset turns most positions away)
  for (let i = 0; i < window.length; i++) if (t.businessContext.startingAt(window, i)) return true;
  return false;
}

function fromLexicon(ctx: CompanyDoc, t: CompanyTables): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  for (const hit of findPhrases(ctx, t.lexicon)) {
    const c: CompanyCandidate = { type: 'company', start: hit.start, end: hit.end, rule: 'company.lexicon', canonical: hit.value.canonical };
    if (!hit.value.ambiguous || hasBusinessContext(ctx, c, t)) found.push(c);
  }
  return found;
}

/**
 * Short forms of a full name: 深圳驰电科技股份有限公司 -> 深圳驰电科技, 驰电科技, 驰电;
 * 瀚海国际（香港）有限公司 -> 瀚海国际, 瀚海; Steinberg Systems GmbH -> Steinberg.
 */
function shortForms(name: string, t: CompanyTables): string[] {
  const latin = /^([A-Z][A-Za-z&-]{3,})(?: [A-Z][A-Za-z&.-]*)+$/.exec(name);
  if (latin) return [latin[1]!];
  // (the lists of regions and industries are searched only where their first or last character stands)
  let rest = name.includes('（') || name.includes('(') ? name.replace(/（[^）]{1,6}）|\([^)]{1,6}\)/g, '') : name; // （香港）
  for (const suffix of t.legalSuffixes) if (rest.endsWith(suffix)) rest = rest.slice(0, -suffix.length);
  if (rest === name) return [];
  const forms = [rest];
  const region = t.placeStarts.has(rest.charCodeAt(0)) ? t.shortForms.regions.find((r) => rest.startsWith(r) && rest.length - r.length >= 2) : undefined;
  if (region) forms.push((rest = rest.slice(region.length)));
  for (let stripped = true; stripped; ) {
    stripped = false;
    const industry = t.industryEnds.has(rest.charCodeAt(rest.length - 1)) ? t.shortForms.industries.find((w) => rest.endsWith(w) && rest.length - w.length >= 2) : undefined;
    if (industry) {
      forms.push((rest = rest.slice(0, -industry.length)));
      stripped = true;
    }
  }
  return forms.filter((f) => f.length >= 2 && !t.genericPrefixes.has(f));
}

/**
 * Other occurrences of names found by rules, and short forms of legal names (whole words
 * only), without the rejected ones: a name's own test (a product, an institution) is taken
 * once for the name, not at each of its occurrences, and not at all for the name of a
 * candidate keep() let through. `found` are such candidates and appositions.
 */
function repeats(ctx: CompanyDoc, found: readonly CompanyCandidate[], t: CompanyTables): CompanyCandidate[] {
  if (found.length === 0) return []; // (often so after the lists: no scan of the text)
  const names = new Map<string, string>();
  // the names already shortened (a legal name found several times gives the same forms)
  let shortened: Set<string> | undefined;
  for (const c of found) {
    const surface = ctx.view.slice(c.start, c.end);
    // a name keep() let through is no product or institution; an apposition's is not tested yet
    if (!names.has(surface) && (c.rule !== 'company.apposition' || !rejectedName(phraseKey(surface), t))) names.set(surface, 'company.repeat');
    // a Han short name (百川智能) is not shortened further: 百川 alone is too often a word
    if (c.rule === 'company.legal-form' || (c.rule === 'company.suffix' && /^[A-Za-z]/.test(surface))) {
      if (shortened?.has(surface)) continue;
      (shortened ??= new Set()).add(surface);
      for (const form of shortForms(phraseKey(surface), t)) if (!names.has(form) && !rejectedName(phraseKey(form), t)) names.set(form, 'company.short-form');
    }
  }
  // never spread 公司 or 合作
  for (const name of [...names.keys()]) if (t.genericPrefixes.has(name) || isCommonWord(name)) names.delete(name);
  return wholeWordOccurrences(ctx, names).filter((c) => !followedByNonCompany(ctx, c.end, t));
}

// (one filter for every call: a typed array of this size is allocated outside the heap)
const FIRSTS = new Uint8Array(256);

/**
 * Every occurrence of the names as whole words (a token boundary at both ends), in text
 * order and longer names first at one start. One walk over the token starts finds them:
 * a name starts a token, and a filter of the names' first characters (by their low byte)
 * turns most tokens away. (An indexOf per first character and occurrence cost more: each
 * call into the engine's search has a fixed cost larger than the test of a token.) At a
 * token that passes, each length a name with its first character has is looked up once:
 * linear however many names an article defines.
 */
function wholeWordOccurrences(ctx: CompanyDoc, names: ReadonlyMap<string, string>): CompanyCandidate[] {
  const { view, boundary, starts, firstUnits } = ctx;
  // first code unit -> the lengths of the names starting with it, longest first
  const lengths = new Map<number, number[]>();
  const firsts = FIRSTS.fill(0);
  for (const name of names.keys()) {
    const first = name.charCodeAt(0);
    const list = lengths.get(first) ?? [];
    if (!list.includes(name.length)) list.push(name.length);
    lengths.set(first, list);
    firsts[first & 255] = 1;
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  const out: CompanyCandidate[] = [];
  for (let k = 0; k < ctx.words.length; k++) {
    const first = firstUnits[k]!;
    if (firsts[first & 255] === 0) continue;
    const list = lengths.get(first);
    if (list === undefined) continue;
    const i = starts[k]!;
    for (const length of list) {
      if (boundary[i + length] !== 1) continue; // (undefined past the end)
      const rule = names.get(view.slice(i, i + length));
      if (rule !== undefined) out.push({ type: 'company', start: i, end: i + length, rule });
    }
  }
  return out;
}

// （以下简称“橙果”） / (下称"灵枢") right after a company name
const OPENING_BRACKETS = codeSetOf(['（', '(']);
const APPOSITION = /^[（(]\s*(?:以下简称|以下称|下称|简称|下文简称|以下统称)[：:]?\s*[“"「『]([^”"」』\s]{2,16})[”"」』]\s*[）)]/;

/** The short name an article defines for a company: 瀚海国际有限公司（以下简称“瀚海”）. */
function appositions(ctx: CompanyDoc, found: readonly CompanyCandidate[]): CompanyCandidate[] {
  const out: CompanyCandidate[] = [];
  for (const c of found) {
    // (most names are followed by no bracket: no slice, no regex)
    if (!OPENING_BRACKETS.has(ctx.view.charCodeAt(c.end))) continue;
    const m = APPOSITION.exec(ctx.view.slice(c.end, c.end + 30));
    if (!m) continue;
    const start = c.end + m[0].indexOf(m[1]!);
    out.push({ type: 'company', start, end: start + m[1]!.length, rule: 'company.apposition', ...(c.canonical && { canonical: c.canonical }) });
  }
  return out;
}

export function extractCompanies(
  context: DocContext,
  rules: CompanyRules,
  blocked: (span: { start: number; end: number }) => boolean,
): CompanyCandidate[] {
  const t = rules.company;
  const ctx = markTokens(context, t);
  // a name read off its context (宣布, lists) may be a person's: those give way to a person;
  // lexicon and suffix names meet people in the overlap policy
  const keep = (c: CompanyCandidate) => !rejected(ctx, c, t) && (!c.rule.includes('cue') || !blocked(c));
  // (concat, not spreads: one copy of each array with no iterator protocol)
  const found = fromLexicon(ctx, t).concat(extractBySuffix(ctx, t), extractByCues(ctx, t), extractBankShortNames(ctx, t), extractLatinOrganisations(ctx)).filter(keep);
  const direct = found.concat(appositions(ctx, found));
  // (repeats are no cues, and repeats() rejects them as keep() would)
  const repeated = repeats(ctx, direct.filter((c) => c.rule !== 'company.lexicon'), t);
  const listed = extractFromLists(ctx, direct.concat(repeated), t, blocked).filter(keep);
  const all = direct.concat(repeated, listed, repeats(ctx, listed, t));
  // a branch ends in an office word (信用卡中心) that the institution filter would reject
  return all.concat(extendToBranches(ctx, all, t), unknownBranches(ctx, t));
}
