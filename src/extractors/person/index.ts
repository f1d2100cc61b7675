/**
 * Person extractor. Rules:
 *  - person.chinese: surname + given name with a cue (创始人X, X表示) or jieba's reading;
 *  - person.list: a surname + given name in a list with an accepted name (孙茂松、唐杰);
 *  - person.transliterated: 萨姆·奥尔特曼, and later its last part alone (奥尔特曼);
 *  - person.foreign: a transliterated name without a dot next to a person cue (奥巴马总统);
 *  - person.latin: Latin names compromise reads as a person (Sam Altman), one capitalised
 *    word after a title (编剧Robin), the original spelling in brackets after a name;
 *  - person.honorific: a name before 先生/女士 opening a clause (，高桥健一先生);
 *  - person.repeat: every other occurrence of an accepted name.
 * Titles stay outside the span (创始人王小川 -> 王小川). A name that stands as a side of a
 * fixture anywhere in the text (甲vs乙) is a team in all its occurrences.
 */
import type { DocContext } from '../../context.js';
import type { PersonCandidate } from '../candidate.js';
import { latinNameKind } from '../../latin/index.js';
import { isHan, isHanCode, skipSpacesBack } from '../../text/matchView.js';
import { occurrences } from '../../text/spans.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { tagOf } from '../../segment/index.js';
import { acceptedAlone, fixture, nameAt, type NameCandidate } from './chinese.js';
import { compoundSurnameAt, type PersonTables } from './tables.js';
import { landmarks, occurrencesAmong } from './landmarks.js';
import { foreignNames } from './foreign.js';
import { honorificNames } from './honorific.js';
import { MIDDLE_DOT, MIDDLE_DOT_CLASS } from '../../text/middleDots.js';

export interface PersonRules {
  person: PersonTables;
}

// a part after a dot stops at a function word: 斯嘉丽·约翰逊 | 在 | 娜塔莉·波特曼 are two names
const TRANSLITERATED = new RegExp(`[\\u4e00-\\u9fff]{1,6}(?:${MIDDLE_DOT_CLASS}(?:(?![在和与及等同跟对向把被是为的了])[\\u4e00-\\u9fff]){1,8})+`, 'g');
// TRANSLITERATED's longest run before its first dot
const BEFORE_DOT_MAX = 6;
// sticky: tried only where a capital letter starts a match (see capitalisedMatches)
const LATIN_NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b/y;

// a single capitalised word, not part of a longer Latin run
const LATIN_WORD = /(?<![A-Za-z0-9.\-])[A-Z][a-z]{2,}(?![A-Za-z0-9\-]| [A-Za-z])/y;
const isLowerCode = (c: number) => c >= 0x61 && c <= 0x7a;
const OPEN_BRACKET = new Set(['（', '(']);
const CLOSE_BRACKET = new Set(['）', ')']);
const GLOSS_MAX = 40;
const LATIN_GLOSS = /^([A-Za-z][A-Za-z'\-]*(?:[ .][A-Za-z][A-Za-z'\-]*){0,3})/;

const CLAUSE_END = new Set([...'，,。；;：:！!？?\n（）()“”"《》']);

/**
 * Lists of names (孙茂松、唐杰、刘知远等; 赵一、钱晓明和孙立伟): once one item is an
 * accepted name, every other item that is a surname plus one or two characters is a name.
 * Items run between separators inside a clause; a title before an item stays outside.
 */
