/**
 * Company extractor. Rules, in order:
 *  1. lexicon: known names and aliases as whole jieba tokens (company.lexicon);
 *  2. suffix: 2-4 characters + 科技/智能/证券/创投..., legal forms, Latin suffixes;
 *  3. cues: 月之暗面宣布, 据时代财经统计, 被腾讯收购 (company.cue, .source-cue, .object-cue);
 *  4. lists: the other names in a list with a known company (company.list);
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
import type { CompanyTables } from './tables.js';

export interface CompanyRules {
  company: CompanyTables;
}

/** Not a company: a product, an institution, or a name that is part of a longer non-company name. */
function rejected(ctx: DocContext, c: CompanyCandidate, t: CompanyTables): boolean {
  const key = phraseKey(ctx.view.slice(c.start, c.end));
  if (t.products.has(key) || t.notCompanyNames.has(key)) return true;
  if (t.notCompanySuffixes.some((s) => key.endsWith(s))) return true;
  let next = c.end;
  while (ctx.view[next] === ' ') next++;
  return t.notFollowedBy.some((w) => ctx.view.startsWith(w, next));
}

/** An ambiguous lexicon name (苹果, 小米) counts only with a business word nearby. */
function hasBusinessContext(ctx: DocContext, c: CompanyCandidate, t: CompanyTables): boolean {
  const window = ctx.view.slice(Math.max(0, c.start - 12), c.end + 12);
  return t.businessContext.some((w) => window.includes(w));
}

function fromLexicon(ctx: DocContext, t: CompanyTables): CompanyCandidate[] {
  return findPhrases(ctx, t.lexicon)
    .map((hit): CompanyCandidate & { ambiguous: boolean } => ({
      type: 'company', start: hit.start, end: hit.end, rule: 'company.lexicon', canonical: hit.value.canonical, ambiguous: hit.value.ambiguous,
    }))
    .filter((c) => !c.ambiguous || hasBusinessContext(ctx, c, t))
    .map(({ ambiguous: _ambiguous, ...c }) => c);
}

/** Short forms of legal names: 北京灵枢机器人科技有限公司 -> 灵枢机器人科技, 灵枢机器人. */
function shortForms(name: string, t: CompanyTables): string[] {
  const forms: string[] = [];
  let rest = name;
  for (const [suffix, { legal }] of t.suffixes) if (legal && rest.endsWith(suffix)) rest = rest.slice(0, -suffix.length);
  if (rest === name) return forms;
  forms.push(rest);
  for (const [suffix, { legal }] of t.suffixes) {
    if (!legal && rest.endsWith(suffix) && rest.length - suffix.length >= 2) forms.push(rest.slice(0, -suffix.length));
  }
  return forms.filter((f) => f.length >= 2 && !t.genericPrefixes.has(f));
}

/** Other occurrences of names found by rules, and short forms of legal names (whole words only). */
function repeats(ctx: DocContext, found: readonly CompanyCandidate[], t: CompanyTables): CompanyCandidate[] {
  const names = new Map<string, string>();
  for (const c of found) {
    const surface = ctx.view.slice(c.start, c.end);
    if (!names.has(surface)) names.set(surface, 'company.repeat');
    if (c.rule === 'company.legal-form') for (const form of shortForms(phraseKey(surface), t)) if (!names.has(form)) names.set(form, 'company.short-form');
  }
  const out: CompanyCandidate[] = [];
  for (const [name, rule] of names) {
    for (let at = ctx.view.indexOf(name); at !== -1; at = ctx.view.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (ctx.boundary[at] === 1 && ctx.boundary[end] === 1) out.push({ type: 'company', start: at, end, rule });
    }
  }
  return out;
}

export function extractCompanies(
  ctx: DocContext,
  rules: CompanyRules,
  blocked: (span: { start: number; end: number }) => boolean,
): CompanyCandidate[] {
  const t = rules.company;
  // the lexicon is trusted over a person reading; rule-found names give way to a person
  const keep = (c: CompanyCandidate) => !rejected(ctx, c, t) && (c.rule === 'company.lexicon' || !blocked(c));
  const direct = [...fromLexicon(ctx, t), ...extractBySuffix(ctx, t), ...extractByCues(ctx, t)].filter(keep);
  const repeated = repeats(ctx, direct.filter((c) => c.rule !== 'company.lexicon'), t).filter(keep);
  const listed = extractFromLists(ctx, [...direct, ...repeated], t, blocked).filter(keep);
  return [...direct, ...repeated, ...listed, ...repeats(ctx, listed, t).filter(keep)];
}
