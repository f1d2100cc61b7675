/**
 * `zhx extract`: one JSON result per article, for one article or millions. Every
 * input yields a result or an error record, a bad article never stops the rest,
 * and the exit status is 1 when any article failed (2 for a usage or rules error).
 * The work itself is in src/batch (run.ts explains the memory bounds).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { parseRefDate } from '../extractors/date/refDate.js';
import { countArticles, jsonlArticles, pathArticles, stdinArticle, type InputItem } from './inputs.js';
import { runBatch, type Outcome } from '../batch/run.js';
import { startProcessor, defaultWorkers } from '../batch/processor.js';
import { BatchStats } from '../batch/stats.js';
import { Progress } from '../batch/progress.js';
import { removePartialDir, removeStaleTemps } from '../batch/atomicWrite.js';
import { callbackSink, fileSink, lazySink, streamSink, type LineSink } from '../batch/lineSink.js';

export { outputPath } from '../batch/outputPath.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: Readable;
  cwd: string;
}

/** What the real CLI adds: streams with backpressure and the terminal, for the progress bar. */
export interface ExtractIO extends CliIO {
  stdoutStream?: Writable;
  stderrTTY?: { write(s: string): void; columns?: number };
}

export const EXTRACT_USAGE = `usage: zhx extract [PATH...] [options]
  PATH               .txt files, folders (searched recursively) or glob patterns
                     ("corpus/**/*.txt"; globs select .txt files); none or - reads stdin
  --jsonl FILE|-     read JSON Lines of {"id","text","refDate"?} (- for stdin)
  --out DIR          write DIR/<name>.json per article (errors to DIR/errors.jsonl);
                     JSONL ids become file names made safe: they can make subfolders
                     but never leave DIR
  --output-jsonl F   write JSON Lines to F (- for stdout), one result per line
                     without either: JSON to stdout (one article, pretty) or
                     JSON Lines (several); lines follow input order, a failed
                     article is a line {"id","source","error"}
  --errors FILE      error records (JSON Lines) go to FILE instead
  --resume           with --out: skip articles whose result file already exists
                     (results are written atomically, so an existing file is complete)
  --workers N        extraction threads (default: the core count; 0 = main thread);
                     each loads its own ~250 MB dictionary
  --max-bytes N      the largest article accepted (default 50M; K, M and G suffixes);
                     a larger one is an error record, never read whole
  --follow-symlinks  follow symbolic links met inside input folders (default: skip
                     them, naming each on stderr); each real folder is walked once
  --ref-date D       the articles' date (YYYY, YYYY-MM or YYYY-MM-DD) where they give none
                     (a file's own date can sit beside it in <name>.meta.json: {"refDate": "..."})
  --no-lexicon       do not use the known-company lexicon (measures the rules alone)
  --rules DIR        use the rule files in DIR instead of the bundled ones
  --summary          print a readable summary of each article to stderr
  -q, --quiet        no progress bar and no final summary (errors are still printed)`;

function parseWorkers(value: string | undefined): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new Error(`--workers must be a whole number from 0 to 256, not ${JSON.stringify(value)}`);
  return n;
}

/**
 * stdout without --out: one article prints as pretty JSON (the common interactive
 * case), several as JSON Lines. Which one is known only at the second record, so
 * the first is held back until then.
 */
function stdoutResults(sink: LineSink) {
  let held: string | undefined;
  let count = 0;
  return {
    async write(line: string) {
      count++;
      if (count === 1) held = line;
      else {
        if (held !== undefined) await sink.write(held);
        held = undefined;
        await sink.write(line);
      }
    },
    async close() {
      if (held !== undefined) {
        const parsed = JSON.parse(held) as { error?: unknown };
        await sink.write(parsed.error === undefined ? JSON.stringify(parsed, null, 2) : held);
      }
      await sink.close();
    },
  };
}

/** 50M, 200K, 1G or a plain number of bytes. */
function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(value.trim());
  if (!m) throw new Error(`--max-bytes: "${value}" is not a size (a number of bytes, or with K, M or G)`);
  const scale = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Math.floor(Number(m[1]) * scale);
}

