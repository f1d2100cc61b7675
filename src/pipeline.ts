/**
 * The pipeline, in order: convert (traditional -> simplified, offsets kept), segment
 * (jieba), extract (money, date, person, company), refine (modifiers, article currency,
 * overlaps), then map every span back to the original text, group entities and
 * (optionally) validate the result against the schema. Synchronous and free of I/O after set-up.
 */
import { createConverter, type Conversion } from './convert/index.js';
import { loadSegmenter, segmentText } from './segment/index.js';
import { loadRules, type LoadRulesOptions, type RuleSet } from './rules/index.js';
import { toMatchView } from './text/matchView.js';
import { parseRefDate, type RefDate } from './extractors/date/refDate.js';
import { extractMoney } from './extractors/money/index.js';
import { extractDates } from './extractors/date/index.js';
import { extractPeople } from './extractors/person/index.js';
import { extractCompanies } from './extractors/company/index.js';
import { applyMoneyModifiers } from './refiners/moneyModifiers.js';
import { applyArticleCurrency } from './refiners/bareYuan.js';
import { resolveOverlaps } from './refiners/overlaps.js';
import { phraseKey } from './extractors/company/phrases.js';
import { Coverage } from './text/spans.js';
import { groupEntities, type EntityInput } from './entities.js';
import { resultSchema, type CompanyMention, type DateMention, type ExtractionResult, type Mention, type MoneyMention, type Script } from './schema.js';
import type { Candidate, CompanyCandidate, PersonCandidate } from './extractors/candidate.js';
import type { DocContext } from './context.js';

export interface ExtractOptions {
  /** the article's date (YYYY, YYYY-MM or YYYY-MM-DD); deictic and partial dates resolve against it */
  refDate?: string;
  /** article id, copied to the result */
  id?: string;
  /** source path, copied to the result */
  doc?: string;
}

/** Options for library entry points, not part of extract(): normalizeDate reads one known time expression. */
export interface RunMode {
  dateExpression?: boolean;
}

export interface DetailedResult {
  result: ExtractionResult;
  conversion: Conversion;
}

export interface Pipeline {
  rules: RuleSet;
  run(original: string, options?: ExtractOptions, mode?: RunMode): DetailedResult;
  /** Several articles at once, the same results as run() on each; a failure is that article's Error. */
  runMany(articles: readonly { text: string; options?: ExtractOptions }[]): (DetailedResult | Error)[];
}

interface ConvertedDoc {
  refDate: RefDate | undefined;
  conversion: Conversion;
}

interface PreparedDoc {
  conversion: Conversion;
  ctx: DocContext;
  opts: ExtractOptions;
}

function findCandidates(ctx: DocContext, rules: RuleSet, script: Script): Candidate[] {
  const money = extractMoney(ctx, rules);
  applyMoneyModifiers(ctx, money, rules.money);
  applyArticleCurrency(money, rules.money, script, ctx.view);
  const dates = extractDates(ctx, rules);
  const found = extractPeople(ctx, rules);
  const personCoverage = new Coverage(ctx.text.length);
  for (const p of found) if (p.rule !== 'person.repeat') personCoverage.add(p);
  const companies = extractCompanies(ctx, rules, (span) => personCoverage.overlaps(span));
  const known = companies.filter((c) => c.rule === 'company.lexicon');
  const people = known.length === 0 ? found : withoutMisreadings(found, known, ctx.text.length);
  // concat, not a spread: one copy of each array with no iterator protocol
  return resolveOverlaps((money as Candidate[]).concat(dates, companies, people), ctx.text.length);
}

/**
 * A known company inside a longer "name" shows the name is a misreading (原搜狗团队); a name
 * spanning exactly a known company is left to the overlap policy.
 */
function withoutMisreadings(people: PersonCandidate[], known: readonly CompanyCandidate[], length: number): PersonCandidate[] {
  const coverage = new Coverage(length, known);
  // a span as one number (start and end below length + 1): no string per span
  const spanKey = (s: { start: number; end: number }) => s.start * (length + 1) + s.end;
  const knownSpans = new Set(known.map(spanKey));
  return people.filter((p) => !coverage.overlaps(p) || knownSpans.has(spanKey(p)));
}

