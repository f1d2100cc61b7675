/**
 * Common words from jieba's own dictionary (word, frequency, part of speech): a verb,
 * numeral, adverb or time word used often (没有, 进入, 第一, 去年) cannot begin or end a
 * company name (没有智能, 进入 AI), while a rare one can (澄明科技: 澄明 is a verb seen
 * 18 times). Read once per process, keeping only the common words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StringFilter, hashRange } from '../text/stringFilter.js';

const require = createRequire(import.meta.url);
const DICT = (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;

// function and event words: common from a few hundred uses on
const FUNCTION_TAGS = /^(v|vn|vd|vi|vl|vg|m|mq|q|d|dg|r|rr|rz|p|c|u.*|f|t|tg|a|ad|an|ag|z|y|e|o|l|b)$/;
const FUNCTION_MIN = 300;
// ordinary nouns (信息, 市场) need to be much more frequent to rule a name out
const NOUN_TAGS = /^(n|ng|vn)$/;
const NOUN_MIN = 1000;

interface CommonWords {
  words: Set<string>;
  /**
   * In front of the Set: after jieba has run, a lookup in the Set misses the cache several
   * times, while the filter's bits mostly stay cached; most strings asked about are no
   * common word, and the filter alone says so.
   */
  filter: StringFilter;
}

let common: CommonWords | undefined;

function load(): CommonWords {
  const words = new Set<string>();
  const filter = new StringFilter();
  for (const line of readFileSync(DICT, 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (!word || !freq || !tag) continue;
    const f = Number(freq);
    if ((FUNCTION_TAGS.test(tag) && f >= FUNCTION_MIN) || (NOUN_TAGS.test(tag) && f >= NOUN_MIN)) {
      words.add(word);
      filter.add(word);
    }
  }
  return { words, filter };
}

/** Is `word` a common non-name word of jieba's dictionary? */
export function isCommonWord(word: string): boolean {
  const { words, filter } = (common ??= load());
  return filter.mayHave(word) && words.has(word);
}

/**
 * isCommonWord(text.slice(from, to)), with the slice made only when the filter lets the
 * range through: hot loops ask about ranges of the article that are mostly no common word.
 */
export function isCommonWordAt(text: string, from: number, to: number): boolean {
  const { words, filter } = (common ??= load());
  return filter.mayHaveHash(hashRange(text, from, to)) && words.has(text.slice(from, to));
}
