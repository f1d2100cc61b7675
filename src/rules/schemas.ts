/** zod schemas of the rule files in rules/: one per file, strict (unknown fields are errors). */
import { z } from 'zod';

const word = z.string().min(1);
/** A list of distinct items (a duplicate is an error at its line). */
const distinct = (item: z.ZodString) =>
  z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((w, i) => {
      if (seen.has(w)) ctx.addIssue({ code: 'custom', message: `duplicate entry "${w}"`, path: [i] });
      seen.add(w);
    });
  });
const wordList = distinct(word);

/**
 * Company cue words: company/cueTable.ts packs the length of the cue found at a position
 * into 4 bits per kind, so a cue word has at most 15 characters.
 */
export const MAX_COMPANY_CUE_LENGTH = 15;
const cueWords = distinct(word.max(MAX_COMPANY_CUE_LENGTH, `a cue word has at most ${MAX_COMPANY_CUE_LENGTH} characters`));

/** Company list cues: company/lists.ts marks the cues an item may hold in a 32-bit mask, a bit per cue. */
export const MAX_COMPANY_LIST_CUES = 32;

export const numeralsFile = z.strictObject({
  digits: z.record(z.string().length(1), z.number().int().min(0).max(9)),
  smallUnits: z.record(z.string().length(1), z.number().int().positive()),
  bigUnits: z.record(z.string().length(1), z.number().int().positive()),
  vague: z.record(z.string().length(1), z.tuple([z.number().int(), z.number().int()])),
  moreThan: wordList,
  point: z.string().length(1),
});

const moneyMod = z.enum(['APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_MORE', 'EQUAL_OR_LESS']);

export const currenciesFile = z.strictObject({
  genericUnits: wordList,
  genericNotFollowedBy: wordList,
  currencies: z.array(
    z.strictObject({
      code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code (three capital letters)'),
      units: wordList,
      prefixes: wordList,
      establishesYuan: z.enum(['always', 'hant']).optional(),
    }),
  ),
});

export const moneyModifiersFile = z.strictObject({
  before: z.record(word, moneyMod.nullable()),
  after: z.record(word, moneyMod.nullable()),
});

const part = z.enum(['START', 'MID', 'END', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'SP', 'SU', 'FA', 'WI']);
const dateUnit = z.enum(['day', 'week', 'month', 'quarter', 'year']);
/** a fixed-date holiday (month, day) or one on the n-th weekday of a month */
const holiday = z.union([
  z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.strictObject({ month: z.number().int().min(1).max(12), weekday: z.number().int().min(1).max(7), nth: z.number().int().min(1).max(5) }),
]);
const partRule = z.strictObject({ word, part: part.nullable(), notFollowedBy: wordList.optional() });

export const dateKeywordsFile = z.strictObject({
  /** notFollowedBy / notAfter: characters right after / before that show another word (最近的, 离…最近) */
  deictic: z.record(word, z.strictObject({
    unit: dateUnit, offset: z.number().int(), mod: z.enum(['START', 'MID', 'END']).optional(), notFollowedBy: wordList.optional(), notAfter: wordList.optional(),
    /** counted from the year the text wrote last (次年, 同年), from refDate only when there is none */
    anaphoric: z.boolean().optional(),
  })),
  gluedBefore: wordList,
  yearParts: z.array(partRule),
  monthParts: z.array(partRule),
  /** 暑假, 寒假 after a year: the months the school break takes up */
  schoolBreaks: z.record(word, z.strictObject({ month: z.number().int().min(1).max(12), monthTo: z.number().int().min(1).max(12) })),
  rangeJoiners: wordList,
  /** between the days of a list that write the month once (3月5日、6日) */
  listJoiners: wordList,
  /** right before a date: it recurs (每月15日), a set, no date */
  setMarkers: wordList,
  /** before 年 + a month: 同年9月 and 当年十月 take the year written last */
  sameYearMarks: wordList,
  /** 2020年春: a season written with one character, and the Han characters that may follow it */
  seasonChars: z.record(z.string().length(1), z.enum(['SP', 'SU', 'FA', 'WI'])),
  seasonCharFollowers: wordList,
  dayNotFollowedBy: wordList,
  weekdayPrefixes: wordList,
  /** weekday character -> ISO day (1 Monday .. 7 Sunday); null for 周末 (no single day) */
  weekdays: z.record(z.string().length(1), z.number().int().min(1).max(7).nullable()),
  weekShift: z.record(word, z.number().int()),
  notBeforeWeekday: wordList,
  relativeUnits: z.record(word, dateUnit),
  relativeDirections: z.record(word, z.union([z.literal(-1), z.literal(1)])),
  quarterEdges: z.array(partRule),
  bareDayFollowers: wordList,
  shortYearNotAfter: wordList,
  countFollowers: wordList,
  codeCues: wordList,
  numberFollowers: wordList,
  holidays: z.record(word, holiday),
  /** after a holiday inside one token (元旦假期): the holiday still ends there */
  holidayFollowers: wordList,
  centuryParts: z.array(partRule),
  centuryFollowers: wordList,
  twoYearFollowers: wordList,
  eras: z.record(word, z.number().int()),
  deicticPairs: z.record(word, z.strictObject({ unit: dateUnit, from: z.number().int(), to: z.number().int() })),
  solarTerms: z.record(word, z.strictObject({
    month: z.number().int().min(1).max(12), c: z.number(), shift: z.record(z.string(), z.number().int()).optional(), bare: z.boolean().optional(),
  })),
  lunarMarkers: wordList,
  lunarMonthWords: z.record(word, z.number().int().min(1).max(12)),
  lunarFestivals: z.record(word, z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(0).max(30), bare: z.boolean() })),
});

