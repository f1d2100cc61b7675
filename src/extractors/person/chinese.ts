/**
 * Chinese names: a surname (single or compound) and a given name of one or two
 * characters, read off the jieba tokens. jieba's HMM keeps most unseen names whole
 * (黄民烈, 杨植麟) or splits them after the surname (王/小川); a third character that
 * jieba keeps apart (唐杰/做) or that is a function word (张鹏也) is not part of the name.
 */
import type { DocContext } from '../../context.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord, isCommonWordAt } from '../../segment/dictionary.js';
import { isHan, isHanCode, skipSpaces } from '../../text/matchView.js';
import { compoundSurnameAt, type PersonTables, type SurnameKind } from './tables.js';
import { CodeSet } from '../../text/codeSet.js';

export interface NameCandidate {
  start: number;
  end: number;
  surname: SurnameKind;
  /** a title before: 创始人周明 */
  titleBefore: boolean;
  /** a verb or title after: 黄民烈创立 */
  cueAfter: boolean;
  /** jieba itself reads it as a name: one unknown or nr word of three characters, or 王/小川 */
  tokenEvidence: boolean;
  /** both the surname and the given name are name words in jieba's dictionary */
  nameTagged: boolean;
  /** every given-name character is one frequent in Chinese given names (治军, 国荣) */
  givenShape: boolean;
  /**
   * jieba reads the characters as a name-like unit it does not know as a word: a
   * three-character name it keeps whole or splits after the surname (殷/治军), or a
   * two-character token its HMM made up (李咏/x)
   */
  unknownWord: boolean;
  /** given-name characters, or jieba reads the name or its given part as a name or not at all */
  plausible: boolean;
  /** 开发商 X, 控股 X: the word is a company or a team */
  organisationBefore: boolean;
  /** the surname is also a preposition or conjunction (向, 从, 于): a cue must say it is a name */
  preposition: boolean;
  /** jieba keeps the name as one token */
  whole: boolean;
}

const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'x']);
const VERSUS = /^\s*(?:vs\.?|VS\.?|Vs\.?|对阵)/;
const VERSUS_BEFORE = /(?:vs\.?|VS\.?|Vs\.?|对阵)\s*$/;

/**
 * A side of a fixture (甲队vs乙队, 甲队对阵乙队): a team, not a person. Asked only when the text
 * has a fixture marker at all (Landmarks.fixtureMark).
 */
export function fixture(view: string, start: number, end: number): boolean {
  return VERSUS.test(view.slice(end, end + 4)) || VERSUS_BEFORE.test(view.slice(Math.max(0, start - 4), start));
}

// looked up by character code (see CodeSet)
const NUMERAL = new CodeSet('0123456789零一二两三四五六七八九十百千万第几');
const PARTICLES = new CodeSet('的了是在和与及等也都就们个位着过吗呢吧');
const PERSON_TAGS = new Set(['nr', 'nrfg']);
const PLACE_TAGS = new Set(['ns', 'nt', 'nz']);
const NAME_PART_TAGS = new Set(['nr', 'nrfg', 'nrt']);

function nextCut(ctx: DocContext, from: number): number {
  let i = from + 1;
  while (i < ctx.boundary.length - 1 && ctx.boundary[i] !== 1) i++;
  return i;
}

interface Surname {
  readonly length: number;
  readonly kind: SurnameKind;
}
// shared answers of surnameAt: nothing is allocated per position
const COMPOUND: Surname = { length: 2, kind: 'compound' };
const COMMON: Surname = { length: 1, kind: 'common' };
const RARE: Surname = { length: 1, kind: 'rare' };

function surnameAt(view: string, i: number, t: PersonTables): Surname | null {
  const { chars } = t;
  // only the two characters of a compound surname (欧阳, 司马, 上官) need the table: 上 and 东 are frequent
  if (chars.compoundStart.at(view, i) && chars.compoundEnd.at(view, i + 1) && compoundSurnameAt(view, i, t)) return COMPOUND;
  return chars.commonSurname.at(view, i) ? COMMON : chars.rareSurname.at(view, i) ? RARE : null;
}

