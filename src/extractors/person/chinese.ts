/**
 * Chinese names: a surname (single or compound) and a given name of one or two
 * characters, read off the jieba tokens. jieba's HMM keeps most unseen names whole
 * (黄民烈, 杨植麟) or splits them after the surname (王/小川); a third character that
 * jieba keeps apart (唐杰/做) or that is a function word (张鹏也) is not part of the name.
 */
import type { DocContext } from '../../context.js';
import { tagOf } from '../../segment/index.js';
import { isCommonWord } from '../../segment/dictionary.js';
import { isHan, skipSpaces, skipSpacesBack } from '../../text/matchView.js';
import type { PersonTables, SurnameKind } from './tables.js';

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
const PLACE_TAGS = /^(ns|nt|nz)$/;
const VERSUS = /^\s*(?:vs\.?|VS\.?|Vs\.?|对阵)/;
const VERSUS_BEFORE = /(?:vs\.?|VS\.?|Vs\.?|对阵)\s*$/;

const FIXTURE_MARK = /vs|VS|Vs|对阵/;

/** Does the text hold any fixture marker at all? (a cheap test before per-name work) */
export function mayHaveFixture(view: string): boolean {
  return FIXTURE_MARK.test(view);
}

/** A side of a fixture (甲队vs乙队, 甲队对阵乙队): a team, not a person. */
export function fixture(view: string, start: number, end: number): boolean {
  return VERSUS.test(view.slice(end, end + 4)) || VERSUS_BEFORE.test(view.slice(Math.max(0, start - 4), start));
}

const NUMERAL = /[0-9零一二两三四五六七八九十百千万第几]/;
const PARTICLES = new Set([...'的了是在和与及等也都就们个位着过吗呢吧']);

function nextCut(ctx: DocContext, from: number): number {
  let i = from + 1;
  while (i < ctx.boundary.length - 1 && ctx.boundary[i] !== 1) i++;
  return i;
}

/** internal token boundaries of [start, end), as offsets from start */
function cuts(ctx: DocContext, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start + 1; i < end; i++) if (ctx.boundary[i] === 1) out.push(i - start);
  return out;
}

function surnameAt(view: string, i: number, t: PersonTables): { length: number; kind: SurnameKind } | null {
  const two = t.surnames.get(view.slice(i, i + 2));
  if (two === 'compound') return { length: 2, kind: two };
  const one = t.surnames.get(view[i]!);
  return one && one !== 'compound' ? { length: 1, kind: one } : null;
}

