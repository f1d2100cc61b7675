/** Person rules compiled for lookup: surnames, cue words, stop words. */
import type { z } from 'zod';
import type { givenNamesFile, personPlacesFile, notNamesFile, personCuesFile, personPatternsFile, surnamesFile } from '../../rules/schemas.js';
import { WordTable } from '../../text/wordTable.js';
import { isInlineSpace } from '../../text/matchView.js';
import { CodeSet } from '../../text/codeSet.js';
import { ShortWordSet } from '../../text/shortWordSet.js';
import { OTHER_LANDMARKS } from './landmarks.js';
import { HONORIFICS } from './honorific.js';

export type SurnameKind = 'common' | 'rare' | 'compound';

/**
 * Character sets the extractor tests at every surname and in every token (see CodeSet): each
 * also says which dictionary lookups cannot succeed at a position (no title ends before a
 * character that ends none), so most positions are ruled out without one.
 */
export interface PersonChars {
  /** frequent in Chinese given names (伟, 芳, 明) */
  givenName: CodeSet;
  /** of transliterated foreign names (斯, 尔, 克) */
  foreignName: CodeSet;
  /** of transliterated names and not frequent in Chinese given names (斯, 尔): a foreign name holds one */
  foreignAnchor: CodeSet;
  /** every character the landmarks pass records (surname starts, anchors, word starts, OTHER_LANDMARKS) */
  landmark: CodeSet;
  /** the first characters of the words the honorific and given-name rules look for after a name (先生, 同志) */
  wordAfterNameStart: CodeSet;
  /** end a name rather than belong to it (也, 在, 说) */
  notGivenName: CodeSet;
  /** one-character words jieba glues to a name (由, 向) */
  glued: CodeSet;
  commonSurname: CodeSet;
  rareSurname: CodeSet;
  /** the first character of any surname: where a Chinese name can start */
  surnameStart: CodeSet;
  /** the first and the second characters of the compound surnames (欧阳) */
  compoundStart: CodeSet;
  compoundEnd: CodeSet;
  /** the last character of some title (会长, CEO) */
  titleEnd: CodeSet;
  /** the first character of some speech verb or doctrine (表示, 理论) */
  cueStart: CodeSet;
  /** characters that coordinate names in a list (、, 和) */
  listSeparator: CodeSet;
  /** the inline spaces (isInlineSpace) */
  inlineSpace: CodeSet;
}

export interface PersonTables {
  surnames: Map<string, SurnameKind>;
  /** the compound surnames (欧阳, 司马), asked by range: 上 and 东 open many words */
  compoundSurnames: ShortWordSet;
  /** the characters of the lists below, for tests by character code */
  chars: PersonChars;
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
  /** ordinary words that open with a surname (高管, 周末): asked by range at every candidate */
  notNames: ShortWordSet;
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
 * The character sets. Their characters must be single UTF-16 units, as every character the
 * lists hold today is: a set of code units cannot answer for the others.
 */
function personChars(
  surnames: ReadonlyMap<string, SurnameKind>,
  lists: { givenName: ReadonlySet<string>; foreignName: ReadonlySet<string>; notGivenName: ReadonlySet<string>; glued: ReadonlySet<string>; listSeparator: ReadonlySet<string> },
  cues: z.infer<typeof personCuesFile>,
  fail: (reason: string) => never,
): PersonChars {
  for (const list of Object.values(lists)) {
    for (const ch of list) if (ch.length !== 1) fail(`"${ch}" in given-names.yaml or patterns.yaml is not one UTF-16 character (those lists hold only such characters)`);
  }
  const ofKind = (kind: SurnameKind) => [...surnames].filter(([, k]) => k === kind).map(([s]) => s);
  const inlineSpace = new CodeSet();
  for (let c = 0; c < 0x10000; c++) if (isInlineSpace(String.fromCharCode(c))) inlineSpace.add(c);
  const foreignAnchor = [...lists.foreignName].filter((ch) => !lists.givenName.has(ch));
  const surnameStart = [...surnames.keys()].map((s) => s[0]!);
  const wordAfterNameStart = [...HONORIFICS, ...cues.givenNameTitles].map((w) => w[0]!);
  return {
    givenName: new CodeSet(lists.givenName),
    foreignAnchor: new CodeSet(foreignAnchor),
    landmark: new CodeSet([...surnameStart, ...foreignAnchor, ...wordAfterNameStart, ...OTHER_LANDMARKS]),
    wordAfterNameStart: new CodeSet(wordAfterNameStart),
    foreignName: new CodeSet(lists.foreignName),
    notGivenName: new CodeSet(lists.notGivenName),
    glued: new CodeSet(lists.glued),
    listSeparator: new CodeSet(lists.listSeparator),
    commonSurname: new CodeSet(ofKind('common')),
    rareSurname: new CodeSet(ofKind('rare')),
    surnameStart: new CodeSet(surnameStart),
    compoundStart: new CodeSet(ofKind('compound').map((s) => s[0]!)),
    compoundEnd: new CodeSet(ofKind('compound').map((s) => s[1]!)),
    // the code units the word tables index their words by (WordTable.startingAt, endingAt)
    titleEnd: new CodeSet(cues.titles.map((w) => w[w.length - 1]!)),
    cueStart: new CodeSet([...cues.speechVerbs, ...cues.doctrines].map((w) => w[0]!)),
    inlineSpace,
  };
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
  const listSeparators = new Set(patterns.listSeparators);
  const givenNameChars = charSet(givenNames.common);
  const foreignNameChars = charSet(givenNames.transliteration);
  return {
    surnames: map,
    compoundSurnames: new ShortWordSet(surnames.compound),
    chars: personChars(map, { givenName: givenNameChars, foreignName: foreignNameChars, notGivenName: notGivenNameChars, glued: gluedChars, listSeparator: listSeparators }, cues, fail),
    titles,
    after,
    verbs,
    personOnlyAfter,
    doctrines: wordTable(cues.doctrines),
    personalAfter: wordTable(cues.personalAfter),
    suffixTitles: wordTable(cues.suffixTitles),
    reporting: wordTable(cues.reportingVerbs),
    givenNameTitles: cues.givenNameTitles,
    notNames: new ShortWordSet(notNames.words),
    notGivenNameChars,
    gluedChars,
    listSeparators,
    placeAfter: wordTable(patterns.placeAfter),
    places: wordTable(places.places),
    organisationBefore: wordTable(patterns.organisationBefore),
    givenNameChars,
    foreignNameChars,
  };
}

/** Does a compound surname open text at i (欧阳明)? */
export function compoundSurnameAt(text: string, i: number, t: PersonTables): boolean {
  return i + 2 <= text.length && t.compoundSurnames.hasRange(text, i, i + 2);
}
