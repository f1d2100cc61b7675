/**
 * Company names recognised by their ending, without the lexicon:
 * 百川智能, 深言科技, 国盛证券, 梅花创投 (a short name of 2-4 characters + suffix),
 * 北京灵枢机器人科技有限公司 (a legal form: the whole name back to the clause start),
 * 智谱 AI, Thrive Capital (a Latin suffix after a name).
 * The jieba words before the suffix form the name; a generic word (人工, 金融, 这家,
 * 创业) or a function word before the suffix means it is an ordinary phrase.
 */
import type { CompanyCandidate } from '../candidate.js';
import { isLatin } from '../../text/matchView.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isHanWord } from './codeUnits.js';
import type { CompanyTables } from './tables.js';
import { COMPOUND, SUFFIX, type CompanyDoc } from './landmarks.js';

const SHORT_MIN = 2;
const SHORT_MAX = 4;
const LEGAL_MAX = 16;
// single characters that end a name on their left (了深言科技 -> 深言科技)
const FUNCTION_CHARS = new Set([...'的了和与及是在把被从向对为于由将等个家位这那该其之或并且也都又还就才称说指据让使给替跟同以因而如若至到自经']);
// a numeral never opens a name (第一笔资本, 九成 AI)
const NUMERAL_TAGS = /^(m|mq|q)$/;
// a Latin suffix as weak as AI needs a proper-noun-like word before it (智谱 AI)
const PROPER_TAGS = /^(x|nz|nt|nr|nrt|nrfg|j|eng)$/;
const PHRASE_OPENER_TAGS = /^(l|i|s|f|t|tg|d|p|c|r|ad)$/;
const MEASURE_END = /[期轮批届只支个]$/;

