/**
 * Peer for company and person: nodejieba's part-of-speech tagger with its
 * default dictionary (nr -> person, nt -> company), adjacent tokens that map to
 * the same type merged into one mention. jieba's dictionary is process-global,
 * and our own extractor loads it with a user dictionary: this peer must run
 * before any extractor of ours is created (quality.ts runs every peer first).
 */
import { createRequire } from 'node:module';
import type { Input, Pred } from './types.js';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba') as {
  load(options?: Record<string, string>): unknown;
  tag(text: string): { word: string; tag: string }[];
};

/**
 * nr (person name) and nt (organisation) only. jieba's nrt ("transliterated name")
 * is left out: its dictionary gives it to companies too (阿里巴巴 is nrt).
 */
const typeOfTag = (tag: string): 'person' | 'company' | undefined =>
  tag === 'nr' ? 'person' : tag === 'nt' ? 'company' : undefined;

let loaded = false;

export function jiebaEntities(input: Input): Pred[] {
  if (!loaded) {
    jieba.load(); // the default dictionaries only
    loaded = true;
  }
  const out: Pred[] = [];
  let offset = 0;
  let prev: Pred | undefined;
  for (const { word, tag } of jieba.tag(input.text)) {
    const at = input.text.indexOf(word, offset);
    const start = at < 0 ? offset : at;
    const end = start + word.length;
    offset = end;
    const type = typeOfTag(tag);
    if (type && prev && prev.type === type && prev.end === start) {
      prev.end = end;
      prev.text = input.text.slice(prev.start, end);
      prev.name = prev.text;
      prev.rule = `jieba.${type === 'person' ? 'nr' : 'nt'}+`;
    } else if (type) {
      prev = { type, start, end, text: word, name: word, rule: `jieba.${tag}` };
      out.push(prev);
    } else prev = undefined;
  }
  return out;
}
