/**
 * A name right before 先生 or 女士 that opens its clause or follows 的 (，樱田正雄先生, 收藏家的
 * 火来胜先生): the honorific says a person, so the name needs no known surname. Narrow on
 * purpose: the span is two to four characters of whole jieba words (the last one may carry the
 * honorific glued on: 火来/胜先生), none of them a title, a common word or a pronoun.
 */
import type { DocContext } from '../../context.js';
import type { PersonCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isHan } from '../../text/matchView.js';
import type { PersonTables } from './tables.js';
import { occurrencesAmong } from './landmarks.js';

// 小姐 is left out: 环球小姐 names a title, not a person
export const HONORIFICS = ['先生', '女士'];
// not 《: 《某某先生》 is the title of a work
const OPENERS = /[，,。；;：:！!？?、\n“”"（）()》\s]/;
const MIN = 2;
const MAX = 4;
// pronouns, numerals, measure words, prepositions, conjunctions, particles (u, uj, ul ...), adverbs, places, times
const NOT_NAME_TAGS = new Set(['r', 'rr', 'rz', 'm', 'mq', 'q', 'p', 'c', 'd', 'f', 't']);
const notNameTag = (tag: string) => NOT_NAME_TAGS.has(tag) || tag.startsWith('u');

/** `starts`: Landmarks.wordsAfterName */
export function honorificNames(ctx: DocContext, t: PersonTables, starts: readonly number[]): PersonCandidate[] {
  const { view, boundary } = ctx;
  const out: PersonCandidate[] = [];
  for (const honorific of HONORIFICS) {
    for (const h of occurrencesAmong(view, honorific, starts)) {
      const after = h + honorific.length;
      if (boundary[after] !== 1 || view[after] === '们') continue;
      const start = nameStart(ctx, h);
      if (start === -1) continue;
      const name = view.slice(start, h);
      if (t.titles.endingAt(view, h) || t.notNames.has(name) || t.places.has(name)) continue;
      if (!wordsLookLikeName(ctx, start, h, t)) continue;
      out.push({ type: 'person', start, end: h, rule: 'person.honorific' });
    }
  }
  return out;
}

/** The start of the name before the honorific at h, at a word boundary after an opener or 的; -1 if none. */
function nameStart(ctx: DocContext, h: number): number {
  const { view, boundary } = ctx;
  if (!isHan(view[h - 1])) return -1;
  for (let start = h - MIN; start >= h - MAX && start >= 0; start--) {
    if (!isHan(view[start])) return -1;
    if (boundary[start] !== 1) continue;
    const before = view[start - 1];
    if (before === undefined || OPENERS.test(before) || (before === '的' && boundary[start - 1] === 1)) return start;
  }
  return -1;
}

/** every jieba word of the span (cut at the honorific) is neither a common word, a title nor a function word */
function wordsLookLikeName(ctx: DocContext, start: number, end: number, t: PersonTables): boolean {
  let from = start;
  for (let i = start + 1; i <= end; i++) {
    if (i < end && ctx.boundary[i] !== 1) continue;
    const word = ctx.view.slice(from, i);
    // the character jieba glued to the honorific (胜先生) is judged alone, as a name character
    // (a single character is judged as a name character: jieba often splits names into them)
    const glued = (i === end && ctx.boundary[end] !== 1) || word.length === 1;
    if (glued ? t.notGivenNameChars.has(word) : isCommonWord(word) || t.titles.has(word) || notNameTag(tagOf(word)) || t.notGivenNameChars.has(word)) return false;
    from = i;
  }
  return true;
}