export const fixupsFile = z.strictObject({
  fixups: z.array(z.strictObject({ from: word, to: word, note: z.string().optional() })),
});

export const companyLexiconFile = z.strictObject({
  companies: z.array(
    z.strictObject({
      name: word,
      aliases: wordList.optional(),
      kind: word.optional(),
      ambiguous: z.boolean().optional(),
    }),
  ),
});

export const companyPatternsFile = z.strictObject({
  suffixes: z.array(
    z.strictObject({
      suffix: word,
      /** legal forms (有限公司) allow a long name before them; short-name suffixes (科技) take 2-4 characters */
      legal: z.boolean().optional(),
      /** a weak suffix (AI, 公司) counts only after a proper-noun-like word */
      weak: z.boolean().optional(),
      /** a place alone before it makes a name (北京银行, 山东航空), unlike 德国汽车 */
      afterPlace: z.boolean().optional(),
    }),
  ),
  /** words that, right before a suffix, make it generic (人工智能, 这家科技公司) */
  genericPrefixes: wordList,
  /** words that look like a name with a suffix but name a kind of firm (商业银行, 上市公司) */
  genericNames: wordList,
  /** branches and offices of a company, one mention with its name (工商银行浙江省分行) */
  branchWords: wordList,
  /** after a known company: its subsidiary or business line (中信地产, 花旗中国) */
  businessLines: z.strictObject({ industries: wordList, regions: wordList }),
  /** words a media outlet's name ends with, read before a reporter or dateline cue (时代财经记者) */
  mediaWords: wordList,
  /** words that end a full legal name on its left (具身智能企业 | 澄明科技有限公司) */
  legalNameStops: wordList,
  /** cue words that introduce a list of companies (投资方包括 A、B 和 C) */
  listCues: wordList.max(MAX_COMPANY_LIST_CUES, `at most ${MAX_COMPANY_LIST_CUES} list cues`),
  /** nouns for companies: a list after one and a cue is a list of companies (客户包括 A、B) */
  listHeads: wordList,
  /** words near an `ambiguous` lexicon entry that show it names the company */
  businessContext: wordList,
  /** a name followed by these belongs to something else (搜狐大厦, 百度云业务) */
  notFollowedBy: wordList,
  /** what a full legal name may drop when it is repeated short */
  shortForms: z.strictObject({ regions: wordList, industries: wordList }),
  /** context words that only a company or a media outlet takes */
  cues: z.strictObject({
    after: cueWords,
    /** time words and adverbs that may stand between a name and its after-cue (某某近日宣布) */
    gap: wordList,
    /** after-cues that may follow the name with 的 (某某的董事长) */
    afterOf: cueWords,
    /** market cues (odds, auctions): the name may be an unknown word or lower-case Latin (某某初赔) */
    market: cueWords,
    /** words after a two-character bank short name ending in 行 (某行信用卡, 某行副行长) */
    bankAfter: cueWords,
    source: z.strictObject({ before: cueWords, after: cueWords }),
    object: z.strictObject({ before: cueWords, after: cueWords }),
  }),
});

export const productsFile = z.strictObject({ products: wordList });
export const notCompaniesFile = z.strictObject({ suffixes: wordList, names: wordList });

export const surnamesFile = z.strictObject({ common: wordList, rare: wordList, compound: wordList });
export const personCuesFile = z.strictObject({
  titles: wordList, suffixTitles: wordList, doctrines: wordList, givenNameTitles: wordList, personalAfter: wordList, reportingVerbs: wordList, speechVerbs: wordList,
});
export const personPatternsFile = z.strictObject({
  /** characters that end a name rather than belong to it (张鹏也曾 -> 张鹏) */
  notGivenNameChars: z.string().min(1),
  /** one-character words jieba's HMM glues to a name (由王/小川, 张维向) */
  gluedChars: z.string().min(1),
  /** list separators that coordinate names (孙茂松、唐杰、刘知远) */
  listSeparators: wordList,
  /** words that make the word before them a place or facility (张江科学城, 黎塞留大街) */
  placeAfter: wordList,
  /** words after which a name-like word is a company or a team (开发商 X, 控股 X) */
  organisationBefore: wordList,
});
export const notNamesFile = z.strictObject({ words: wordList });
/** foreign places that look like names (莫斯科, 科威特) */
export const personPlacesFile = z.strictObject({ places: wordList });
/** characters of given names and of transliterated foreign names (whitespace ignored) */
export const givenNamesFile = z.strictObject({ common: z.string().min(1), transliteration: z.string().min(1) });