/** Han words right before token index k, as many as a name of this kind may take. */
function hanPrefix(ctx: CompanyDoc, k: number, legal: boolean, stops: ReadonlySet<string>): number | null {
  let length = 0;
  let first = k;
  for (let p = k - 1; p >= 0; p--) {
    const word = ctx.words[p]!;
    // a region in brackets inside a legal name: 瀚海国际（香港）有限公司
    if (legal && (word === '）' || word === ')') && p >= 3) {
      const inside = ctx.words[p - 1]!;
      const open = ctx.words[p - 2]!;
      if ((open === '（' || open === '(') && isHanWord(inside) && inside.length <= 4 && isHanWord(ctx.words[p - 3]!)) {
        length += inside.length + 2;
        first = p - 2;
        p -= 2;
        continue;
      }
      break;
    }
    if (!isHanWord(word) || (word.length === 1 && FUNCTION_CHARS.has(word))) break;
    // a legal name stops at a word that introduces it: 具身智能企业 | 澄明科技有限公司
    if (legal && length >= SHORT_MIN && stops.has(word)) break;
    if (length + word.length > (legal ? LEGAL_MAX : SHORT_MAX)) break;
    length += word.length;
    first = p;
    if (!legal && length >= SHORT_MIN) break;
  }
  return length >= SHORT_MIN && !/^[（(]$/.test(ctx.words[first]!) ? first : null;
}

/** Capitalised Latin words (Thrive, Sequoia China) right before token k, skipping single spaces. */
function latinPrefix(ctx: CompanyDoc, k: number): number | null {
  let first: number | null = null;
  for (let p = k - 1, words = 0; p >= 0 && words < 3; p--) {
    const word = ctx.words[p]!;
    if (word === ' ') continue;
    if (!/^[A-Z][A-Za-z0-9&.-]*$/.test(word)) break;
    first = p;
    words++;
  }
  return first;
}

// jieba's own tags for a whole dictionary word that names an organisation or brand
const NAME_TAGS = /^(nt|nz|j)$/;

/**
 * A dictionary word that is itself a name with a suffix (交通银行, 花旗集团, 中信证券,
 * 华为公司): jieba keeps it whole, so the suffix is not a token of its own. The word must
 * be tagged a name, not a listed generic one (商业银行, 上市公司), and before 公司 its
 * head must not be a bare place (日本公司 is "a Japanese company").
 */
function compoundName(ctx: CompanyDoc, k: number, tables: CompanyTables): CompanyCandidate | null {
  const word = ctx.words[k]!;
  if (word.length < 4 || !tables.hanSuffixEnds.has(word.charCodeAt(word.length - 1)) || !isHanWord(word)) return null;
  // (only the suffixes ending in the word's last character are tried)
  const suffix = tables.hanSuffixesByLast.get(word.charCodeAt(word.length - 1))?.find((s) => word.endsWith(s) && word.length - s.length >= SHORT_MIN);
  if (!suffix || !NAME_TAGS.test(tagOf(word))) return null;
  const head = word.slice(0, -suffix.length);
  if (tables.notCompanyNames.has(word) || (tables.suffixes.get(suffix)!.weak && tagOf(head) === 'ns')) return null;
  // a generic head (交通, 建设) still names a bank when jieba knows the whole as an organisation
  if ((tables.genericPrefixes.has(head) || isCommonWord(head)) && !/^(nt|j)$/.test(tagOf(word))) return null;
  return { type: 'company', start: ctx.starts[k]!, end: ctx.starts[k + 1]!, rule: 'company.suffix' };
}

/** Are the words [from, to), spaces aside, proper-noun-like (智谱 AI, Ubisoft公司)? */
function allProperNames(words: readonly string[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (words[p] !== ' ' && !PROPER_TAGS.test(tagOf(words[p]!))) return false;
  return true;
}

/** Does token k open a phrase: text start, punctuation, a space or a function word (在, 由) before it? */
function opensPhrase(ctx: CompanyDoc, k: number): boolean {
  if (k === 0) return true;
  const before = ctx.words[k - 1]!;
  return (!isHanWord(before) && !/[A-Za-z0-9]$/.test(before)) || (before.length === 1 && FUNCTION_CHARS.has(before));
}

export function extractBySuffix(ctx: CompanyDoc, tables: CompanyTables): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  const { words, marks, starts } = ctx;
  for (let k = 0; k < words.length; k++) {
    // the landmarks rule out nearly every token: SUFFIX on its first character, COMPOUND on
    // its length and last character
    const mark = marks[k]!;
    if ((mark & (SUFFIX | COMPOUND)) === 0) continue;
    const word = ctx.words[k]!;
    // (the landmark SUFFIX holds for a token that opens and ends like a suffix: the Map is read for few tokens)
    const suffix = mark & SUFFIX ? tables.suffixes.get(word) : undefined;
    if (!suffix) {
      const compound = mark & COMPOUND ? compoundName(ctx, k, tables) : null;
      if (compound) found.push(compound);
      continue;
    }
    if (k === 0) continue;
    const suffixEnd = starts[k + 1]!;
    const latinSuffix = isLatin(word[0]);
    // a Latin suffix follows its name after one space (智谱 AI, Thrive Capital)
    const nameEnd = latinSuffix && ctx.words[k - 1]! === ' ' ? k - 1 : k;
    // only AI follows a Han name (智谱 AI); AG, GmbH, Capital follow Latin words and end a word (not AGI)
    if (latinSuffix && /[A-Za-z0-9]/.test(ctx.view[suffixEnd] ?? '')) continue;
    let first = latinSuffix && !suffix.weak ? latinPrefix(ctx, nameEnd) : hanPrefix(ctx, nameEnd, suffix.legal, tables.legalNameStops) ?? (latinSuffix || suffix.weak ? latinPrefix(ctx, nameEnd) : null); // a Latin name + 公司
    if (first === null) continue;
    // a place before 国际 makes the name (无锡国际信托, 上海国际集团), though 国际信托 alone is generic
    const bridged = suffix.afterPlace && first > 0 && nameEnd - first === 1 && ctx.words[first] === '国际' && tables.places.has(ctx.words[first - 1]!);
    if (bridged) first--;
    let start = starts[first]!;
    // jieba glues a preposition or a one-character word onto an unknown name (由国调基金,
    // 为元大证券, 厂晶宇科技): a three-character short name whose first character is a word
    // of its own loses that character
    const whole = ctx.view.slice(start, starts[nameEnd]!);
    if (tables.genericPrefixes.has(whole)) continue;
    // an unknown three-character word whose first character is a word of its own: 厂晶宇, 由国调
    if (whole.length === 3 && !suffix.legal && (FUNCTION_CHARS.has(whole[0]!) || (nameEnd - first === 1 && tagOf(whole) === 'x' && tagOf(whole[0]!) !== 'x'))) start++;
    const prefix = ctx.view.slice(start, starts[nameEnd]!);
    const firstToken = ctx.words[first]!;
    const firstWord = start === starts[first]! ? firstToken : firstToken.slice(1) || ctx.words[first + 1]!;
    // nor right after a number: 3天前公司 is "three days ago, the company"
    if (/[0-9]/.test(ctx.view[start - 1] ?? '')) continue;
    // a short name never starts in the middle of a word: 生/成式 AI, 互/联网公司
    const before = first > 0 ? ctx.words[first - 1]! : '';
    if (!suffix.legal && start === starts[first]! && before.length === 1 && isHanWord(before) && !FUNCTION_CHARS.has(before)) continue;
    if (tables.genericPrefixes.has(prefix) || tables.genericPrefixes.has(firstWord)) continue;
    // a common verb, numeral or noun at either end makes a phrase, not a name (没有智能, 九成 AI)
    // (a legal name may end in an ordinary word: 磐石算力科技有限公司)
    const lastWord = ctx.words[nameEnd - 1]!;
    if ((!bridged && isCommonWord(firstWord)) || (!suffix.legal && !bridged && lastWord.length > 1 && isCommonWord(lastWord))) continue;
    const firstTag = tagOf(firstWord);
    if (NUMERAL_TAGS.test(firstTag)) continue;
    // a set phrase, a place or time word, or an adverb opens a phrase, not a name (大力发展科技, 岛内投资)
    if (!suffix.legal && PHRASE_OPENER_TAGS.test(firstTag)) continue;
    // a counted or numbered thing is not a name (新一期基金, 第二批银行)
    if (!suffix.legal && MEASURE_END.test(prefix)) continue;
    // a bare place names a bank or an airline (北京银行, 山东航空) but only a kind of firm
    // with an industry word (德国汽车, 日本电子)
    if (!suffix.legal && !suffix.afterPlace && tables.places.has(prefix)) continue;
    // weak suffixes (AI, 公司) need a proper-noun-like word before them (智谱 AI, Ubisoft公司)
    if (suffix.weak && !allProperNames(words, first, nameEnd)) continue;
    // a city or country written before a short name belongs to it where it opens the phrase
    // (、杭州某某置业（, 在杭州某某置业 -> 杭州某某置业), not after another word (浙江杭州某某置业)
    if (!suffix.legal && !bridged && start === starts[first]! && first > 0 && tables.places.has(ctx.words[first - 1]!) && opensPhrase(ctx, first - 1)) {
      start = starts[first - 1]!;
    }
    found.push({ type: 'company', start, end: suffixEnd, rule: suffix.legal ? 'company.legal-form' : 'company.suffix' });
  }
  return found;
}