function listNames(ctx: DocContext, accepted: readonly PersonCandidate[], t: PersonTables): PersonCandidate[] {
  const { view } = ctx;
  // most names stand next to no separator: then there is no list to walk
  const { listSeparator } = t.chars;
  if (!accepted.some((p) => listSeparator.at(view, p.end) || listSeparator.at(view, p.start - 1))) return [];
  const byStart = new Map(accepted.map((p) => [p.start, p]));
  const found: PersonCandidate[] = [];
  for (const p of accepted) {
    // walk the list both ways from an accepted name
    for (const direction of [1, -1] as const) {
      let edge = direction === 1 ? p.end : p.start;
      for (;;) {
        const sep = direction === 1 ? view[edge] : view[edge - 1];
        if (sep === undefined || !t.listSeparators.has(sep) || CLAUSE_END.has(sep) && sep !== '、' && sep !== '，') break;
        const item = direction === 1 ? itemAfter(ctx, edge + 1, t) : itemBefore(view, edge - 1, t);
        if (!item || byStart.has(item.start)) break;
        const name = view.slice(item.start, item.end);
        if (!surnameOf(name, t) || t.notNames.has(name) || t.notGivenNameChars.has(name[name.length - 1]!) || isCommonWord(name)) break;
        if (!listItemLooksLikeName(name, t)) break;
        const c: PersonCandidate = { type: 'person', start: item.start, end: item.end, rule: 'person.list' };
        found.push(c);
        byStart.set(c.start, c);
        edge = direction === 1 ? item.end : item.start;
      }
    }
  }
  return found;
}

const NAME_MAX = 4;
// the item lengths tried after a separator, in order
const ITEM_LENGTHS = [3, 2, 4];
const DENG = '等'.charCodeAt(0);
// jieba's tags, looked up in sets (a regular expression per tag costs more)
/** a name, or a string jieba does not know */
const NAME_READINGS = new Set(['x', 'nr', 'nrfg']);
/** places, verbs, adjectives, adverbs, numerals, times: no given name */
const NOT_GIVEN_NAME_TAGS = new Set(['ns', 'nt', 'nz', 'v', 'vn', 'a', 'ad', 'd', 'm', 't']);

/**
 * A list item read as a name (那一刻，周明华 is no list of names): given-name characters, or a
 * common surname before a word jieba reads as a name or does not know.
 */
function listItemLooksLikeName(name: string, t: PersonTables): boolean {
  const surname = compoundSurnameAt(name, 0, t) ? 2 : 1;
  if (t.chars.givenName.allIn(name, surname, name.length)) return true;
  return t.surnames.get(name[0]!) === 'common' && NAME_READINGS.has(tagOf(name));
}

function surnameOf(name: string, t: PersonTables): boolean {
  const kind = compoundSurnameAt(name, 0, t) ? 'compound' : t.surnames.get(name[0]!);
  if (!kind || kind === 'compound' && name.length < 3) return false;
  return name.length >= 2 && name.length <= (kind === 'compound' ? 4 : 3);
}

/**
 * The name after a separator: two to four characters ending at a jieba boundary before a
 * separator, 等, a particle or a non-Han character (李开复等, 唐杰和).
 */
function itemAfter(ctx: DocContext, from: number, t: PersonTables): { start: number; end: number } | null {
  const { view, boundary } = ctx;
  const { glued, listSeparator, notGivenName } = t.chars;
  for (const length of ITEM_LENGTHS) {
    const end = from + length;
    if (end > view.length || boundary[end] !== 1 && !glued.at(view, end)) continue;
    if (!hanItem(view, from, end, t)) continue;
    if (notGivenName.at(view, end - 1)) continue;
    const next = view.charCodeAt(end);
    if (end === view.length || !isHanCode(next) || listSeparator.has(next) || next === DENG || notGivenName.has(next)) return { start: from, end };
  }
  return null;
}

/** Han characters and no separator in [from, to) */
function hanItem(view: string, from: number, to: number, t: PersonTables): boolean {
  for (let i = from; i < to; i++) {
    const c = view.charCodeAt(i);
    if (!isHanCode(c) || t.chars.listSeparator.has(c)) return false;
  }
  return true;
}

/** The Han run before a separator, back to the previous separator, a title, or a non-Han character. */
function itemBefore(view: string, to: number, t: PersonTables): { start: number; end: number } | null {
  let start = to;
  while (start > 0 && isHanCode(view.charCodeAt(start - 1)) && !t.chars.listSeparator.at(view, start - 1) && to - start < NAME_MAX) {
    if (t.titles.endingAt(view, start) && to - start >= 2) break;
    start--;
  }
  return to - start >= 2 && to - start <= NAME_MAX ? { start, end: to } : null;
}

