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
import type { CodeSet } from '../text/codeSet.js';

const require = createRequire(import.meta.url);
// nodejieba is CommonJS with a native binding
const jieba = require('nodejieba') as {
  load(options: { userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
};

/** A jieba word with its offsets (segment()); the pipeline itself reads words and boundaries only. */
export interface Token {
  word: string;
  start: number;
  end: number;
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
  const tokens: Token[] = [];
  let start = 0;
  for (const word of cutWords(text)) {
    tokens.push({ word, start, end: start + word.length });
    start += word.length;
  }
  return tokens;
}

/** An article's words (jieba's, glued ones split: see splitGlued) and token boundaries. */
export interface Segmentation {
  /** the words in order; they concatenate back to the text */
  words: readonly string[];
  /** boundary[i] = 1 where a word starts or ends (length text.length + 1) */
  boundary: Uint8Array;
}

/**
 * The words and boundaries of `text`. No object per word: the extractors read the words
 * and the boundaries only, and 400 token objects per article were a third of everything
 * the pipeline allocated (about 43 of 138 KB per article), which filled the young
 * generation and evicted jieba's dictionary from the CPU caches sooner. Where nothing is
 * glued (nearly always) jieba's own array serves as the words.
 */
export function segmentText(text: string, known: (word: string) => boolean, glue: CodeSet): Segmentation {
  const words = splitGlued(cutWords(text), known, glue);
  return { words, boundary: wordBoundaries(words, text.length) };
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

/** boundary[i] = 1 where one of the words (in order, covering the text of `length`) starts or ends. */
function wordBoundaries(words: readonly string[], length: number): Uint8Array {
  const boundary = new Uint8Array(length + 1);
  boundary[0] = 1;
  let offset = 0;
  for (const w of words) boundary[(offset += w.length)] = 1;
  if (offset !== length) throw new Error(`segmenter lost text: ${offset} of ${length} characters`);
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
 * 华为将): split such a word so the name stands alone. `known` says whether a word is
 * a name we must keep whole (the company lexicon); `glue` holds the characters that glue.
 */
export function splitGlued(words: readonly string[], known: (word: string) => boolean, glue: CodeSet): readonly string[] {
  // most articles have none: the array is copied only from the first split on, and a
  // word is sliced only when a glue character opens or closes it
  let out: string[] | null = null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    let head: string | undefined;
    let tail: string | undefined;
    if (w.length >= 3) {
      if (glue.has(w.charCodeAt(0)) && known(w.slice(1))) [head, tail] = [w[0]!, w.slice(1)];
      else if (glue.has(w.charCodeAt(w.length - 1)) && known(w.slice(0, -1))) [head, tail] = [w.slice(0, -1), w[w.length - 1]!];
    }
    if (head !== undefined && tail !== undefined) (out ??= words.slice(0, k)).push(head, tail);
    else out?.push(w);
  }
  return out ?? words;
}
