/** Person rules compiled for lookup: surnames, cue words, stop words. */
import type { z } from 'zod';
import type { givenNamesFile, personPlacesFile, notNamesFile, personCuesFile, personPatternsFile, surnamesFile } from '../../rules/schemas.js';
import { WordTable } from '../../text/wordTable.js';
import { isInlineSpace } from '../../text/matchView.js';

export type SurnameKind = 'common' | 'rare' | 'compound';

/**
 * Bits of PersonTables.charRoles: what one character can be in or around a name. The extractor
 * asks at every surname and in every token; a typed-array read by charCodeAt allocates nothing
 * (text[i] makes a string for each Han character, and a Set then hashes it), and a bit that is
 * not set spares the dictionary lookup it stands for.
 */
export const GIVEN_NAME_CHAR = 1, FOREIGN_NAME_CHAR = 2, NOT_GIVEN_NAME_CHAR = 4, GLUED_CHAR = 8;
export const COMMON_SURNAME = 16, RARE_SURNAME = 32, COMPOUND_SURNAME_START = 64, COMPOUND_SURNAME_END = 128;
/** the last character of some title (会长, CEO): no title ends before any other */
export const TITLE_END = 256;
/** the first character of some speech verb or doctrine (表示, 理论): a cue glued to a name starts with one */
export const CUE_START = 512;
/** an inline space (isInlineSpace) */
export const INLINE_SPACE = 1024;
/** the first character of some surname: where a Chinese name can start */
export const SURNAME_START = COMMON_SURNAME | RARE_SURNAME | COMPOUND_SURNAME_START;

/** The role bits of the character at i (0 outside the text). */
export function charRole(text: string, i: number, t: PersonTables): number {
  return i >= 0 && i < text.length ? t.charRoles[text.charCodeAt(i)]! : 0;
}

/** Does every character of text[from, to) have the role bit? (true for an empty range) */
export function allCharsAre(text: string, from: number, to: number, role: number, t: PersonTables): boolean {
  for (let i = from; i < to; i++) if (!(t.charRoles[text.charCodeAt(i)]! & role)) return false;
  return true;
}

export interface PersonTables {
  surnames: Map<string, SurnameKind>;
  /** role bits by UTF-16 code unit, from the lists below (see charRole) */
  charRoles: Uint16Array;
  /** role words written before a name (创始人, CEO) */
  titles: WordTable<true>;
  /** words right after a name: titles (博士) and verbs (表示, 创立) */
  after: WordTable<true>;
  /** the verbs alone (jieba may glue one to the name: 皇甫静指出) */
  verbs: WordTable<true>;
  /** doctrines named after a person (邓小平理论): a full name may end inside the jieba word */
  doctrines: WordTable<true>;
  /** words after a given name used alone (小平同志) */
  givenNameTitles: readonly string[];
  /** verbs of saying that only a person governs (说, 表示) */
  reporting: WordTable<true>;
  /** titles written after a name (博士, 会长) */
  suffixTitles: WordTable<true>;
  /** relatives and personal works after a name (的父亲, 的博客) */
  personalAfter: WordTable<true>;
  /** words after a foreign-looking name that only a person takes: titles (总统, 夫人) and 说/表示 */
  personOnlyAfter: WordTable<true>;
  notNames: ReadonlySet<string>;
  notGivenNameChars: ReadonlySet<string>;
  /** one-character words jieba glues to a name (由王/小川, 张维向) */
  gluedChars: ReadonlySet<string>;
  listSeparators: ReadonlySet<string>;
  /** words that make the word before them a place or facility (张江科学城) */
  placeAfter: WordTable<true>;
  /** words after which a name-like word is a company or a team (开发商 X, 控股 X) */
  organisationBefore: WordTable<true>;
  /** foreign places that look like names (莫斯科, 科威特) */
  places: WordTable<true>;
  /** characters frequent in Chinese given names (伟, 芳, 明) */
  givenNameChars: ReadonlySet<string>;
  /** characters of transliterated foreign names (斯, 尔, 克) */
  foreignNameChars: ReadonlySet<string>;
}

function wordTable(words: readonly string[]): WordTable<true> {
  const table = new WordTable<true>();
  for (const w of words) table.set(w, true);
  return table;
}

const charSet = (chars: string) => new Set([...chars.replace(/\s/g, '')]);