function chineseNames(ctx: DocContext, t: PersonTables, surnames: readonly number[], fixtures: boolean): PersonCandidate[] {
  const all: NameCandidate[] = [];
  for (const i of surnames) {
    const c = nameAt(ctx, i, t, fixtures);
    if (c) all.push(c);
  }
  const accepted: PersonCandidate[] = all.filter(acceptedAlone).map((c) => ({ type: 'person', start: c.start, end: c.end, rule: 'person.chinese' }));
  return accepted.concat(listNames(ctx, accepted, t));
}

/**
 * 萨姆·奥尔特曼: Han words joined by a middle dot. The first and last parts are the jieba
 * words next to the dots, without a title before (首席执行官托马斯·韦伯) or a function
 * word or verb after (韦伯在签约仪式上表示): each part ends at a common word.
 */
function transliterated(ctx: DocContext, t: PersonTables, dots: readonly number[]): PersonCandidate[] {
  if (dots.length === 0) return [];
  const { view } = ctx;
  const out: PersonCandidate[] = [];
  const stops = (word: string) => t.titles.has(word) || t.after.has(word) || isCommonWord(word) || t.notGivenNameChars.has(word);
  // beyond the word next to the dot, a part goes on only with transliteration characters
  // (马蒂亚斯·科雷尔 | 获奖, 遗孀 | 埃莉诺·罗斯福)
  const foreign = (word: string) => t.chars.foreignName.allIn(word, 0, word.length);
  for (const m of dottedRuns(view, dots)) {
    const firstDot = m.index + m[0].search(MIDDLE_DOT);
    const lastDot = m.index + m[0].length - 1 - [...m[0]].reverse().join('').search(MIDDLE_DOT);
    let start = firstDot;
    while (start > m.index) {
      const wordStart = previousBoundary(ctx, start, m.index);
      const word = view.slice(wordStart, start);
      if (firstDot - wordStart > 5 || stops(word) || (start < firstDot && !foreign(word))) break;
      start = wordStart;
    }
    let end = lastDot + 1;
    while (end < m.index + m[0].length) {
      const wordEnd = nextBoundary(ctx, end, m.index + m[0].length);
      const word = view.slice(end, wordEnd);
      const next = end > lastDot + 1;
      // jieba may cut a single transliteration character off the part (瑞斯·维/瑟斯/彭)
      const foreignChar = word.length === 1 && foreign(word) && !t.notGivenNameChars.has(word);
      if (wordEnd - lastDot - 1 > 6 || (stops(word) && !foreignChar) || (next && !foreign(word))) break;
      end = wordEnd;
    }
    // 乔治·华盛顿大桥: a place named after the person
    const facility = t.placeAfter.startingAt(view, end);
    if (facility && ctx.boundary[end + facility.word.length] === 1) continue;
    // a last part of one character is a transliteration character or a surname (艾伦·陈): 书香·港 is wordplay
    if (end === lastDot + 2 && !foreign(view[lastDot + 1]!) && !t.surnames.has(view[lastDot + 1]!)) continue;
    if (start < firstDot && end > lastDot + 1) out.push({ type: 'person', start, end, rule: 'person.transliterated' });
  }
  return out;
}

/**
 * The matches of TRANSLITERATED, in order, as matchAll gives them. A match has a middle dot
 * within BEFORE_DOT_MAX characters of its start, so each search starts that far before the
 * next dot: run from every Han character, the expression costs more than all the rest of
 * the person extractor, and most articles have no dot at all.
 */
function dottedRuns(view: string, dots: readonly number[]): RegExpExecArray[] {
  const runs: RegExpExecArray[] = [];
  let from = 0;
  for (const dot of dots) {
    if (dot < from) continue;
    TRANSLITERATED.lastIndex = Math.max(from, dot - BEFORE_DOT_MAX);
    const m = TRANSLITERATED.exec(view);
    if (!m) break;
    runs.push(m);
    from = m.index + m[0].length;
  }
  return runs;
}

function previousBoundary(ctx: DocContext, from: number, floor: number): number {
  let i = from - 1;
  while (i > floor && ctx.boundary[i] !== 1) i--;
  return i;
}