// isHan on a character code: the same ranges

/** Han characters only in [from, to), read by code unit (a surrogate half is not Han either) */
function allHan(view: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHanCode(view.charCodeAt(i))) return false;
  return true;
}

/** a function character jieba's HMM may glue to a name (由王/小川, 张维向) */
const gluedAt = (view: string, at: number, t: PersonTables) => t.chars.glued.at(view, at);

/**
 * A title right before i, or one space before it, that starts or ends a jieba word (协会会长,
 * 首席营运官/司空明远); 女儿 inside 妇女/儿童 is none.
 */
function hasTitleBefore(ctx: DocContext, i: number, t: PersonTables): boolean {
  // skipSpacesBack(view, i, 1); then the last-character test that most positions fail
  const titleEnd = t.chars.inlineSpace.at(ctx.view, i - 1) ? i - 1 : i;
  if (!t.chars.titleEnd.at(ctx.view, titleEnd - 1)) return false;
  const title = t.titles.endingAt(ctx.view, titleEnd);
  if (!title) return false;
  const titleStart = titleEnd - title.word.length;
  return (ctx.boundary[titleStart] === 1 || ctx.boundary[titleEnd] === 1) && !titleOpensWord(ctx, titleStart, titleEnd);
}

/** a verb (皇甫静指出) or, after a two-character given name, a doctrine (邓小平理论) glued to the name as one jieba word */
function cueGlued(ctx: DocContext, end: number, given: number, t: PersonTables): boolean {
  if (!t.chars.cueStart.at(ctx.view, end)) return false;
  const cue = t.verbs.startingAt(ctx.view, end) ?? (given === 2 ? t.doctrines.startingAt(ctx.view, end) : undefined);
  return !!cue && ctx.boundary[end + cue.word.length] === 1;
}

/**
 * A title after the name that took the name's last character into its jieba word (钱立/本会长);
 * not a title word that starts with the name itself (高级副总裁) or that is one as a whole (副行长).
 */
function titleTakesLastChar(ctx: DocContext, i: number, end: number, t: PersonTables): boolean {
  const { view, boundary } = ctx;
  // the token checks first: they rule out almost every position without a lookup
  if (boundary[end] === 1 || boundary[end - 1] !== 1 || end - 1 <= i) return false;
  const suffix = t.suffixTitles.startingAt(view, end);
  return !!suffix && suffix.word.length > 1 && boundary[end + suffix.word.length] === 1 && !t.titles.has(view.slice(end - 1, end + suffix.word.length));
}

/**
 * A jieba cut inside the name [i, end) that its reading as a name does not explain: not the cut
 * after the surname, after a glued function character, before a single name character jieba
 * split off (欧阳明/辉) or before the character a title took (钱立/本会长).
 */
function hasUnexplainedCut(ctx: DocContext, i: number, end: number, surnameLength: number, startsWord: boolean, titleGlued: boolean): boolean {
  for (let at = i + 1; at < end; at++) {
    if (ctx.boundary[at] !== 1 || at === i + surnameLength || (at === i + 1 && !startsWord) || (titleGlued && at === end - 1)) continue;
    if (!singleNameChar(ctx, at, end)) return true;
  }
  return false;
}

/**
 * The name starting at i, if the characters and tokens allow one. The cheap tests on
 * characters and token boundaries come before dictionary and tag lookups: most surname
 * characters in a text (高, 金, 向, 于) start no name. `fixtures`: Landmarks.fixtureMark.
 */
