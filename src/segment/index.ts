/**
 * Segmentation with nodejieba (cppjieba). The dictionary is process-global native
 * state, loaded once (about 0.8 s, +240 MB) with a user dictionary generated from
 * our rule files so that company names, cue words and units are not split.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeSet } from '../text/codeSet.js';

const require = createRequire(import.meta.url);
// nodejieba is CommonJS with a native binding
const jieba = require('nodejieba') as {
  load(options: { userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
};

export interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Tokens are made by this constructor, never as object literals: a literal's allocation
 * site lets V8 decide to "pretenure" it (allocate straight in the old generation) once a
 * batch's tokens have survived a collection, and then every token costs a write barrier
 * and the old generation fills up with short-lived tokens, each one in the remembered set
 * of the young strings it points to. One constructor also gives every token one shape.
 */
class JiebaToken implements Token {
  // declared, not class fields: fields would be defined as undefined first, then assigned
  declare word: string;
  declare start: number;
  declare end: number;
  constructor(word: string, start: number, end: number) {
    this.word = word;
    this.start = start;
    this.end = end;
  }
}

/** One user dictionary line: a word that must stay whole, with its part of speech. */
export interface UserWord {
  word: string;
  /** jieba tag: nt organisation, nr person, nz other proper noun, n, v, q ... */
  tag: string;
}

let loadedHash: string | undefined;
const tagCache = new Map<string, string>();

/** Write `content` to a content-addressed file in our temp folder (atomically, once) and return its path. */
function writeDictFile(name: string, content: string): { file: string; hash: string } {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const dir = path.join(tmpdir(), 'zh-news-extract');
  const file = path.join(dir, `${name}-${hash}.utf8`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, content);
    renameSync(partial, file);
  }
  return { file, hash };
}

/** Write the user dictionary and return its path. */
function writeUserDict(words: readonly UserWord[]): { file: string; hash: string } {
  // jieba's user dictionary is "word tag" per line; words with spaces cannot be expressed
  const lines = [...new Map(words.filter((w) => !/\s/.test(w.word)).map((w) => [w.word, `${w.word} ${w.tag}`])).values()];
  return writeDictFile('userdict', `${lines.join('\n')}\n`);
}

/**
 * jieba also loads the IDF table and stop words of its keyword extractor, which we never
 * call: one-line stand-ins save about 18 MB and some load time per thread.
 */
const unusedKeywordTables = () => ({
  idfDict: writeDictFile('unused-idf', '的 1.0\n').file,
  stopWordDict: writeDictFile('unused-stopwords', '的\n').file,
});

/**
 * Load jieba with our user dictionary; a no-op when the same dictionary is loaded.
 * Returns a function that reloads it if another rule set loaded its own meanwhile
 * (jieba's dictionary is one per process), to call before segmenting.
 */
export function loadSegmenter(words: readonly UserWord[]): () => void {
  const { file, hash } = writeUserDict(words);
  const ensure = () => {
    if (loadedHash === hash) return;
    jieba.load({ userDict: file, ...unusedKeywordTables() });
    loadedHash = hash;
    tagCache.clear();
  };
  ensure();
  return ensure;
}

// jieba is given at most this many characters at a time, cut after punctuation or a line
// break: its cost then grows linearly with the article, however long or odd the text
const CHUNK = 4000;
const CHUNK_ENDS = new Set([...'。！？!?；;\n']);

/** Where the chunk starting at `from` ends: after the last sentence end in its second half. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK) return text.length;
  // a backward look over a fixed window: never past the chunk, so linear overall
  for (let i = from + CHUNK - 1; i >= from + CHUNK / 2; i--) if (CHUNK_ENDS.has(text[i]!)) return i + 1;
  // no sentence end: cut anywhere but inside a surrogate pair
  const cut = from + CHUNK;
  return /[\uDC00-\uDFFF]/.test(text[cut] ?? '') ? cut + 1 : cut;
}

/** jieba's words for `text`, cut in chunks; they concatenate back to the input exactly. */
function cutWords(text: string): string[] {
  if (text.length === 0) return [];
  if (text.length <= CHUNK) return jieba.cut(text, true);
  const chunks: string[][] = [];
  for (let from = 0; from < text.length; ) {
    const end = chunkEnd(text, from);
    chunks.push(jieba.cut(text.slice(from, end), true));
    from = end;
  }
  return chunks.flat();
}

