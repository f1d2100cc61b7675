/**
 * zh-news-extract: companies, people, money amounts and dates from Chinese news,
 * with offsets into the original text and normalised values.
 *
 * @example
 * import { createExtractor } from 'zh-news-extract';
 * const extractor = createExtractor();
 * const result = extractor.extract('百川智能完成 3 亿美元融资。', { refDate: '2024-04' });
 */
import { createPipeline, type ExtractOptions } from './pipeline.js';
import type { LoadRulesOptions } from './rules/index.js';
import type { DateMention, ExtractionResult } from './schema.js';

export interface ExtractorOptions extends LoadRulesOptions {
  /**
   * Check every result against the zod schema before returning it (throws on a
   * mismatch). Off by default: the pipeline builds results of that shape, and the
   * tests check every output they see; turn it on when changing rules or code.
   */
  validateOutput?: boolean;
}
export type { ExtractOptions } from './pipeline.js';

export interface Extractor {
  /** Extract every mention of one article. Throws only on a bad option (an invalid refDate). */
  extract(text: string, options?: ExtractOptions): ExtractionResult;
  /**
   * Several articles at once: the same results as extract() on each, an Error in the
   * place of an article that fails (a bad refDate). Faster on batches: every article
   * is segmented before any is extracted, which keeps jieba's dictionary in the CPU caches.
   */
  extractMany(articles: readonly { text: string; options?: ExtractOptions }[]): (ExtractionResult | Error)[];
  /** The same, plus the simplified text the rules read (for display and debugging). */
  extractWithText(text: string, options?: ExtractOptions): { result: ExtractionResult; simplified: string };
  /**
   * Normalise a string already known to be one time expression (a form field, a
   * table cell, another tagger's span): the date grammar of extract(), with the
   * running-text guards relaxed, so bare forms that are usually numbers in prose
   * (2018, 09-01, 24年, 2008.03) read as dates. Returns the date mention when the
   * expression holds exactly one, else null.
   */
  normalizeDate(expression: string, options?: Pick<ExtractOptions, 'refDate'>): DateMention | null;
}

/**
 * Load the rules (validated; a bad rule file throws RuleFileError with file and line)
 * and the segmenter once; reuse the extractor for every article.
 */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const pipeline = createPipeline(options);
  return {
    extract: (text, opts) => pipeline.run(text, opts).result,
    extractMany: (articles) => pipeline.runMany(articles).map((r) => (r instanceof Error ? r : r.result)),
    extractWithText: (text, opts) => {
      const { result, conversion } = pipeline.run(text, opts);
      return { result, simplified: conversion.simplified };
    },
    normalizeDate: (expression, opts) => {
      const { result } = pipeline.run(expression, { ...(opts?.refDate !== undefined && { refDate: opts.refDate }) }, { dateExpression: true });
      const dates = result.mentions.filter((m): m is DateMention => m.type === 'date');
      return dates.length === 1 ? dates[0]! : null;
    },
  };
}

let shared: Extractor | undefined;

/** One-off convenience: extract with the bundled rules (loaded on first call). */
export function extract(text: string, options?: ExtractOptions & ExtractorOptions): ExtractionResult {
  const { rulesDir, useLexicon, validateOutput, ...opts } = options ?? {};
  if (rulesDir !== undefined || useLexicon !== undefined || validateOutput !== undefined) return createExtractor({ rulesDir, useLexicon, validateOutput }).extract(text, opts);
  shared ??= createExtractor();
  return shared.extract(text, opts);
}

/** One-off convenience: normalise one known time expression with the bundled rules (see Extractor.normalizeDate). */
export function normalizeDate(expression: string, refDate?: string): DateMention | null {
  shared ??= createExtractor();
  return shared.normalizeDate(expression, refDate === undefined ? {} : { refDate });
}

export {
  resultSchema, mentionSchema, entitySchema, resultJsonSchema, MENTION_TYPES,
  type ExtractionResult, type Mention, type Entity, type MentionType, type Script,
  type CompanyMention, type PersonMention, type MoneyMention, type DateMention, type MoneyMod, type DateMod,
} from './schema.js';
export { RuleFileError } from './rules/load.js';
export { DecodeError, decode, decodeFile, type Decoded, type Encoding } from './decode/index.js';