export function nameAt(ctx: DocContext, i: number, t: PersonTables, fixtures: boolean): NameCandidate | null {
  const { view, boundary } = ctx;
  // jieba's HMM sometimes glues a function character to a name (由王/小川, 张维向): accept
  // a name edge inside a token when what it cuts off is one such character
  const startsWord = boundary[i] === 1 || (boundary[i - 1] === 1 && gluedAt(view, i - 1, t));
  const titleBefore = hasTitleBefore(ctx, i, t);
  // half the surname characters of a text stand inside a word: ruled out before the surname is read
  if (!startsWord && !titleBefore) return null;
  const surname = surnameAt(view, i, t);
  if (!surname) return null;
  const givenStart = i + surname.length;
  for (let given = 2; given >= 1; given--) {
    const end = givenStart + given;
    if (end > view.length || !allHan(view, i, end)) continue;
    // the name ends a word, or jieba glued the next function word, verb or title to it (张维向,
    // 皇甫静指出, 邓小平理论, 钱立/本会长)
    const titleGlued = titleTakesLastChar(ctx, i, end, t);
    const endsWord = boundary[end] === 1 || (gluedAt(view, end, t) && boundary[end + 1] === 1) || titleGlued || cueGlued(ctx, end, given, t);
    if (!endsWord) continue;
    // Every test below only rules the candidate out, so they run cheapest first: character
    // bits, then filters over the range, then strings, and jieba's tags (a Map of 50,000
    // strings, a cache miss each) only for a candidate that passed all the others.
    // a given name does not end in a function word or pronoun (张鹏也, 政委向你)
    if (t.chars.notGivenName.at(view, end - 1)) continue;
    // the given name cannot open with a particle (王的, 李在): other function-like characters
    // (其, 之, 此) do occur in given names (钱其琛)
    if (PARTICLES.at(view, givenStart)) continue;
    // read off the text: most candidates end here (高管, 周末), and need no string
    if (t.notNames.hasRange(view, i, end) || isCommonWordAt(view, i, end)) continue;
    // whole, split right after the surname, or with a single name character jieba split off
    // (欧阳明/辉); after a title, jieba's cuts are not trusted (首席营运官/司空明远 -> 官司/空明/远)
    const givenShape = t.chars.givenName.allIn(view, givenStart, end);
    // jieba's HMM sometimes cuts an unseen name into single characters (彭/小/军)
    const singles = givenShape && given === 2 && boundary[givenStart] === 1 && boundary[givenStart + 1] === 1;
    if (!titleBefore && !singles && hasUnexplainedCut(ctx, i, end, surname.length, startsWord, titleGlued)) continue;
    // 张博士, 王表示: the "given name" is the cue itself; a one-character verb may open a
    // two-character given name (张向东)
    const cueInside = t.after.startingAt(view, givenStart);
    if (cueInside && (cueInside.word.length > 1 || given === 1)) continue;
    const split = boundary[givenStart] === 1;
    // a surname that is also a function word, standing alone, is that word (员工和/客户, 位于/高雄)
    if (split && surname.length === 1 && gluedAt(view, i, t) && !titleBefore) continue;
    // 高级副总裁: the name would start inside an ordinary word (高级)
    const firstTokenEnd = nextCut(ctx, i);
    if (!titleBefore && firstTokenEnd - i > surname.length && firstTokenEnd - i < end - i + 1 && isCommonWordAt(view, i, firstTokenEnd)) continue;
    // 门兴vs弗赖堡: a fixture names teams
    if (fixtures && fixture(view, i, end)) continue;
    // 7代, 第二代, 三位: after a number the character is a measure word, not a surname
    if (!titleBefore && i > 0 && NUMERAL.at(view, i - 1)) continue;
    // 莫斯科, 科威特城: a place name starts here
    const placeHere = t.places.startingAt(view, i);
    if (placeHere && placeHere.word.length >= end - i) continue;
    const place = t.placeAfter.startingAt(view, end);
    // 张江/科学城, 黎塞留/大街: a place or facility, unless a title says it is a person
    if (place && boundary[end + place.word.length] === 1 && !titleBefore) continue;
    const name = view.slice(i, end);
    // 《书名》（作者）: the author credited in brackets after a title
    const credited = view.charCodeAt(end) === 0xff09 && view.slice(i - 2, i) === '》（';
    const givenName = name.slice(surname.length);
    // a given name may be an ordinary word when a verb right after says it is a name (张明朝表示,
    // 孔光明摄), never when it is a title (张经理表示)
    const commonGiven = givenName.length === 2 && isCommonWord(givenName) && (t.titles.has(givenName) || surname.kind !== 'common' || !(t.after.startingAt(view, end) || credited));
    if (!titleBefore && commonGiven) continue;
    const word = split ? givenName : name;
    // jieba's tags, asked once each (the later tests read them several times)
    const wordTag = tagOf(word);
    // a rare surname before a dictionary word is that word with a prefix (原 + 搜狗团队), unless a title says otherwise
    if (surname.kind === 'rare' && split && !titleBefore && !NAME_TAGS.has(wordTag)) continue;
    // a surname character before an ordinary word or a place is not a name (金红利, 向员工, 于高雄)
    // a rare surname is an ordinary character: before a place (代表/全中国, 专家/谈武汉) it is
    // that word with a prefix even after a title; before any other word jieba knows (那丛/玫瑰)
    // only a title makes it a name
    if (surname.kind === 'rare' && givenName.length === 2) {
      const givenTag = tagOf(givenName);
      if (givenTag === 'ns' || (!titleBefore && !NAME_TAGS.has(givenTag))) continue;
    }
    // a given name jieba reads as a place (方/肇新) stands when only a person can follow (的博客)
    const givenPlace = split && word.length > 1 && PLACE_TAGS.has(wordTag) && !(surname.kind === 'common' && t.personalAfter.startingAt(view, end));
    if (!titleBefore && givenPlace) continue;
    // 唐山/大, 石景山: the name would start with, or be, a place jieba knows (unsplit, the name is the word)
    const nameTag = split ? tagOf(name) : wordTag;
    if (!titleBefore && (PLACE_TAGS.has(nameTag) || (name.length === 3 && surname.length === 1 && PLACE_TAGS.has(tagOf(name.slice(0, 2))) && !PERSON_TAGS.has(nameTag)))) continue;
    // 海洋合作组织（柯海联）: the short form of an organisation, in brackets after its name
    if (!titleBefore && OPEN_BRACKETS.has(view[i - 1] ?? '') && CLOSE_BRACKETS.has(view[end] ?? '') && tagOf(view.slice(previousCut(ctx, i - 1), i - 1)) === 'nt') continue;
    // one jieba word read as a name, of three characters (杨植麟); two-character ones need a
    // cue (tried: accepting jieba's nr reading of 李安 lost more precision than it gained recall)
    const tokenEvidence = name.length >= 3 && NAME_TAGS.has(wordTag);
    // jieba's dictionary itself reads the parts as a name (司马/nr 兰亭/nr)
    const nameTagged = split && PERSON_TAGS.has(wordTag) && PERSON_TAGS.has(tagOf(name.slice(0, surname.length)));
    // jieba's dictionary tags many ordinary words nr (宁静, 温馨, 白玉兰): only a string it
    // does not know at all ('x') counts
    const unknownWord = nameTag === 'x' && (name.length === 3
      ? !split || NAME_TAGS.has(wordTag) || singles || !isCommonWord(word)
      : name.length === 2 && !split && !danglingChar(ctx, end, t));
    // the cues after the name, asked only for a name that got this far
    const doctrine = given === 2 && !!t.doctrines.startingAt(view, end);
    const cueAfter = !!t.after.startingAt(view, skipSpaces(view, end, 1)) || doctrine || credited || roleAfter(view, end, t) || subjectOfSpeech(view, i, end, t);
    return { start: i, end, surname: surname.kind, titleBefore, cueAfter, tokenEvidence, nameTagged, givenShape, unknownWord, preposition: gluedAt(view, i, t), organisationBefore: !!t.organisationBefore.endingAt(view, i), plausible: givenShape || NAME_TAGS.has(nameTag) || NAME_TAGS.has(wordTag), whole: !split && !singles && boundary[i] === 1 && firstTokenEnd === end };
  }
  return null;
}

