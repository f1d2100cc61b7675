/** Person rules compiled for lookup: surnames, cue words, stop words. */
import type { z } from 'zod';
import type { givenNamesFile, personPlacesFile, notNamesFile, personCuesFile, personPatternsFile, surnamesFile } from '../../rules/schemas.js';
import { WordTable } from '../../text/wordTable.js';
import { charClass, type CharClass } from '../../text/charClass.js';

export type SurnameKind = 'common' | 'rare' | 'compound';

export interface PersonTables {
  surnames: Map<string, SurnameKind>;
  /** first characters of all surnames, to jump between candidate positions */
  surnameStarts: CharClass;
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
  return {
    surnames: map,
    surnameStarts: charClass([...map.keys()].map((s) => s[0]!)),
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
    notGivenNameChars: new Set(patterns.notGivenNameChars),
    gluedChars: new Set(patterns.gluedChars),
    listSeparators: new Set(patterns.listSeparators),
    placeAfter: wordTable(patterns.placeAfter),
    places: wordTable(places.places),
    organisationBefore: wordTable(patterns.organisationBefore),
    givenNameChars: charSet(givenNames.common),
    foreignNameChars: charSet(givenNames.transliteration),
  };
}
