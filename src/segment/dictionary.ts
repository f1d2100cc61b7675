/**
 * Common words from jieba's own dictionary (word, frequency, part of speech): a verb,
 * numeral, adverb or time word used often (没有, 进入, 第一, 去年) cannot begin or end a
 * company name (没有智能, 进入 AI), while a rare one can (澄明科技: 澄明 is a verb seen
 * 18 times). Read once per process, keeping only the common words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DICT = (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;

// function and event words: common from a few hundred uses on
const FUNCTION_TAGS = /^(v|vn|vd|vi|vl|vg|m|mq|q|d|dg|r|rr|rz|p|c|u.*|f|t|tg|a|ad|an|ag|z|y|e|o|l|b)$/;
const FUNCTION_MIN = 300;
// ordinary nouns (信息, 市场) need to be much more frequent to rule a name out
const NOUN_TAGS = /^(n|ng|vn)$/;
const NOUN_MIN = 1000;

let common: Set<string> | undefined;

function load(): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(DICT, 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (!word || !freq || !tag) continue;
    const f = Number(freq);
    if ((FUNCTION_TAGS.test(tag) && f >= FUNCTION_MIN) || (NOUN_TAGS.test(tag) && f >= NOUN_MIN)) words.add(word);
  }
  return words;
}

/** Is `word` a common non-name word of jieba's dictionary? */
export function isCommonWord(word: string): boolean {
  common ??= load();
  return common.has(word);
}