export async function runExtract(argv: string[], io: ExtractIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'string' },
      out: { type: 'string' },
      'output-jsonl': { type: 'string' },
      errors: { type: 'string' },
      resume: { type: 'boolean', default: false },
      'follow-symlinks': { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      workers: { type: 'string' },
      'ref-date': { type: 'string' },
      'no-lexicon': { type: 'boolean', default: false },
      rules: { type: 'string' },
      summary: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(EXTRACT_USAGE);
    return 0;
  }
  // fail before any work
  if (values['ref-date'] !== undefined) parseRefDate(values['ref-date']);
  const maxBytes = values['max-bytes'] === undefined ? undefined : parseSize(values['max-bytes']);
  if (values.jsonl !== undefined && positionals.length > 0) throw new Error('give either PATHs or --jsonl, not both');
  if (values.resume && values.out === undefined) throw new Error('--resume needs --out (it skips articles whose result file exists)');
  const workers = parseWorkers(values.workers);
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const outDir = values.out === undefined ? undefined : resolve(values.out);
  const jsonlOut = values['output-jsonl'];
  const defaultRefDate = values['ref-date'];
  const fromStdin = values.jsonl === undefined && (positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-'));

  // threads first: a bad --rules stops the run before any output file is touched
  const stats = new BatchStats();
  // stderr notes from the pool (a thread that died); redirected past the progress bar once it exists
  let say = io.stderr;
  const config = { useLexicon: !values['no-lexicon'], ...(values.rules !== undefined && { rulesDir: resolve(values.rules) }) };
  const processor = await startProcessor(config, workers, { log: (s) => say(s) });
  stats.ready();
  // if a task never settled (a pool that lost it), Node would end the process with
  // status 0 and results missing: make that a loud failure instead
  const stalled = () => {
    io.stderr('zhx: internal error: the run stopped with articles unfinished; the results are incomplete');
    process.exitCode = 2;
  };
  process.once('beforeExit', stalled);
  let results: LineSink | undefined;
  let errors: LineSink | undefined;
  try {
    // result lines: stdout by default (unless --out), or --output-jsonl
    const stdoutSink = io.stdoutStream ? streamSink(io.stdoutStream, { end: false }) : callbackSink(io.stdout);
    results =
      jsonlOut === '-' ? stdoutSink
      : jsonlOut !== undefined ? fileSink(resolve(jsonlOut))
      : outDir === undefined ? stdoutResults(stdoutSink)
      : undefined;
    const errorsFile = values.errors !== undefined ? resolve(values.errors) : outDir && path.join(outDir, 'errors.jsonl');
    if (errorsFile) await rm(errorsFile, { force: true }); // a rerun (or --resume) records its own failures
    if (outDir) await removeStaleTemps(outDir); // what a killed run left, once old enough to be nobody's
    errors = errorsFile ? lazySink(() => fileSink(errorsFile)) : undefined;

    const progress = io.stderrTTY && !values.quiet ? new Progress(io.stderrTTY, stats) : undefined;
    say = (s: string) => {
      progress?.clear();
      io.stderr(s);
    };
    const followSymlinks = values['follow-symlinks'];
    const onSkip = (link: string, reason: string) => say(`skipped ${path.relative(io.cwd, link) || link}: ${reason}`);
    const items: AsyncIterable<InputItem> =
      values.jsonl !== undefined ? jsonlArticles(values.jsonl === '-' ? '-' : resolve(values.jsonl), io.stdin, values.jsonl, maxBytes)
      : fromStdin ? (async function* () { yield await stdinArticle(io.stdin, maxBytes); })()
      : pathArticles(positionals, io.cwd, { followSymlinks, onSkip });
    if (progress) {
      if (fromStdin) progress.total = 1;
      // counted alongside the run, so a huge input starts at once
      else void countArticles(positionals, values.jsonl, io.cwd, followSymlinks).then((n) => (progress.total = n), () => undefined);
    }

    await runBatch(items, {
      processor,
      outDir,
      resume: values.resume,
      ...(maxBytes !== undefined && { maxBytes }),
      toTask: (article) => {
        const refDate = article.refDate ?? defaultRefDate;
        return {
          source: article.source,
          ...(article.text !== undefined && { text: article.text }),
          ...(article.bytes !== undefined && { bytes: article.bytes }),
          ...(refDate !== undefined && { refDate }),
          ...(maxBytes !== undefined && { maxBytes }),
          // JSONL articles are known by id, files by path
          ...(values.jsonl !== undefined ? { id: article.id } : { doc: article.source }),
          want: { pretty: outDir !== undefined, compact: results !== undefined, summary: values.summary },
        };
      },
      onOutcome: async (outcome: Outcome) => {
        stats.add(outcome);
        if (outcome.kind === 'failed') {
          const { id, source, message } = outcome.error;
          say(`error: ${message}`);
          if (errors) await errors.write(JSON.stringify({ id, source, message }));
          else await results?.write(JSON.stringify({ id, source, error: message }));
        } else if (outcome.kind === 'done') {
          if (outcome.result.summary !== undefined) say(outcome.result.summary);
          if (results && outcome.result.compact !== undefined) await results.write(outcome.result.compact);
        }
        progress?.tick();
      },
    });
    progress?.draw();
    progress?.clear();
  } catch (err) {
    // the reader went away (zhx extract ... | head): stop quietly, as Unix tools do
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw err;
  } finally {
    process.off('beforeExit', stalled);
    await processor.close();
    await results?.close();
    await errors?.close();
    if (outDir) await removePartialDir(outDir);
  }
  if (!values.quiet) io.stderr(`${stats.summary()}${outDir ? `\n  -> ${path.relative(io.cwd, outDir) || '.'}` : ''}`);
  return stats.failed > 0 ? 1 : 0;
}
