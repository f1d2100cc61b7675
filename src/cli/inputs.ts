/**
 * What `zhx extract` reads: files and folders (recursively, .txt), stdin, or JSON Lines
 * of {"id","text","refDate"?}. Each input becomes an Article or an error record;
 * nothing is dropped silently.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { decode, decodeFile } from '../decode/index.js';

export interface Article {
  /** output name: the file name without .txt, or the JSONL id */
  id: string;
  /** where it came from, for the result's `doc` and error messages */
  source: string;
  /** path relative to the input folder (for --out), without extension */
  relativeName: string;
  refDate?: string;
  /** read lazily so a batch holds one article in memory at a time */
  read(): string;
}

export interface InputError {
  id: string;
  source: string;
  message: string;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** Article metadata beside the file: `name.meta.json` holding {"refDate": "2024-04"}. */
function sidecarRefDate(file: string): string | undefined {
  const meta = file.replace(/\.txt$/i, '') + '.meta.json';
  if (!existsSync(meta)) return undefined;
  const parsed = JSON.parse(readFileSync(meta, 'utf8')) as { refDate?: unknown };
  if (parsed.refDate !== undefined && typeof parsed.refDate !== 'string') throw new Error(`${meta}: refDate must be a string`);
  return parsed.refDate;
}

function fileArticle(file: string, base: string, cwd: string): Article {
  const relative = posix(path.relative(base, file)).replace(/\.txt$/i, '');
  const refDate = sidecarRefDate(file);
  return {
    id: path.basename(relative),
    source: posix(path.relative(cwd, file)) || file,
    relativeName: relative,
    ...(refDate !== undefined && { refDate }),
    read: () => decodeFile(file).text,
  };
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && /\.txt$/i.test(e.name)) yield full;
  }
}

/** Files and folders given on the command line, in order; a missing path is an error record. */
export function* pathArticles(paths: readonly string[], cwd: string): Generator<Article | InputError> {
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      yield { id: path.basename(p), source: p, message: `${p}: no such file or directory` };
      continue;
    }
    try {
      if (stat.isDirectory()) for (const file of walk(full)) yield fileArticle(file, full, cwd);
      else yield fileArticle(full, path.dirname(full), cwd);
    } catch (err) {
      yield { id: path.basename(p), source: p, message: (err as Error).message };
    }
  }
}

/** The whole of stdin as one article. */
export async function stdinArticle(stream: Readable): Promise<Article> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = decode(Buffer.concat(chunks), { source: 'stdin' }).text;
  return { id: 'stdin', source: 'stdin', relativeName: 'stdin', read: () => text };
}

/** JSON Lines: one {"id","text","refDate"?} per line; a bad line is an error record. */
export async function* jsonlArticles(file: string, stdin: Readable): AsyncGenerator<Article | InputError> {
  const stream = file === '-' ? stdin : createReadStream(file, { encoding: 'utf8' });
  const source = file === '-' ? 'stdin' : file;
  let lineNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    const where = `${source}:${lineNo}`;
    try {
      const record = JSON.parse(line) as { id?: unknown; text?: unknown; refDate?: unknown };
      if (typeof record.text !== 'string') throw new Error('"text" must be a string');
      if (record.refDate !== undefined && typeof record.refDate !== 'string') throw new Error('"refDate" must be a string');
      const id = record.id === undefined ? String(lineNo) : String(record.id);
      const text = record.text;
      yield { id, source: where, relativeName: id, ...(record.refDate !== undefined && { refDate: record.refDate as string }), read: () => text };
    } catch (err) {
      yield { id: String(lineNo), source: where, message: `${where}: ${(err as Error).message}` };
    }
  }
}