/**
 * The role table behind charRole. Its characters must be single UTF-16 units, as every
 * character the lists hold today is: a code-unit table cannot answer for the others.
 */
function roleTable(
  surnames: ReadonlyMap<string, SurnameKind>,
  chars: readonly [ReadonlySet<string>, number][],
  cues: z.infer<typeof personCuesFile>,
  fail: (reason: string) => never,
): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const [set, bit] of chars) {
    for (const ch of set) {
      if (ch.length !== 1) fail(`"${ch}" in given-names.yaml or patterns.yaml is not one UTF-16 character (those lists hold only such characters)`);
      table[ch.charCodeAt(0)]! |= bit;
    }
  }
  const surnameBit = { common: COMMON_SURNAME, rare: RARE_SURNAME, compound: COMPOUND_SURNAME_START };
  for (const [s, kind] of surnames) {
    table[s.charCodeAt(0)]! |= surnameBit[kind];
    if (kind === 'compound') table[s.charCodeAt(1)]! |= COMPOUND_SURNAME_END;
  }
  // the same code units the word tables index their words by (WordTable.startingAt, endingAt)
  for (const w of cues.titles) table[w.charCodeAt(w.length - 1)]! |= TITLE_END;
  for (const w of [...cues.speechVerbs, ...cues.doctrines]) table[w.charCodeAt(0)]! |= CUE_START;
  for (let c = 0; c < 0x10000; c++) if (isInlineSpace(String.fromCharCode(c))) table[c]! |= INLINE_SPACE;
  return table;
}

export function compilePersonTables(
  surnames: z.infer<typeof surnamesFile>,
  cues: z.infer<typeof personCuesFile>,
  patterns: z.infer<typeof personPatternsFile>,
  notNames: z.infer<typeof notNamesFile>,
  givenNames: z.infer<typeof givenNamesFile>,
  places: z.infer<typeof personPlacesFile>,
  fail: (reason: string) => never,
): PersonTables {
  const map = new Map<string, SurnameKind>();
  for (const kind of ['common', 'rare', 'compound'] as const) {
    for (const s of surnames[kind]) {
      if (map.has(s)) fail(`surname "${s}" is listed as both ${map.get(s)} and ${kind}`);
      if (kind === 'compound' ? s.length !== 2 : s.length !== 1) fail(`surname "${s}" in ${kind} has the wrong length`);
      map.set(s, kind);
    }
  }
  const titles = new WordTable<true>();
  for (const t of cues.titles) titles.set(t, true);
  const after = new WordTable<true>();
  for (const t of [...cues.suffixTitles, ...cues.speechVerbs, ...cues.personalAfter]) after.set(t, true);
  const personOnlyAfter = new WordTable<true>();
  for (const t of [...cues.suffixTitles, ...cues.reportingVerbs, ...cues.personalAfter]) personOnlyAfter.set(t, true);
  const verbs = new WordTable<true>();
  for (const t of cues.speechVerbs) verbs.set(t, true);
  const notGivenNameChars = new Set(patterns.notGivenNameChars);
  const gluedChars = new Set(patterns.gluedChars);
  const givenNameChars = charSet(givenNames.common);
  const foreignNameChars = charSet(givenNames.transliteration);
  const roles: [ReadonlySet<string>, number][] = [
    [givenNameChars, GIVEN_NAME_CHAR], [foreignNameChars, FOREIGN_NAME_CHAR], [notGivenNameChars, NOT_GIVEN_NAME_CHAR], [gluedChars, GLUED_CHAR],
  ];
  return {
    surnames: map,
    charRoles: roleTable(map, roles, cues, fail),
    titles,
    after,
    verbs,
    personOnlyAfter,
    doctrines: wordTable(cues.doctrines),
    personalAfter: wordTable(cues.personalAfter),
    suffixTitles: wordTable(cues.suffixTitles),
    reporting: wordTable(cues.reportingVerbs),
    givenNameTitles: cues.givenNameTitles,
    notNames: new Set(notNames.words),
    notGivenNameChars,
    gluedChars,
    listSeparators: new Set(patterns.listSeparators),
    placeAfter: wordTable(patterns.placeAfter),
    places: wordTable(places.places),
    organisationBefore: wordTable(patterns.organisationBefore),
    givenNameChars,
    foreignNameChars,
  };
}