/** The name starting at i, if the characters and tokens allow one. */
export function nameAt(ctx: DocContext, i: number, t: PersonTables): NameCandidate | null {
  const { view } = ctx;
  const surname = surnameAt(view, i, t);
  if (!surname) return null;
  // a title starts or ends a jieba word (协会会长, 首席营运官/司空明远); 女儿 inside 妇女/儿童 is none
  const titleEnd = skipSpacesBack(view, i, 1);
  const title = t.titles.endingAt(view, titleEnd);
  const titleStart = title ? titleEnd - title.word.length : titleEnd;
  const titleBefore = !!title && (ctx.boundary[titleStart] === 1 || ctx.boundary[titleEnd] === 1) && !titleOpensWord(ctx, titleStart, titleEnd);
  // jieba's HMM sometimes glues a function character to a name (由王/小川, 张维向): accept
  // a name edge inside a token when what it cuts off is one such character
  const glued = (at: number) => t.gluedChars.has(view[at]!);
  const startsWord = ctx.boundary[i] === 1 || (ctx.boundary[i - 1] === 1 && glued(i - 1));
  if (!startsWord && !titleBefore) return null;
  for (const given of [2, 1]) {
    const end = i + surname.length + given;
    if (end > view.length || ![...view.slice(i, end)].every((ch) => isHan(ch))) continue;
    // the name ends a word, or jieba glued the next function word, verb or title to it (张维向,
    // 皇甫静指出, 邓小平理论)
    const doctrine = given === 2 ? t.doctrines.startingAt(view, end) : undefined;
    const cueAt = t.verbs.startingAt(view, end) ?? doctrine;
    // a title after the name may take the name's last character into its word (钱立/本会长);
    // not a title word that starts with the name itself (高级副总裁) or that is one as a whole (副行长)
    const suffix = t.suffixTitles.startingAt(view, end);
    const titleGlued = !!suffix && suffix.word.length > 1 && ctx.boundary[end] !== 1 && ctx.boundary[end + suffix.word.length] === 1 && ctx.boundary[end - 1] === 1 && end - 1 > i && !t.titles.has(view.slice(end - 1, end + suffix.word.length));
    const endsWord = ctx.boundary[end] === 1 || (glued(end) && ctx.boundary[end + 1] === 1) || (!!cueAt && ctx.boundary[end + cueAt.word.length] === 1) || titleGlued;
    if (!endsWord) continue;
    // whole, split right after the surname, or with a single name character jieba split off
    // (欧阳明/辉); after a title, jieba's cuts are not trusted (首席营运官/司空明远 -> 官司/空明/远)
    const givenShape = [...view.slice(i + surname.length, end)].every((ch) => t.givenNameChars.has(ch));
    // jieba's HMM sometimes cuts an unseen name into single characters (彭/小/军)
    const singles = givenShape && given === 2 && ctx.boundary[i + surname.length] === 1 && ctx.boundary[i + surname.length + 1] === 1;
    const inner = cuts(ctx, i, end).filter((at) => !(at === 1 && !startsWord) && at !== surname.length && !singleNameChar(ctx, i + at, end) && !singles && !(titleGlued && i + at === end - 1));
    if (inner.length > 0 && !titleBefore) continue;
    // a given name does not end in a function word or pronoun (张鹏也, 政委向你)
    if (t.notGivenNameChars.has(view[end - 1]!)) continue;
    const name = view.slice(i, end);
    // the given name cannot open with a particle (王的, 李在): other function-like characters
    // (其, 之, 此) do occur in given names (钱其琛)
    if (t.notNames.has(name) || PARTICLES.has(view[i + surname.length]!) || isCommonWord(name)) continue;
    // 张博士, 王表示: the "given name" is the cue itself; a one-character verb may open a
    // two-character given name (张向东)
    const cueInside = t.after.startingAt(view, i + surname.length);
    if (cueInside && (cueInside.word.length > 1 || given === 1)) continue;
    // 《书名》（作者）: the author credited in brackets after a title
    const credited = view[end] === '）' && view.slice(i - 2, i) === '》（';
    const cueAfter = !!t.after.startingAt(view, skipSpaces(view, end, 1)) || !!doctrine || credited || roleAfter(view, end, t) || subjectOfSpeech(view, i, end, t);
    const split = ctx.boundary[i + surname.length] === 1;
    const word = split ? name.slice(surname.length) : name;
    // a rare surname before a dictionary word is that word with a prefix (原 + 搜狗团队), unless a title says otherwise
    if (surname.kind === 'rare' && split && !titleBefore && !NAME_TAGS.has(tagOf(word))) continue;
    // a surname character before an ordinary word or a place is not a name (金红利, 向员工, 于高雄)
    const givenName = name.slice(surname.length);
    // a rare surname is an ordinary character: before a place (代表/全中国, 专家/谈武汉) it is
    // that word with a prefix even after a title; before any other word jieba knows (那丛/玫瑰)
    // only a title makes it a name
    if (surname.kind === 'rare' && givenName.length === 2) {
      const givenTag = tagOf(givenName);
      if (givenTag === 'ns' || (!titleBefore && !NAME_TAGS.has(givenTag))) continue;
    }
    // a surname that is also a function word, standing alone, is that word (员工和/客户, 位于/高雄)
    if (split && surname.length === 1 && t.gluedChars.has(view[i]!) && !titleBefore) continue;
    // a given name may be an ordinary word when a verb right after says it is a name (张明朝表示,
    // 孔光明摄), never when it is a title (张经理表示)
    const commonGiven = givenName.length === 2 && isCommonWord(givenName) && (t.titles.has(givenName) || surname.kind !== 'common' || !(t.after.startingAt(view, end) || credited));
    // a given name jieba reads as a place (方/肇新) stands when only a person can follow (的博客)
    const givenPlace = split && word.length > 1 && PLACE_TAGS.test(tagOf(word)) && !(surname.kind === 'common' && t.personalAfter.startingAt(view, end));
    if (!titleBefore && (givenPlace || commonGiven)) continue;
    // 高级副总裁: the name would start inside an ordinary word (高级)
    const firstToken = view.slice(i, nextCut(ctx, i));
    if (!titleBefore && firstToken.length > surname.length && firstToken.length < name.length + 1 && isCommonWord(firstToken)) continue;
    // one jieba word read as a name, of three characters (杨植麟); two-character ones need a
    // cue (tried: accepting jieba's nr reading of 李安 lost more precision than it gained recall)
    const tokenEvidence = name.length >= 3 && NAME_TAGS.has(tagOf(word));
    // jieba's dictionary itself reads the parts as a name (司马/nr 兰亭/nr)
    const nameTagged = split && /^(nr|nrfg)$/.test(tagOf(word)) && /^(nr|nrfg)$/.test(tagOf(name.slice(0, surname.length)));
    // 唐山/大, 石景山: the name would start with, or be, a place jieba knows
    if (!titleBefore && (PLACE_TAGS.test(tagOf(name)) || (name.length === 3 && surname.length === 1 && PLACE_TAGS.test(tagOf(name.slice(0, 2))) && !/^(nr|nrfg)$/.test(tagOf(name))))) continue;
    // 门兴vs弗赖堡: a fixture names teams
    if (fixture(view, i, end)) continue;
    // 海洋合作组织（柯海联）: the short form of an organisation, in brackets after its name
    if (!titleBefore && OPEN_BRACKETS.has(view[i - 1] ?? '') && CLOSE_BRACKETS.has(view[end] ?? '') && tagOf(view.slice(previousCut(ctx, i - 1), i - 1)) === 'nt') continue;
    // 7代, 第二代, 三位: after a number the character is a measure word, not a surname
    if (!titleBefore && i > 0 && NUMERAL.test(view[i - 1]!)) continue;
    // 莫斯科, 科威特城: a place name starts here
    const placeHere = t.places.startingAt(view, i);
    if (placeHere && placeHere.word.length >= name.length) continue;
    const nameTag = tagOf(name);
    const place = t.placeAfter.startingAt(view, end);
    // 张江/科学城, 黎塞留/大街: a place or facility, unless a title says it is a person
    if (place && ctx.boundary[end + place.word.length] === 1 && !titleBefore) continue;
    // jieba's dictionary tags many ordinary words nr (宁静, 温馨, 白玉兰): only a string it
    // does not know at all ('x') counts
    const unknownWord = nameTag === 'x' && (name.length === 3
      ? !split || NAME_TAGS.has(tagOf(word)) || singles || !isCommonWord(word)
      : name.length === 2 && !split && !danglingChar(ctx, end, t));
    return { start: i, end, surname: surname.kind, titleBefore, cueAfter, tokenEvidence, nameTagged, givenShape, unknownWord, preposition: t.gluedChars.has(view[i]!), organisationBefore: !!t.organisationBefore.endingAt(view, i), plausible: givenShape || NAME_TAGS.has(nameTag) || NAME_TAGS.has(tagOf(word)), whole: !split && !singles && ctx.boundary[i] === 1 && nextCut(ctx, i) === end };
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

/** 温格作为主帅: the name holds a role (作为 + a title), which only a person does. */
export function roleAfter(view: string, end: number, t: PersonTables): boolean {
  return AS.has(view.slice(end, end + 2)) && !!t.titles.startingAt(view, end + 2);
}

const CLAUSE_BREAK = /[，,。；;：:！!？?、\n“”"（）()《》]/;
const SUBJECT_WINDOW = 10;

/**
 * The subject of a reporting verb later in its clause (赵志远笑着说, 维克多对我们说): the name
 * opens the clause and 说/表示 follows within a few characters, before any punctuation.
 */
export function subjectOfSpeech(view: string, start: number, end: number, t: PersonTables): boolean {
  if (start > 0 && !CLAUSE_BREAK.test(view[start - 1]!)) return false;
  for (let j = end; j < view.length && j < end + SUBJECT_WINDOW; j++) {
    if (CLAUSE_BREAK.test(view[j]!)) return false;
    if (t.reporting.startingAt(view, j)) return true;
  }
  return false;
}

/** A lone Han character after `end` that is not a function word: the name likely goes on (莫嘉/昉). */
function danglingChar(ctx: DocContext, end: number, t: PersonTables): boolean {
  const ch = ctx.view[end];
  return ch !== undefined && isHan(ch) && ctx.boundary[end + 1] === 1 && !t.notGivenNameChars.has(ch) && !t.gluedChars.has(ch) && !PARTICLES.has(ch);
}

/** A one-character token at `at` (before `end`) that jieba tags as part of a name (辉/nr). */
function singleNameChar(ctx: DocContext, at: number, end: number): boolean {
  return ctx.boundary[at + 1] === 1 && at + 1 <= end && /^(nr|nrfg|nrt)$/.test(tagOf(ctx.view[at]!));
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
