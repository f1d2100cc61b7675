/**
 * `zhx extract [PATH...] [--jsonl FILE|-] [--out DIR] [--ref-date D] [--no-lexicon]`:
 * one JSON result per article. Every input yields a result or an error record, and a
 * bad article never stops the rest; the exit status is 1 when any article failed.
 */
import { mkdirSync, renameSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { createExtractor } from '../index.js';
import { parseRefDate } from '../extractors/date/refDate.js';
import { jsonlArticles, pathArticles, stdinArticle, type Article, type InputError } from './inputs.js';
import { summarise } from './summary.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: Readable;
  cwd: string;
}

export const EXTRACT_USAGE = `usage: zhx extract [PATH...] [options]
  PATH              .txt files or folders (searched recursively); none or - reads stdin
  --jsonl FILE|-    read JSON Lines of {"id","text","refDate"?} (- for stdin)
  --out DIR         write DIR/<name>.json per article (errors to DIR/errors.jsonl);
                    without it: JSON to stdout (one article) or JSON Lines (several)
  --ref-date D      the articles' date (YYYY, YYYY-MM or YYYY-MM-DD) where they give none
                    (a file's own date can sit beside it in <name>.meta.json: {"refDate": "..."})
  --no-lexicon      do not use the known-company lexicon (measures the rules alone)
  --rules DIR       use the rule files in DIR instead of the bundled ones
  --summary         print a readable summary of each article to stderr`;

/** Write a file whole or not at all: a crash never leaves half a JSON behind. */
function writeAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, file);
}

/** Output path for an article id under --out, never outside it. */
export function outputPath(outDir: string, relativeName: string): string {
  const safe = relativeName
    .split('/')
    .map((part) => part.replace(/[\x00-\x1f<>:"\\|?*]/g, '_'))
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
  return path.join(outDir, `${safe || '_'}.json`);
}

export async function runExtract(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'string' },
      out: { type: 'string' },
      'ref-date': { type: 'string' },
      'no-lexicon': { type: 'boolean', default: false },
      rules: { type: 'string' },
      summary: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(EXTRACT_USAGE);
    return 0;
  }
  if (values['ref-date'] !== undefined) parseRefDate(values['ref-date']); // fail before any work
  const extractor = createExtractor({ useLexicon: !values['no-lexicon'], ...(values.rules && { rulesDir: path.resolve(io.cwd, values.rules) }) });
  const outDir = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  const errorsFile = outDir && path.join(outDir, 'errors.jsonl');
  if (errorsFile) rmSync(errorsFile, { force: true });

  const sources: AsyncIterable<Article | InputError> | Iterable<Article | InputError> =
    values.jsonl !== undefined ? jsonlArticles(path.resolve(io.cwd, values.jsonl), io.stdin)
    : positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-') ? [await stdinArticle(io.stdin)]
    : pathArticles(positionals, io.cwd);

  const results: string[] = [];
  let done = 0;
  let failed = 0;
  const fail = (e: InputError) => {
    failed++;
    io.stderr(`error: ${e.message}`);
    if (errorsFile) {
      mkdirSync(outDir!, { recursive: true });
      appendFileSync(errorsFile, `${JSON.stringify(e)}\n`);
    } else results.push(JSON.stringify({ id: e.id, source: e.source, error: e.message }));
  };
  for await (const item of sources) {
    if ('message' in item) {
      fail(item);
      continue;
    }
    try {
      const refDate = item.refDate ?? values['ref-date'];
      const result = extractor.extract(item.read(), {
        ...(refDate !== undefined && { refDate }),
        ...(values.jsonl !== undefined ? { id: item.id } : { doc: item.source }),
      });
      done++;
      if (values.summary) io.stderr(summarise(result));
      if (outDir) writeAtomic(outputPath(outDir, item.relativeName), `${JSON.stringify(result, null, 2)}\n`);
      else results.push(JSON.stringify(result, null, values.jsonl === undefined ? 2 : undefined));
    } catch (err) {
      fail({ id: item.id, source: item.source, message: (err as Error).message.startsWith(item.source) ? (err as Error).message : `${item.source}: ${(err as Error).message}` });
    }
  }
  if (!outDir) {
    // one article: pretty JSON; several: JSON Lines (one compact result per line)
    if (results.length === 1) io.stdout(results[0]!);
    else for (const r of results) io.stdout(JSON.stringify(JSON.parse(r)));
  }
  if (values.summary || outDir) io.stderr(`${done} article(s) extracted, ${failed} failed${outDir ? ` -> ${path.relative(io.cwd, outDir) || '.'}` : ''}`);
  return failed > 0 ? 1 : 0;
}
