/**
 * The whole rule set, loaded once from a rules folder (the bundled one by default):
 * every file validated, then compiled into lookup tables for the extractors.
 */
import path from 'node:path';
import { loadRuleFile, RuleFileError, BUNDLED_RULES_DIR } from './load.js';
import * as schemas from './schemas.js';
import { compileNumerals, type NumeralTables } from '../numeral/index.js';
import { compileMoneyTables, type MoneyTables } from '../extractors/money/tables.js';
import { compileDateTables, type DateTables } from '../extractors/date/tables.js';
import { compileCompanyTables, type CompanyTables } from '../extractors/company/tables.js';
import { compilePersonTables, type PersonTables } from '../extractors/person/tables.js';
import type { UserWord } from '../segment/index.js';

export interface RuleSet {
  dir: string;
  numerals: NumeralTables;
  money: MoneyTables;
  dates: DateTables;
  company: CompanyTables;
  person: PersonTables;
  /** words jieba must keep whole, generated from the rules */
  userWords: UserWord[];
}

export interface LoadRulesOptions {
  /** folder holding the rule files; defaults to the bundled rules/ */
  rulesDir?: string;
  /** false: ignore the known-company lexicon (to measure the rules alone) */
  useLexicon?: boolean;
}

/** A compile step's error, naming the file whose content is contradictory. */
const failIn = (dir: string, file: string) => (reason: string): never => {
  throw new RuleFileError(path.join(dir, file), undefined, reason);
};

export function loadRules(options: LoadRulesOptions = {}): RuleSet {
  const dir = path.resolve(options.rulesDir ?? BUNDLED_RULES_DIR);
  const load = <S extends Parameters<typeof loadRuleFile>[2]>(file: string, schema: S) => loadRuleFile(dir, file, schema);

  const numerals = compileNumerals(load('numeral/numerals.yaml', schemas.numeralsFile));
  const currencies = load('money/currencies.yaml', schemas.currenciesFile);
  const money = compileMoneyTables(currencies, load('money/modifiers.yaml', schemas.moneyModifiersFile), failIn(dir, 'money/currencies.yaml'));
  const dates = compileDateTables(load('date/keywords.yaml', schemas.dateKeywordsFile), failIn(dir, 'date/keywords.yaml'));
  const lexicon = load('company/lexicon.yaml', schemas.companyLexiconFile);
  const products = load('company/products.yaml', schemas.productsFile);
  const patterns = load('company/patterns.yaml', schemas.companyPatternsFile);
  const company = compileCompanyTables(
    lexicon, patterns, products, load('company/not-companies.yaml', schemas.notCompaniesFile),
    { useLexicon: options.useLexicon ?? true }, failIn(dir, 'company/lexicon.yaml'),
  );
  const cues = load('person/cues.yaml', schemas.personCuesFile);
  const person = compilePersonTables(
    load('person/surnames.yaml', schemas.surnamesFile), cues,
    load('person/patterns.yaml', schemas.personPatternsFile),
    load('person/not-names.yaml', schemas.notNamesFile), load('person/given-names.yaml', schemas.givenNamesFile),
    load('person/places.yaml', schemas.personPlacesFile),
    failIn(dir, 'person/surnames.yaml'),
  );

  // the segmenter keeps names, products, cue words and units whole
  const userWords: UserWord[] = [
    ...(options.useLexicon ?? true ? lexicon.companies.flatMap((c) => [c.name, ...(c.aliases ?? [])]).map((word) => ({ word, tag: 'nt' })) : []),
    ...products.products.map((word) => ({ word, tag: 'nz' })),
    ...[...cues.titles, ...cues.suffixTitles].map((word) => ({ word, tag: 'n' })),
    ...cues.speechVerbs.filter((w) => w.length > 1).map((word) => ({ word, tag: 'v' })),
    ...patterns.suffixes.filter((s) => s.suffix.length > 1).map((s) => ({ word: s.suffix, tag: 'n' })),
    ...currencies.currencies.flatMap((c) => c.units).filter((w) => w.length > 1).map((word) => ({ word, tag: 'q' })),
  ];
  return { dir, numerals, money, dates, company, person, userWords };
}
