/**
 * Transliterated foreign names written without a middle dot (奥巴马, 拉夫罗夫, 奈娜):
 * a run of jieba words made only of transliteration characters, with at least one that
 * Chinese given names do not use (尔, 斯, 顿), next to a cue only a person takes: a title
 * before (国务卿蓬佩奥) or a title or reporting verb after (奥巴马总统, 蓬佩奥说). Places are
 * transliterated with the same characters (莫斯科, 马拉维), hence the stricter cues.
 */
import type { DocContext } from '../../context.js';
import type { PersonCandidate } from '../candidate.js';
import { tagOf } from '../../segment/index.js';
import type { PersonTables } from './tables.js';
import { fixture, roleAfter, subjectOfSpeech } from './chinese.js';
import { isMiddleDot } from './landmarks.js';

const MIN = 2;
const MAX = 7;
// jieba's dictionary knows some foreign places and organisations by these tags
const PLACE_TAGS = new Set(['ns', 'nt', 'nz', 'nsf']);

/** `foreignTokens`: the tokens made only of transliteration characters, in order (see landmarks) */
export function foreignNames(ctx: DocContext, t: PersonTables, foreignTokens: readonly { start: number; end: number }[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  const { view } = ctx;
  for (let j = 0; j < foreignTokens.length; ) {
    // a run of adjacent such tokens, up to MAX characters
    const first = foreignTokens[j++]!;
    const start = first.start;
    let end = first.end;
    while (j < foreignTokens.length && foreignTokens[j]!.start === end && foreignTokens[j]!.end - start <= MAX) end = foreignTokens[j++]!.end;
    if (end - start < MIN || end - start > MAX) continue;
    // part of a dotted name (安德烈斯·马尔克斯): the transliterated rule reads it whole
    if (isMiddleDot(view.charCodeAt(start - 1)) || isMiddleDot(view.charCodeAt(end))) continue;
    // the cue first: it is cheap and rules out most runs before the dictionary is asked
    const after = t.personOnlyAfter.startingAt(view, end);
    // the cue must be a whole word (斯图加特/总部 is not 斯图加特 + 总)
    const cued = !!t.titles.endingAt(view, start) || (!!after && ctx.boundary[end + after.word.length] === 1) || nationalityBefore(view, start, t) || roleAfter(view, end, t) || subjectOfSpeech(view, start, end, t);
    if (!cued || t.organisationBefore.endingAt(view, start) || fixture(view, start, end)) continue;
    // at least one character Chinese given names do not use (尔, 斯, 顿)
    if (t.chars.givenName.allIn(view, start, end)) continue;
    const name = view.slice(start, end);
    const place = t.places.startingAt(view, start);
    if (place && place.word.length >= end - start) continue;
    if (PLACE_TAGS.has(tagOf(name)) || t.notNames.has(name) || t.titles.has(name) || t.after.has(name)) continue;
    const facility = t.placeAfter.startingAt(view, end);
    if (facility && ctx.boundary[end + facility.word.length] === 1) continue;
    out.push({ type: 'person', start, end, rule: 'person.foreign' });
  }
  return out;
}

/** 挪威人阿蒙森, 英国人布朗宁: a nationality (a country and 人) right before. */
function nationalityBefore(view: string, start: number, t: PersonTables): boolean {
  return view[start - 1] === '人' && !!t.places.endingAt(view, start - 1);
}
