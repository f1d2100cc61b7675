/**
 * A company's branch or office named after it is one mention with the company:
 * 工商银行广东省分行, 中国电信武汉分公司, 招行深圳总行, 某某咨询香港办事处.
 * After a company name come at most two place words (jieba tags them `ns`: 广东省,
 * 武汉, 香港) and then a branch word from the rules (分行, 分公司, 总行 ...), or a place
 * word and 公司 (某某北京公司), or 公司 alone (Ubisoft公司: the company's own name with its
 * generic tail). A department (投资部门, 市场部) is not a branch.
 */
import type { DocContext } from '../../context.js';
import type { CompanyCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import { tokenIndexAt } from './cues.js';
import type { CompanyTables } from './tables.js';

const MAX_PLACES = 2;

/** The end of a branch phrase starting at token index k, or null. */
function branchEnd(ctx: DocContext, k: number, t: CompanyTables): number | null {
  let places = 0;
  for (let p = k; p < ctx.tokens.length && p <= k + MAX_PLACES; p++) {
    const word = ctx.words[p]!;
    // 公司 right after the name is part of it (Ubisoft公司), as after a place (某某北京公司)
    if (t.branchWords.has(word) || word === '公司') return ctx.tokens[p]!.end;
    // a branch word jieba splits in two (信用卡/中心)
    if (p + 1 < ctx.tokens.length && t.branchWords.has(word + ctx.words[p + 1]!)) return ctx.tokens[p + 1]!.end;
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
function businessLineEnd(ctx: DocContext, c: CompanyCandidate, t: CompanyTables): number | null {
  const { view } = ctx;
  for (const word of t.businessLines.industries) {
    if (view.startsWith(word, c.end) && ctx.boundary[c.end + word.length] === 1) return c.end + word.length;
  }
  for (const word of t.businessLines.regions) {
    const end = c.end + word.length;
    if (!view.startsWith(word, c.end) || ctx.boundary[end] !== 1) continue;
    const k = tokenIndexAt(ctx, end);
    const next = k < ctx.tokens.length ? ctx.words[k]! : '';
    if (!/^[\u4e00-\u9fff]{2}/.test(next)) return end;
  }
  return null;
}

export function extendToBranches(ctx: DocContext, found: readonly CompanyCandidate[], t: CompanyTables): CompanyCandidate[] {
  const out: CompanyCandidate[] = [];
  for (const c of found) {
    if (c.rule === 'company.lexicon') {
      const end = businessLineEnd(ctx, c, t);
      if (end !== null) out.push({ type: 'company', start: c.start, end, rule: 'company.business-line' });
    }
    const k = tokenIndexAt(ctx, c.end);
    if (k >= ctx.tokens.length || ctx.tokens[k]!.start !== c.end) continue;
    const end = branchEnd(ctx, k, t);
    if (end !== null) out.push({ type: 'company', start: c.start, end, rule: 'company.branch' });
  }
  return out;
}