function nextBoundary(ctx: DocContext, from: number, ceiling: number): number {
  let i = from + 1;
  while (i < ceiling && ctx.boundary[i] !== 1) i++;
  return i;
}

/** The two-character given name of a Chinese name, when it cannot be read as an ordinary word. */
function givenNameOf(name: string, t: PersonTables): string | null {
  const surname = compoundSurnameAt(name, 0, t) ? 2 : 1;
  const given = name.slice(surname);
  if (given.length !== 2 || isCommonWord(given) || t.notNames.has(given) || t.titles.has(given) || t.after.has(given)) return null;
  if (!t.chars.givenName.allIn(given, 0, given.length) || NOT_GIVEN_NAME_TAGS.has(tagOf(given))) return null;
  return given;
}

/**
 * A two-character given name alone before 同志 (小平同志): one jieba word of given-name characters.
 * `starts`: Landmarks.wordsAfterName.
 */
function givenNamesAlone(ctx: DocContext, t: PersonTables, starts: readonly number[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  for (const title of t.givenNameTitles) {
    for (const at of occurrencesAmong(ctx.view, title, starts)) {
      const start = at - 2;
      if (start < 0 || ctx.boundary[start] !== 1 || ctx.boundary[at] !== 1) continue;
      const name = ctx.view.slice(start, at);
      if (t.surnames.has(name[0]!) && !t.givenNameChars.has(name[0]!)) continue;
      if (givenNameOf(`_${name}`, t) === name && NAME_READINGS.has(tagOf(name))) out.push({ type: 'person', start, end: at, rule: 'person.given-name' });
    }
  }
  return out;
}

/**
 * The matches of a sticky expression whose matches start with a capital letter, in order and
 * without overlap, as matchAll gives them for its /g twin. Tried only at the capitals: the /g
 * form would try every character of the article. Both expressions want a lower-case letter
 * after the capital: an acronym (AI, CEO) is passed over without running one.
 */
function capitalisedMatches(view: string, at: readonly number[], pattern: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const i of at) {
    if (i < from || !isLowerCode(view.charCodeAt(i + 1))) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(view);
    if (!m) continue;
    out.push(m);
    from = i + m[0].length;
  }
  return out;
}

function latinNames(ctx: DocContext, t: PersonTables, capitals: readonly number[]): PersonCandidate[] {
  if (capitals.length === 0) return [];
  const out: PersonCandidate[] = capitalisedMatches(ctx.view, capitals, LATIN_NAME)
    .filter((m) => latinNameKind(m[0]) === 'person')
    .map((m) => ({ type: 'person', start: m.index, end: m.index + m[0].length, rule: 'person.latin' }));
  // 编剧Robin: one capitalised word right after a title is a name (or a handle) too
  for (const m of capitalisedMatches(ctx.view, capitals, LATIN_WORD)) {
    const titleEnd = skipSpacesBack(ctx.view, m.index, 1);
    if (titleEnd === m.index && m.index > 0 && !isHan(ctx.view[m.index - 1])) continue;
    // (大股东Brightwater: a title a company can hold too says nothing)
    if (!t.titles.endingAt(ctx.view, titleEnd) || t.organisationBefore.endingAt(ctx.view, titleEnd) || latinNameKind(m[0]) === 'organization') continue;
    out.push({ type: 'person', start: m.index, end: m.index + m[0].length, rule: 'person.latin' });
  }
  return out;
}

/**
 * 博瓦德（Henrik Bogvad）: the original spelling in brackets right after a name is the same
 * person. Letters in both cases (an acronym is a title or an organisation: 王明（CEO）).
 */