/**
 * 学生宿舍: the title is only the start of a longer word jieba knows, so the character after
 * it belongs to that word. A word jieba made up (主任张) still lets the title stand.
 */
function titleOpensWord(ctx: DocContext, titleStart: number, titleEnd: number): boolean {
  if (ctx.boundary[titleEnd] === 1 || ctx.boundary[titleStart] !== 1) return false;
  const wordEnd = nextCut(ctx, titleStart);
  return wordEnd > titleEnd && tagOf(ctx.view.slice(titleStart, wordEnd)) !== 'x';
}

const OPEN_BRACKETS = new Set(['（', '(']);
const CLOSE_BRACKETS = new Set(['）', ')']);

/** the start of the token that ends at `at` */
function previousCut(ctx: DocContext, at: number): number {
  let i = at - 1;
  while (i > 0 && ctx.boundary[i] !== 1) i--;
  return Math.max(0, i);
}

const AS = new Set(['作为', '做为', '身为']);
// the last character of every word of AS: asked first, so most names need no slice
const WEI = '为'.charCodeAt(0);

/** 温格作为主帅: the name holds a role (作为 + a title), which only a person does. */
export function roleAfter(view: string, end: number, t: PersonTables): boolean {
  return view.charCodeAt(end + 1) === WEI && AS.has(view.slice(end, end + 2)) && !!t.titles.startingAt(view, end + 2);
}

