/**
 * `zhx render ARTICLE [--ref-date D] [--out FILE.html]`: extract one article and
 * show the result as a self-contained HTML page (src/render/article.ts).
 * The extraction is injected (deps.extractFile) so this file needs no pipeline.
 * Exit codes: 0 ok, 1 extraction failed, 2 usage or input error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractionResult } from '../schema.js';
import { renderArticleHtml } from '../render/article.js';

export interface RenderIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface RenderDeps {
  extractFile(path: string, refDate?: string): Promise<{ original: string; simplified: string; result: ExtractionResult }>;
}

export const RENDER_USAGE = `usage: zhx render ARTICLE [--ref-date D] [--out FILE.html]
  ARTICLE        the article file to extract
  --ref-date D   the article's date (YYYY, YYYY-MM or YYYY-MM-DD), to resolve 今年, 3月19日 ...
  --out FILE     write the HTML page there (default: print it to stdout)`;

const REF_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

type Parsed = { article: string; refDate: string | undefined; out: string | undefined } | 'help';

function parse(argv: string[]): Parsed | string {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'ref-date': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    return (e as Error).message;
  }
  if (values.help) return 'help';
  if (positionals.length !== 1) return positionals.length ? 'give exactly one ARTICLE' : 'ARTICLE is required';
  const refDate = values['ref-date'];
  if (refDate !== undefined && !REF_DATE.test(refDate)) return `--ref-date needs YYYY, YYYY-MM or YYYY-MM-DD, got '${refDate}'`;
  if (values.out === '') return '--out needs a file name';
  return { article: positionals[0]!, refDate, out: values.out };
}

/** Run `zhx render` with the arguments after the command name; returns the exit code. */
export async function runRender(argv: string[], io: RenderIO, deps: RenderDeps): Promise<number> {
  const opts = parse(argv);
  if (opts === 'help') {
    io.stdout(RENDER_USAGE + '\n');
    return 0;
  }
  if (typeof opts === 'string') {
    io.stderr(`zhx render: ${opts}\n${RENDER_USAGE}\n`);
    return 2;
  }
  let extracted;
  try {
    extracted = await deps.extractFile(opts.article, opts.refDate);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    io.stderr(`zhx render: ${opts.article}: ${missing ? 'file not found' : (e as Error).message}\n`);
    return missing ? 2 : 1;
  }
  const html = renderArticleHtml({ ...extracted, title: path.basename(opts.article) });
  if (opts.out === undefined) {
    io.stdout(html);
    return 0;
  }
  try {
    mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
    writeFileSync(opts.out, html);
  } catch (e) {
    io.stderr(`zhx render: cannot write ${opts.out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.stderr(`zhx render: wrote ${opts.out}\n`);
  return 0;
}
