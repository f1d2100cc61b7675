/**
 * Finding the article behind a gold file, for `zhx eval --html`. A gold file
 * names its article in "doc" (e.g. "corpus/000_x.txt"), relative to the
 * repository the gold file lives in, which need not be where zhx runs: the path
 * is tried against every directory above the gold file, then against cwd.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { docId } from './files.js';

export interface ArticleText {
  /** the gold file's "doc" field, when it has one */
  doc?: string;
  /** the decoded text (BOM removed, as offsets expect), or undefined when not found */
  text?: string;
  /** why the text is missing, for the report */
  note?: string;
}

/** Gold files of a --gold argument by document id (file name without .json), as loadPairs pairs them. */
export function goldFilesById(gold: string): Map<string, string> {
  if (!statSync(gold).isDirectory()) return new Map([[docId(gold), gold]]);
  const files = readdirSync(gold).filter((f) => f.toLowerCase().endsWith('.json'));
  return new Map(files.map((f) => [docId(f), path.join(gold, f)]));
}

function docField(goldFile: string): string | undefined {
  try {
    const json = JSON.parse(readFileSync(goldFile, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    const doc = typeof json === 'object' && json !== null ? (json as { doc?: unknown }).doc : undefined;
    return typeof doc === 'string' && doc !== '' ? doc : undefined;
  } catch {
    return undefined; // loadPairs already reported unreadable gold files
  }
}

/** Candidate locations of `doc`: each directory from the gold file's up to the root, then cwd. */
function candidates(doc: string, goldFile: string, cwd: string): string[] {
  if (path.isAbsolute(doc)) return [doc];
  const out: string[] = [];
  for (let dir = path.resolve(path.dirname(goldFile)); ; dir = path.dirname(dir)) {
    out.push(path.join(dir, doc));
    if (path.dirname(dir) === dir) break;
  }
  out.push(path.resolve(cwd, doc));
  return out;
}

/** UTF-8 with the BOM removed. The pipeline's own decoder (GBK, Big5 ...) should be passed in when it exists. */
const utf8 = (bytes: Buffer): string => bytes.toString('utf8').replace(/^\uFEFF/, '');

/** The article text of one gold file, or a note saying why there is none. */
export function readArticleText(goldFile: string, cwd = process.cwd(), decode: (bytes: Buffer) => string = utf8): ArticleText {
  const doc = docField(goldFile);
  if (!doc) return { note: `${goldFile} has no "doc" field: the article text is not shown` };
  const found = candidates(doc, goldFile, cwd).find((p) => existsSync(p) && statSync(p).isFile());
  if (!found) return { doc, note: `article ${doc} (from ${goldFile}) not found near the gold file or in ${cwd}: the text is not shown` };
  return { doc, text: decode(readFileSync(found)) };
}