function latinGlosses(view: string, found: readonly PersonCandidate[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  for (const p of found) {
    if (!OPEN_BRACKET.has(view[p.end] ?? '')) continue;
    const m = LATIN_GLOSS.exec(view.slice(p.end + 1, p.end + 1 + GLOSS_MAX));
    if (!m || !/[a-z]/.test(m[1]!) || !/[A-Z]|^[a-z]+$/.test(m[1]!)) continue;
    const end = p.end + 1 + m[1]!.length;
    if (end < view.length && !CLOSE_BRACKET.has(view[end]!)) continue;
    out.push({ type: 'person', start: p.end + 1, end, rule: 'person.latin' });
  }
  return out;
}

/**
 * Every other occurrence of an accepted name, the last part of a transliterated one, and
 * the two-character given name of a Chinese one used alone (邓小平 ... 小平同志).
 */
function repeats(ctx: DocContext, found: readonly PersonCandidate[], t: PersonTables): PersonCandidate[] {
  const names = new Map<string, string>();
  // a name accepted again (most are, at each occurrence) adds nothing: its given name is known
  const chinese = new Set<string>();
  for (const p of found) {
    const name = ctx.view.slice(p.start, p.end);
    names.set(name, 'person.repeat');
    if ((p.rule === 'person.chinese' || p.rule === 'person.list') && !chinese.has(name)) {
      chinese.add(name);
      const given = givenNameOf(name, t);
      if (given && !names.has(given)) names.set(given, 'person.given-name');
    }
    if (p.rule === 'person.transliterated') {
      const last = name.split(MIDDLE_DOT).at(-1)!;
      if (last.length >= 2 && !names.has(last)) names.set(last, 'person.surname-only');
    }
  }
  const { view, boundary } = ctx;
  const out: PersonCandidate[] = [];
  for (const { start: at, end, value: rule } of nameOccurrences(view, names)) {
    // a repeat must be a whole word: not the start of a longer name (张维 in 张维迎)
    if (boundary[end] !== 1 && isHanCode(view.charCodeAt(end))) continue;
    if (boundary[at] !== 1 && isHanCode(view.charCodeAt(at - 1))) continue;
    out.push({ type: 'person', start: at, end, rule });
  }
  return out;
}

// up to this many names, one search per name (linear in the article for each)
const FEW_NAMES = 16;

/**
 * occurrences(view, names), in its order (by start, then the longest first). An article names a
 * handful of people: a search per name then costs less than building the phrase index; with
 * many names (a roster) the index keeps the pass linear.
 */
function nameOccurrences(view: string, names: ReadonlyMap<string, string>): { start: number; end: number; value: string }[] {
  if (names.size > FEW_NAMES) return occurrences(view, names);
  const found: { start: number; end: number; value: string }[] = [];
  for (const [name, value] of names) {
    if (name === '') continue;
    for (let at = view.indexOf(name); at !== -1; at = view.indexOf(name, at + 1)) found.push({ start: at, end: at + name.length, value });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Names that stand as a side of a fixture somewhere in the text (霍村vs林镇：霍村打弱旅...):
 * teams, in every occurrence, not only the one next to the vs.
 */
function teamNames(view: string, people: readonly PersonCandidate[]): Set<string> {
  const teams = new Set<string>();
  const seen = new Set<string>();
  for (const p of people) {
    const name = view.slice(p.start, p.end);
    if (seen.has(name)) continue;
    seen.add(name);
    for (let at = view.indexOf(name); at !== -1; at = view.indexOf(name, at + name.length)) {
      if (fixture(view, at, at + name.length)) {
        teams.add(name);
        break;
      }
    }
  }
  return teams;
}

export function extractPeople(ctx: DocContext, rules: PersonRules): PersonCandidate[] {
  const t = rules.person;
  const at = landmarks(ctx, t);
  // a side of a fixture is a team: no per-name test unless the text has a fixture at all
  const fixtures = at.fixtureMark;
  const found = transliterated(ctx, t, at.dots).concat(chineseNames(ctx, t, at.surnames, fixtures), foreignNames(ctx, t, at.foreignAnchors), givenNamesAlone(ctx, t, at.wordsAfterName), latinNames(ctx, t, at.capitals), honorificNames(ctx, t, at.wordsAfterName));
  const all = found.concat(latinGlosses(ctx.view, found), repeats(ctx, found, t));
  if (!fixtures) return all;
  const teams = teamNames(ctx.view, all);
  return teams.size === 0 ? all : all.filter((p) => !teams.has(ctx.view.slice(p.start, p.end)));
}