/** Tokens with offsets; jieba's tokens concatenate back to the input exactly. */
export function segment(text: string): Token[] {
  return segmentText(text, () => false, NO_GLUE).tokens;
}
const NO_GLUE = new CodeSet();

/** An article's tokens, their words (tokens[k].word) and token boundaries (see tokenBoundaries). */
export interface Segmentation {
  tokens: Token[];
  words: readonly string[];
  boundary: Uint8Array;
}

/**
 * segment(text) with glued tokens split (splitGlued), its words and boundaries, in one
 * pass over jieba's words: about 400 tokens per article, so one loop and no array or
 * closure per step matter. jieba's own array serves as the words.
 */
export function segmentText(text: string, known: (word: string) => boolean, glue: CodeSet): Segmentation {
  const words = cutWords(text);
  const n = words.length;
  // sized once and filled in order (holey only in name: every slot is written below)
  const tokens = new Array<Token>(n);
  const boundary = new Uint8Array(text.length + 1);
  boundary[0] = 1;
  let offset = 0;
  let mayGlue = false;
  for (let k = 0; k < n; k++) {
    const word = words[k]!;
    const start = offset;
    offset += word.length;
    tokens[k] = new JiebaToken(word, start, offset);
    boundary[offset] = 1;
    // splitGlued's own first test, so that it runs only on the few articles it can change
    if (word.length >= 3 && (glue.has(word.charCodeAt(0)) || glue.has(word.charCodeAt(word.length - 1)))) mayGlue = true;
  }
  if (offset !== text.length) throw new Error(`segmenter lost text: ${offset} of ${text.length} characters`);
  if (mayGlue) {
    const split = splitGlued(tokens, known, glue);
    if (split !== tokens) return { tokens: split, words: split.map((t) => t.word), boundary: tokenBoundaries(split, text.length) };
  }
  return { tokens, words, boundary };
}

/**
 * Part of speech of one word as jieba's dictionary knows it ('x' when unknown, which
 * for a Han word found by the HMM usually means a name). Tagging single words on demand
 * is much cheaper than tagging the whole article.
 */
export function tagOf(word: string): string {
  let tag = tagCache.get(word);
  if (tag === undefined) {
    const tagged = jieba.tag(word);
    tag = tagged.length === 1 ? tagged[0]!.tag : 'x';
    if (tagCache.size > 50_000) tagCache.clear();
    tagCache.set(word, tag);
  }
  return tag;
}

/** boundary[i] = 1 when a token starts or ends at i (length text.length + 1). */
export function tokenBoundaries(tokens: readonly Token[], length: number): Uint8Array {
  const boundary = new Uint8Array(length + 1);
  boundary[0] = 1;
  for (const t of tokens) boundary[t.end] = 1;
  return boundary;
}

/** The start of the token holding the character at i (0 for i <= 0), read off `boundary`. */
export function tokenStartAt(boundary: Uint8Array, i: number): number {
  while (i > 0 && boundary[i] !== 1) i--;
  return Math.max(i, 0);
}

/** The end of the token holding the character at i: the first boundary after i. */
export function tokenEndAfter(boundary: Uint8Array, i: number): number {
  i++;
  while (i < boundary.length - 1 && boundary[i] !== 1) i++;
  return i;
}

/**
 * jieba's HMM sometimes glues a one-character word to a known name (从华为/离职,
 * 华为将): split such a token so the name stands alone. `known` says whether a word is
 * a name we must keep whole (the company lexicon); `glue` holds the characters that glue.
 */
export function splitGlued(tokens: Token[], known: (word: string) => boolean, glue: CodeSet): Token[] {
  // most articles have none: the array is copied only from the first split on, and a
  // token is sliced only when a glue character opens or closes it
  let out: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const w = t.word;
    let split: Token[] | null = null;
    if (w.length >= 3) {
      if (glue.has(w.charCodeAt(0)) && known(w.slice(1))) {
        split = [new JiebaToken(w[0]!, t.start, t.start + 1), new JiebaToken(w.slice(1), t.start + 1, t.end)];
      } else if (glue.has(w.charCodeAt(w.length - 1)) && known(w.slice(0, -1))) {
        split = [new JiebaToken(w.slice(0, -1), t.start, t.end - 1), new JiebaToken(w[w.length - 1]!, t.end - 1, t.end)];
      }
    }
    if (split) (out ??= tokens.slice(0, k)).push(...split);
    else out?.push(t);
  }
  return out ?? tokens;
}