const CLAUSE_BREAK = new CodeSet('，,。；;：:！!？?、\n“”"（）()《》');
const SUBJECT_WINDOW = 10;

/**
 * The subject of a reporting verb later in its clause (赵志远笑着说, 维克多对我们说): the name
 * opens the clause and 说/表示 follows within a few characters, before any punctuation.
 */
export function subjectOfSpeech(view: string, start: number, end: number, t: PersonTables): boolean {
  if (start > 0 && !CLAUSE_BREAK.at(view, start - 1)) return false;
  for (let j = end; j < view.length && j < end + SUBJECT_WINDOW; j++) {
    if (CLAUSE_BREAK.at(view, j)) return false;
    if (t.reporting.startingAt(view, j)) return true;
  }
  return false;
}

/** A lone Han character after `end` that is not a function word: the name likely goes on (莫嘉/昉). */
function danglingChar(ctx: DocContext, end: number, t: PersonTables): boolean {
  const ch = ctx.view[end];
  return ch !== undefined && isHan(ch) && ctx.boundary[end + 1] === 1 && !t.chars.notGivenName.at(ctx.view, end) && !t.chars.glued.at(ctx.view, end) && !PARTICLES.at(ctx.view, end);
}

/** A one-character token at `at` (before `end`) that jieba tags as part of a name (辉/nr). */
function singleNameChar(ctx: DocContext, at: number, end: number): boolean {
  return ctx.boundary[at + 1] === 1 && at + 1 <= end && NAME_PART_TAGS.has(tagOf(ctx.view[at]!));
}

/**
 * Accepted on its own: a cue or jieba's reading, for a common or compound surname; a rare
 * surname (also an ordinary character: 信, 原, 车) needs a title before it, or a verb after a
 * three-character name jieba reads as one (岂凡超创立).
 */
export function acceptedAlone(c: NameCandidate): boolean {
  // compound surnames are rare as names and common as words (东方, 公孙): like rare ones
  if (c.surname === 'compound') return c.titleBefore || c.nameTagged || (c.cueAfter && c.tokenEvidence);
  // the shape of a Chinese name: given-name characters jieba does not know as a word
  const shape = c.givenShape && (c.unknownWord || c.tokenEvidence);
  if (c.surname === 'rare') return (c.titleBefore && (c.givenShape || c.tokenEvidence)) || (c.cueAfter && c.tokenEvidence) || (shape && c.whole && c.end - c.start === 3 && !c.preposition);
  // 主席/向地理: a preposition after a title starts a phrase unless a given name follows
  if (c.preposition && !c.givenShape && !c.unknownWord && !c.tokenEvidence && !c.cueAfter) return false;
  // a cue next to an ordinary word is no name (同志/高举, 学生/家长, 贺辞/说)
  return ((c.titleBefore || c.cueAfter) && c.plausible && !(c.organisationBefore && !c.titleBefore)) || (shape && !c.preposition && !c.organisationBefore);
}