/** A candidate as an output mention: original offsets and text, names, no internal fields. */
function toMention(c: Candidate, conversion: Conversion): EntityInput {
  const [start, end] = conversion.toOriginal(c.start, c.end);
  const text = conversion.original.slice(start, end);
  const { rule } = c;
  // literal objects in the schema's field order, absent fields left out: the JSON is
  // byte-stable (spreading a shared base and optional parts cost an object per part)
  switch (c.type) {
    case 'company': {
      const mention: CompanyMention = { type: 'company', start, end, text, rule, name: phraseKey(conversion.simplified.slice(c.start, c.end)) };
      return c.canonical ? { mention, canonical: c.canonical } : { mention };
    }
    case 'person':
      return { mention: { type: 'person', start, end, text, rule, name: conversion.simplified.slice(c.start, c.end) } };
    case 'money': {
      const mention = { type: 'money', start, end, text, rule } as MoneyMention;
      if (c.value !== undefined) mention.value = c.value;
      if (c.min !== undefined) mention.min = c.min;
      if (c.max !== undefined) mention.max = c.max;
      mention.currency = c.currency;
      if (c.mod !== undefined) mention.mod = c.mod;
      return { mention };
    }
    case 'date': {
      const mention: DateMention = { type: 'date', start, end, text, rule, value: c.value };
      if (c.mod !== undefined) mention.mod = c.mod;
      if (c.relative !== undefined) mention.relative = c.relative;
      if (c.resolved !== undefined) mention.resolved = c.resolved;
      return { mention };
    }
  }
}

export interface PipelineOptions extends LoadRulesOptions {
  /** parse every result with the zod schema (see ExtractorOptions.validateOutput) */
  validateOutput?: boolean;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const rules = loadRules(options);
  const convert = createConverter({ rulesDir: rules.dir });
  const ensureSegmenter = loadSegmenter(rules.userWords);
  const isLexiconPhrase = (word: string) => rules.company.lexicon.phrases.has(word);
  /** Conversion: opencc's tables. */
  const convertDoc = (original: string, opts: ExtractOptions): ConvertedDoc => ({
    refDate: opts.refDate === undefined ? undefined : parseRefDate(opts.refDate),
    conversion: convert(original),
  });
  /** Segmentation: jieba's dictionary. */
  const segmentDoc = ({ refDate, conversion }: ConvertedDoc, opts: ExtractOptions, mode: RunMode): PreparedDoc => {
    ensureSegmenter();
    const text = conversion.simplified;
    const view = toMatchView(text);
    const { words, boundary } = segmentText(view, isLexiconPhrase, rules.person.chars.glued);
    // optional fields assigned, not spread: a spread of `cond && {...}` makes an object per field
    const ctx: { -readonly [K in keyof DocContext]: DocContext[K] } = { text, view, words, boundary };
    if (refDate) ctx.refDate = refDate;
    if (mode.dateExpression) ctx.dateExpression = true;
    return { conversion, ctx, opts };
  };
  /** The rules over one prepared document, and the result. */
  const finish = ({ conversion, ctx, opts }: PreparedDoc): DetailedResult => {
    const candidates = findCandidates(ctx, rules, conversion.script);
    // one loop for both lists (pushed, not preallocated: a holey array leaves JSON.stringify's fast path)
    const inputs: EntityInput[] = [];
    const mentions: Mention[] = [];
    for (const c of candidates) {
      const input = toMention(c, conversion);
      inputs.push(input);
      mentions.push(input.mention);
    }
    // fields assigned in the schema's order (the JSON's key order), optional ones only when given
    const result = {} as ExtractionResult;
    if (opts.id !== undefined) result.id = opts.id;
    if (opts.doc !== undefined) result.doc = opts.doc;
    result.script = conversion.script;
    if (opts.refDate !== undefined) result.refDate = opts.refDate;
    result.mentions = mentions;
    result.entities = groupEntities(inputs);
    return { result: options.validateOutput ? resultSchema.parse(result) : result, conversion };
  };
  return {
    rules,
    run: (original, opts = {}, mode = {}) => finish(segmentDoc(convertDoc(original, opts), opts, mode)),
    runMany(articles) {
      // one stage at a time over the whole batch: every article converted, then every one
      // segmented, then every one extracted. Each stage's tables (opencc's tries, jieba's
      // dictionary, the rules) then stay warm in the CPU caches across articles, where
      // the stage in between would evict them
      const converted = articles.map(({ text, options: opts = {} }) => attempt(() => convertDoc(text, opts)));
      const prepared = converted.map((c, i) => (c instanceof Error ? c : attempt(() => segmentDoc(c, articles[i]!.options ?? {}, {}))));
      return prepared.map((p) => (p instanceof Error ? p : attempt(() => finish(p))));
    },
  };
}

function attempt<T>(work: () => T): T | Error {
  try {
    return work();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
