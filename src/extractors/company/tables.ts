/** Company rules compiled for lookup: lexicon, suffixes, stop lists. */
import type { z } from 'zod';
import type { companyLexiconFile, companyPatternsFile, notCompaniesFile, productsFile } from '../../rules/schemas.js';
import { phraseIndex, phraseKey, type PhraseIndex } from './phrases.js';
import { WordTable } from '../../text/wordTable.js';
import { CodeSet, codeSetOf } from '../../text/codeSet.js';
import { FilteredSet } from '../../text/stringFilter.js';
import { BRANCH, CUE, LATIN, LIST_MARK, OFFICE, PATTERN_CUE, PHRASE, SUFFIX, tokenClassTable, type TokenClasses } from './landmarks.js';
import { PATTERN_CUE_FIRST } from './cues.js';
import { LIST_MARK_STARTS } from './lists.js';
import { OFFICE_WORD_STARTS } from './branches.js';
import { AFTER, AFTER_OF, BANK_AFTER, CueTable, MARKET, MAX_CUE_LENGTH, OBJECT_AFTER, OBJECT_BEFORE, SOURCE_AFTER, SOURCE_BEFORE } from './cueTable.js';

const ASCII_LETTERS = new CodeSet([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz']);

export interface LexiconEntry {
  canonical: string;
  ambiguous: boolean;
}

export interface CompanyTables {
  /** phrase key of every name and alias -> its entry (empty with --no-lexicon) */
  lexicon: PhraseIndex<LexiconEntry>;
  suffixes: Map<string, { legal: boolean; weak: boolean; afterPlace: boolean }>;
  /** the legal forms among them (有限公司, GmbH), in the rules' order */
  legalSuffixes: readonly string[];
  /** the Han suffixes by their last character, longest first (a name word ending in one: 交通银行) */
  hanSuffixesByLast: ReadonlyMap<number, readonly string[]>;
  /** last characters of the suffixes (all of them, so the Han ones too): most words are ruled out on one bit test */
  hanSuffixEnds: CodeSet;
  genericPrefixes: FilteredSet;
  legalNameStops: ReadonlySet<string>;
  listCues: readonly string[];
  /** nouns for companies that make the list after them a list of companies (客户包括) */
  listHeads: readonly string[];
  /** words a media outlet's name ends with (财经, 日报, 周刊) */
  mediaWords: readonly string[];
  /** words naming a branch or office of a company (分行, 分公司) */
  branchWords: ReadonlySet<string>;
  /** words after a known company that name its subsidiary or business line (地产, 中国) */
  businessLines: { industries: readonly string[]; regions: readonly string[] };
  /** first characters of the business-line words */
  businessLineStarts: CodeSet;
  /** words that give an ambiguous lexicon name (苹果) its business sense, found at each position of a window */
  businessContext: WordTable<true>;
  /** words after a name that make it part of a longer non-company name (大厦, 指数): looked up where the name ends */
  notFollowedBy: WordTable<true>;
  /** (behind a filter, as the other lists looked up for every candidate: most strings asked about are none) */
  products: FilteredSet;
  /** endings of non-company names (大学, 研究所, 政府): looked up by their last character */
  notCompanySuffixes: WordTable<true>;
  notCompanyNames: FilteredSet;
  /** both, for the test every candidate takes (one filter probe instead of two) */
  productsAndNotCompanies: FilteredSet;
  shortForms: { regions: readonly string[]; industries: readonly string[] };
  /** countries, regions and cities (the short-form regions) */
  places: ReadonlySet<string>;
  /** their first characters: most positions are ruled out on one bit test */
  placeStarts: CodeSet;
  /** the last characters of the short-form industries (科技 of 驰电科技) */
  industryEnds: CodeSet;
  /** first characters of the list cues */
  listCueStarts: CodeSet;
  /** first character of a list cue -> the cues opening with it (a bit per index in listCues) */
  listCuesByFirst: ReadonlyMap<number, number>;
  /** first character -> the landmark classes (landmarks.ts) a token opening with it belongs to */
  tokenClasses: TokenClasses;
  cues: {
    /** every cue list (after, afterOf, market, bankAfter, source and object openers and closers) by kind */
    table: CueTable;
    gap: ReadonlySet<string>;
  };
}

const table = (words: readonly string[]) => {
  const t = new WordTable<true>();
  for (const w of words) t.set(w, true);
  return t;
};

function cueTable(cues: z.infer<typeof companyPatternsFile>['cues'], fail: (reason: string) => never): CueTable {
  const table = new CueTable();
  const lists: [number, readonly string[]][] = [
    [AFTER, cues.after], [AFTER_OF, cues.afterOf], [MARKET, cues.market], [BANK_AFTER, cues.bankAfter],
    [SOURCE_BEFORE, cues.source.before], [SOURCE_AFTER, cues.source.after], [OBJECT_BEFORE, cues.object.before], [OBJECT_AFTER, cues.object.after],
  ];
  for (const [kind, words] of lists) {
    for (const word of words) if (!table.add(word, kind)) fail(`company/patterns.yaml: the cue "${word}" is longer than ${MAX_CUE_LENGTH} characters`);
  }
  return table;
}

/** The words grouped by their last code unit, each group in the words' order. */
function byLastCharacter(words: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    groups.set(last, [...(groups.get(last) ?? []), w]);
  }
  return groups;
}

/** (a bit per cue in a 32-bit mask: the rule schema allows at most MAX_COMPANY_LIST_CUES) */
function listCuesByFirst(listCues: readonly string[]): Map<number, number> {
  const byFirst = new Map<number, number>();
  listCues.forEach((cue, j) => byFirst.set(cue.charCodeAt(0), (byFirst.get(cue.charCodeAt(0)) ?? 0) | (1 << j)));
  return byFirst;
}

export function compileCompanyTables(
  lexicon: z.infer<typeof companyLexiconFile>,
  patterns: z.infer<typeof companyPatternsFile>,
  products: z.infer<typeof productsFile>,
  notCompanies: z.infer<typeof notCompaniesFile>,
  options: { useLexicon: boolean },
  fail: (reason: string) => never,
): CompanyTables {
  const map = new Map<string, LexiconEntry>();
  const productKeys = new Set(products.products.map(phraseKey));
  const notCompanyKeys = new Set(notCompanies.names.map(phraseKey));
  for (const entry of lexicon.companies) {
    for (const surface of [entry.name, ...(entry.aliases ?? [])]) {
      const key = phraseKey(surface);
      const other = map.get(key);
      if (other && other.canonical !== entry.name) fail(`"${surface}" is listed for both ${other.canonical} and ${entry.name}`);
      if (productKeys.has(key)) fail(`"${surface}" is both a company (${entry.name}) and a product`);
      if (notCompanyKeys.has(key)) fail(`"${surface}" is both a company (${entry.name}) and listed in not-companies.yaml`);
      map.set(key, { canonical: entry.name, ambiguous: entry.ambiguous ?? false });
    }
  }
  const notCompanyNameKeys = [...notCompanies.names, ...patterns.genericNames].map(phraseKey);
  const lexiconIndex = phraseIndex(options.useLexicon ? map : new Map<string, LexiconEntry>());
  const suffixStarts = codeSetOf(patterns.suffixes.map((s) => s.suffix));
  const branchStarts = codeSetOf([...patterns.branchWords, '公司']);
  const cueStarts = codeSetOf([...patterns.cues.after, ...patterns.cues.afterOf, ...patterns.cues.market, ...patterns.cues.source.before, ...patterns.cues.object.before]);
  const listCues = [...patterns.listCues].sort((a, b) => b.length - a.length);
  const suffixes = new Map(patterns.suffixes.map((s) => [s.suffix, { legal: s.legal ?? false, weak: s.weak ?? false, afterPlace: s.afterPlace ?? false }]));
  return {
    lexicon: lexiconIndex,
    suffixes,
    legalSuffixes: [...suffixes].filter(([, { legal }]) => legal).map(([suffix]) => suffix),
    hanSuffixesByLast: byLastCharacter(patterns.suffixes.map((s) => s.suffix).filter((s) => /^[\u4e00-\u9fff]+$/.test(s)).sort((a, b) => b.length - a.length)),
    hanSuffixEnds: codeSetOf(patterns.suffixes.map((s) => s.suffix), 'last'),
    genericPrefixes: new FilteredSet(patterns.genericPrefixes),
    legalNameStops: new Set(patterns.legalNameStops),
    branchWords: new Set(patterns.branchWords),
    businessLines: patterns.businessLines,
    businessLineStarts: codeSetOf([...patterns.businessLines.industries, ...patterns.businessLines.regions]),
    listHeads: patterns.listHeads,
    mediaWords: patterns.mediaWords,
    listCues,
    businessContext: table(patterns.businessContext),
    notFollowedBy: table(patterns.notFollowedBy),
    products: new FilteredSet(productKeys),
    notCompanySuffixes: table(notCompanies.suffixes),
    // a generic name (商业银行) is rejected like a non-company organisation
    notCompanyNames: new FilteredSet(notCompanyNameKeys),
    productsAndNotCompanies: new FilteredSet([...productKeys, ...notCompanyNameKeys]),
    shortForms: patterns.shortForms,
    places: new Set(patterns.shortForms.regions),
    placeStarts: codeSetOf(patterns.shortForms.regions),
    industryEnds: codeSetOf(patterns.shortForms.industries, 'last'),
    listCueStarts: codeSetOf(patterns.listCues),
    listCuesByFirst: listCuesByFirst(listCues),
    cues: {
      table: cueTable(patterns.cues, fail),
      gap: new Set(patterns.cues.gap),
    },
    tokenClasses: tokenClassTable([
      { bit: PHRASE, set: lexiconIndex.firstChars },
      { bit: SUFFIX, set: suffixStarts },
      { bit: CUE, set: cueStarts },
      { bit: PATTERN_CUE, set: PATTERN_CUE_FIRST },
      { bit: LIST_MARK, set: LIST_MARK_STARTS },
      { bit: OFFICE, set: OFFICE_WORD_STARTS },
      { bit: LATIN, set: ASCII_LETTERS },
      { bit: BRANCH, set: branchStarts },
    ]),
  };
}
