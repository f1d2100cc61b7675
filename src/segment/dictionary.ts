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

interface CommonWords {
  words: Set<string>;
  /**
   * A Bloom filter over the words (2^17 bits, 16 KB, two bits per word: about 3% false
   * positives at 10 000 words). After jieba has run, a lookup in the Set misses the cache
   * several times, while these bits mostly stay cached; most strings asked about are no
   * common word, and the filter alone says so.
   */
  filter: Uint32Array;
}

let common: CommonWords | undefined;

const FILTER_BITS = 1 << 17;

/** two bit positions of a word: FNV-1a over its UTF-16 code units, and a remix of it */
function filterBits(word: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return [(h >>> 0) & (FILTER_BITS - 1), Math.imul(h, 0x9e3779b1) >>> (32 - 17)];
}

function load(): CommonWords {
  const words = new Set<string>();
  const filter = new Uint32Array(FILTER_BITS / 32);
  for (const line of readFileSync(DICT, 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (!word || !freq || !tag) continue;
    const f = Number(freq);
    if ((FUNCTION_TAGS.test(tag) && f >= FUNCTION_MIN) || (NOUN_TAGS.test(tag) && f >= NOUN_MIN)) {
      words.add(word);
      for (const bit of filterBits(word)) filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  return { words, filter };
}

/** Is `word` a common non-name word of jieba's dictionary? */
export function isCommonWord(word: string): boolean {
  const { words, filter } = (common ??= load());
  const [a, b] = filterBits(word);
  if (!(filter[a >>> 5]! & (1 << (a & 31))) || !(filter[b >>> 5]! & (1 << (b & 31)))) return false;
  return words.has(word);
}
