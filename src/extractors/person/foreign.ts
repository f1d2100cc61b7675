/**
 * Transliterated foreign names written without a middle dot (奥巴马, 拉夫罗夫, 奈娜):
 * a run of jieba words made only of transliteration characters, with at least one that
 * Chinese given names do not use (尔, 斯, 顿), next to a cue only a person takes: a title
 * before (国务卿蓬佩奥) or a title or reporting verb after (奥巴马总统, 蓬佩奥说). Places are
 * transliterated with the same characters (莫斯科, 马拉维), hence the stricter cues.
 */
import type { DocContext } from '../../context.js';
import type { PersonCandidate } from '../candidate.js';
import { tagOf, tokenEndAfter, tokenStartAt } from '../../segment/index.js';
import type { PersonTables } from './tables.js';
import { fixture, roleAfter, subjectOfSpeech } from './chinese.js';
import { isMiddleDot } from '../../text/middleDots.js';

const MIN = 2;
const MAX = 7;
// jieba's dictionary knows some foreign places and organisations by these tags
const PLACE_TAGS = new Set(['ns', 'nt', 'nz', 'nsf']);

/** Is the token [start, end) made only of transliteration characters? */
const foreignToken = (view: string, start: number, end: number, t: PersonTables) => t.chars.foreignName.allIn(view, start, end);

/**
 * `anchors`: the offsets of transliteration characters Chinese given names do not use (see
 * landmarks), in order. A name is a run of adjacent jieba tokens made only of transliteration
 * characters, and holds at least one anchor: only the chains of such tokens around an anchor
 * are read, each once, in order.
 */
export function foreignNames(ctx: DocContext, t: PersonTables, anchors: readonly number[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  const { view, boundary } = ctx;
  let chainEnd = 0;
  for (const anchor of anchors) {
    if (anchor < chainEnd) continue;
    // the anchor's token, then the chain of such tokens it stands in
    let chainStart = tokenStartAt(boundary, anchor);
    chainEnd = tokenEndAfter(boundary, anchor);
    if (!foreignToken(view, chainStart, chainEnd, t)) continue;
    while (chainStart > 0) {
      const before = tokenStartAt(boundary, chainStart - 1);
      if (!foreignToken(view, before, chainStart, t)) break;
      chainStart = before;
    }
    while (chainEnd < view.length) {
      const after = tokenEndAfter(boundary, chainEnd);
      if (!foreignToken(view, chainEnd, after, t)) break;
      chainEnd = after;
    }
    foreignRuns(ctx, t, chainStart, chainEnd, out);
  }
  return out;
}

/** The names in a chain of such tokens [from, to): runs of its tokens taken from the left, each of up to MAX characters. */
function foreignRuns(ctx: DocContext, t: PersonTables, from: number, to: number, out: PersonCandidate[]): void {
  const { boundary } = ctx;
  for (let start = from; start < to; ) {
    let end = tokenEndAfter(boundary, start);
    while (end < to) {
      const next = tokenEndAfter(boundary, end);
      if (next - start > MAX) break;
      end = next;
    }
    if (foreignName(ctx, t, start, end)) out.push({ type: 'person', start, end, rule: 'person.foreign' });
    start = end;
  }
}

/** Is the run [start, end) a name? */
function foreignName(ctx: DocContext, t: PersonTables, start: number, end: number): boolean {
  const { view } = ctx;
  if (end - start < MIN || end - start > MAX) return false;
  // at least one character Chinese given names do not use (尔, 斯, 顿)
  if (t.chars.givenName.allIn(view, start, end)) return false;
  // part of a dotted name (安德烈斯·马尔克斯): the transliterated rule reads it whole
  if (isMiddleDot(view.charCodeAt(start - 1)) || isMiddleDot(view.charCodeAt(end))) return false;
  // the cue first: it is cheap and rules out most runs before the dictionary is asked
  const after = t.personOnlyAfter.startingAt(view, end);
  // the cue must be a whole word (斯图加特/总部 is not 斯图加特 + 总)
  const cued = !!t.titles.endingAt(view, start) || (!!after && ctx.boundary[end + after.word.length] === 1) || nationalityBefore(view, start, t) || roleAfter(view, end, t) || subjectOfSpeech(view, start, end, t);
  if (!cued || t.organisationBefore.endingAt(view, start) || fixture(view, start, end)) return false;
  const name = view.slice(start, end);
  const place = t.places.startingAt(view, start);
  if (place && place.word.length >= end - start) return false;
  if (PLACE_TAGS.has(tagOf(name)) || t.notNames.has(name) || t.titles.has(name) || t.after.has(name)) return false;
  const facility = t.placeAfter.startingAt(view, end);
  if (facility && ctx.boundary[end + facility.word.length] === 1) return false;
  return true;
}

/** 挪威人阿蒙森, 英国人布朗宁: a nationality (a country and 人) right before. */
function nationalityBefore(view: string, start: number, t: PersonTables): boolean {
  return view[start - 1] === '人' && !!t.places.endingAt(view, start - 1);
}
