/**
 * What `zhx extract` and `zhx queue add` read: files, folders (recursively, .txt),
 * glob patterns, stdin, or JSON Lines of {"id","text","refDate"?}. Inputs are
 * enumerated lazily (async generators), so a folder of a million files or a
 * 200,000-line JSONL is never listed in memory. Each input becomes an Article or
 * an error record; nothing is dropped silently.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_BYTES } from '../decode/index.js';
import { expandGlob, hasGlob, walkTxt, type WalkOptions } from '../batch/glob.js';
import { readLines } from '../batch/lines.js';

export interface Article {
  /** the file name without .txt, or the JSONL id */
  id: string;
  /** where it came from, for the result's `doc` and error messages */
  source: string;
  /** output name under --out: path relative to the input folder without .txt, or the JSONL id */
  relativeName: string;
  refDate?: string;
  /** the text, when the input already holds it (JSON Lines) */
  text?: string;
  /** the raw bytes (stdin) */
  bytes?: Uint8Array;
  /** a file still to be read (with its .meta.json), see loadArticle */
  file?: string;
}

export interface InputError {
  id: string;
  source: string;
  message: string;
}

export type InputItem = Article | InputError;

export const isInputError = (item: InputItem): item is InputError => 'message' in item;

const posix = (p: string) => p.split(path.sep).join('/');

function fileArticle(file: string, base: string, cwd: string): Article {
  const relative = posix(path.relative(base, file)).replace(/\.txt$/i, '');
  return { id: path.basename(relative), source: posix(path.relative(cwd, file)) || file, relativeName: relative, file };
}

/**
 * Files, folders and glob patterns given on the command line, in order; a missing
 * path is an error record. A path named on the command line is used even when it
 * is a symbolic link (the user chose it); links met inside folders follow `walk`.
 */
export async function* pathArticles(paths: readonly string[], cwd: string, walk: WalkOptions = {}): AsyncGenerator<InputItem> {
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    const found = await stat(full).catch(() => undefined);
    try {
      if (found?.isDirectory()) for await (const file of walkTxt(full, walk)) yield fileArticle(file, full, cwd);
      else if (found) yield fileArticle(full, path.dirname(full), cwd);
      else if (hasGlob(p)) {
        const { base, files } = expandGlob(p, cwd, walk);
        let matched = 0;
        for await (const file of files) {
          matched++;
          yield fileArticle(file, base, cwd);
        }
        if (matched === 0) yield { id: path.basename(p), source: p, message: `${p}: no .txt file matches this pattern` };
      } else yield { id: path.basename(p), source: p, message: `${p}: no such file or directory` };
    } catch (err) {
      // an unreadable folder ends that argument, not the run
      yield { id: path.basename(p), source: p, message: `${p}: ${(err as Error).message}` };
    }
  }
}

/** The whole of stdin as one article (decoded later, like a file). */
export async function stdinArticle(stream: Readable, maxBytes = DEFAULT_MAX_BYTES): Promise<Article> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new Error(`stdin: larger than ${maxBytes} bytes (raise it with --max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return { id: 'stdin', source: 'stdin', relativeName: 'stdin', bytes: Buffer.concat(chunks) };
}

function parseJsonlRecord(line: string, lineNo: number, where: string): Article {
  const record = JSON.parse(line) as unknown;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a JSON object');
  const { id, text, refDate } = record as { id?: unknown; text?: unknown; refDate?: unknown };
  if (typeof text !== 'string') throw new Error('"text" must be a string');
  if (refDate !== undefined && typeof refDate !== 'string') throw new Error('"refDate" must be a string');
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') throw new Error('"id" must be a string or a number');
  const name = id === undefined ? String(lineNo) : String(id);
  if (name === '') throw new Error('"id" is empty');
  return { id: name, source: where, relativeName: name, text, ...(refDate !== undefined && { refDate }) };
}

/** JSON Lines: one {"id","text","refDate"?} per line (id defaults to the line number); a bad line is an error record. */
export async function* jsonlArticles(file: string, stdin: Readable, name = file, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<InputItem> {
  const stream = file === '-' ? stdin : createReadStream(file);
  const source = file === '-' ? 'stdin' : name;
  for await (const line of readLines(stream, maxBytes)) {
    const where = `${source}:${line.lineNo}`;
    if ('tooLong' in line) {
      yield { id: String(line.lineNo), source: where, message: `${where}: line longer than ${maxBytes} characters (raise it with --max-bytes)` };
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      yield parseJsonlRecord(line.text, line.lineNo, where);
    } catch (err) {
      yield { id: String(line.lineNo), source: where, message: `${where}: ${(err as Error).message}` };
    }
  }
}

/** Article metadata beside the file: `name.meta.json` holding {"refDate": "2024-04"}. */
async function sidecarRefDate(file: string): Promise<string | undefined> {
  const meta = `${file.replace(/\.txt$/i, '')}.meta.json`;
  let content: string;
  try {
    content = await readFile(meta, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${meta}: cannot read: ${(err as Error).message}`);
  }
  let parsed: { refDate?: unknown };
  try {
    parsed = JSON.parse(content) as { refDate?: unknown };
  } catch (err) {
    throw new Error(`${meta}: ${(err as Error).message}`);
  }
  if (parsed.refDate !== undefined && typeof parsed.refDate !== 'string') throw new Error(`${meta}: refDate must be a string`);
  return parsed.refDate;
}

/**
 * Read a file article's bytes and sidecar refDate. Refuses what decodeFile refuses
 * (folders, devices and FIFOs, files over the size limit) before reading a byte.
 */
export async function loadArticle(article: Article, maxBytes = DEFAULT_MAX_BYTES): Promise<Article> {
  if (article.file === undefined) return article;
  const handle = await open(article.file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}`);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new Error('cannot read: is a directory, not a file');
    if (!info.isFile()) throw new Error('cannot read: not a regular file');
    if (info.size > maxBytes) throw new Error(`too large: ${info.size} bytes (limit ${maxBytes}; raise it with --max-bytes)`);
    const bytes = await handle.readFile();
    const refDate = await sidecarRefDate(article.file);
    const { file: _file, ...rest } = article;
    return { ...rest, bytes, ...(refDate !== undefined && { refDate }) };
  } finally {
    await handle.close();
  }
}

/** How many articles an input holds, for the progress bar; counted alongside the run. */
export async function countArticles(paths: readonly string[], jsonl: string | undefined, cwd: string, followSymlinks = false): Promise<number | undefined> {
  if (jsonl === '-') return undefined;
  if (jsonl !== undefined) {
    // newlines, plus an unterminated last line; blank lines count too (a rare overestimate)
    let lines = 0;
    let last = 0x0a;
    for await (const chunk of createReadStream(path.resolve(cwd, jsonl))) {
      const buf = chunk as Buffer;
      for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) lines++;
      if (buf.length > 0) last = buf[buf.length - 1]!;
    }
    return last === 0x0a ? lines : lines + 1;
  }
  let n = 0;
  // no onSkip: the run itself reports skipped links, once
  for await (const _ of pathArticles(paths, cwd, { followSymlinks })) n++;
  return n;
}
