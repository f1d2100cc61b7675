/**
 * `zhx eval`: score predictions against gold files. Same numbers as
 * shared/score.mjs (src/eval/score.ts keeps its conventions).
 * Exit codes: 0 ok, 1 a type below --min-f1, 2 usage or input error.
 */
import { parseArgs } from 'node:util';
import { MENTION_TYPES, type MentionType } from '../schema.js';
import { scoreDocuments, type ScoreError, type ScoreReport, type ScorePair } from '../eval/score.js';
import { EvalInputError, loadPairs } from '../eval/files.js';
import { goldFilesById } from '../eval/articleText.js';
import { writeEvalHtml, type HtmlSource } from './evalHtml.js';

export interface EvalIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const EVAL_USAGE = `usage: zhx eval --gold G --pred P [--json] [--errors] [--types a,b] [--min-f1 X] [--html FILE]
  --gold G      gold file or directory of gold .json files (ANNOTATION.md format)
  --pred P      prediction file, or directory matched to the gold by file name;
                --gold/--pred may be repeated in pairs
  --json        print {perType, errors?} as JSON
  --errors      list every false positive (FP), false negative (FN) and wrong value (VAL)
  --types a,b   score only these types (${MENTION_TYPES.join(',')})
  --min-f1 X    exit 1 when a type with any gold or predicted mention has mention F1 below X
  --html FILE   also write an HTML report: scores, and each article's text (found via
                the gold file's "doc" field) with TP/FP/FN/wrong values marked`;

class UsageError extends Error {}

interface EvalOptions {
  gold: string[];
  pred: string[];
  json: boolean;
  errors: boolean;
  types: MentionType[];
  minF1: number | undefined;
  html: string | undefined;
}

function parseEvalArgs(argv: string[]): EvalOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      gold: { type: 'string', multiple: true },
      pred: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      types: { type: 'string' },
      'min-f1': { type: 'string' },
      html: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.html === '') throw new UsageError('--html needs a file name');
  const gold = values.gold ?? [];
  const pred = values.pred ?? [];
  if (gold.length === 0 || pred.length === 0) throw new UsageError('--gold and --pred are required');
  if (gold.length !== pred.length) throw new UsageError('give --gold and --pred the same number of times (they pair in order)');
  return { gold, pred, json: values.json, errors: values.errors, types: parseTypes(values.types), minF1: parseMinF1(values['min-f1']), html: values.html };
}

function parseTypes(raw: string | undefined): MentionType[] {
  if (raw === undefined) return [...MENTION_TYPES];
  const names = [...new Set(raw.split(',').map((t) => t.trim()).filter(Boolean))];
  const unknown = names.filter((t) => !(MENTION_TYPES as readonly string[]).includes(t));
  if (names.length === 0 || unknown.length) throw new UsageError(`--types: unknown type ${unknown.join(',') || '(none given)'}; use ${MENTION_TYPES.join(',')}`);
  return names as MentionType[];
}

function parseMinF1(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--min-f1 needs a number between 0 and 1, got '${raw}'`);
  return x;
}

const show = (v: unknown): string => (v === undefined ? '-' : JSON.stringify(v));

/** One line per error; a value error names each wrong field with the gold and predicted values. */
export function formatError(e: ScoreError): string {
  const head = `${e.kind.padEnd(3)} ${e.doc} ${e.type} ${e.start}-${e.end} ${e.text}`;
  if (e.kind !== 'VAL') return head;
  const diffs = (e.fields ?? []).map((f) => `${f}: gold ${show(e.gold?.[f])} pred ${show(e.pred?.[f])}`);
  return `${head}  (${diffs.join('; ')})`;
}

/** Plain-text table, one row per scored type; '-' where a score does not apply. */
export function formatTable(perType: ScoreReport['perType']): string {
  const header = ['type', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'entity F1', 'value acc'];
  const f3 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));
  const rows = Object.entries(perType).map(([t, s]) => [t, String(s.tp), String(s.fp), String(s.fn), f3(s.P), f3(s.R), f3(s.F1), f3(s.entityF1), f3(s.valueAcc)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Types that had something to score and fell below the threshold. */
function belowMinF1(perType: ScoreReport['perType'], minF1: number): string[] {
  return Object.entries(perType)
    .filter(([, s]) => s.tp + s.fp + s.fn > 0 && s.F1 < minF1)
    .map(([t, s]) => `${t} F1=${s.F1}`);
}

/** Run `zhx eval` with the arguments after the command name; returns the exit code. */
export async function runEval(argv: string[], io: EvalIO): Promise<number> {
  let opts: EvalOptions | 'help';
  const pairs: ScorePair[] = [];
  const htmlSources: HtmlSource[] = [];
  try {
    opts = parseEvalArgs(argv);
    if (opts === 'help') {
      io.stdout(EVAL_USAGE + '\n');
      return 0;
    }
    for (let i = 0; i < opts.gold.length; i++) {
      const loaded = loadPairs(opts.gold[i]!, opts.pred[i]!, (w) => io.stderr(w + '\n'));
      pairs.push(...loaded);
      // --html needs each pair's gold file: its "doc" field names the article text.
      const goldFiles = opts.html !== undefined ? goldFilesById(opts.gold[i]!) : undefined;
      for (const pair of loaded) htmlSources.push({ pair, goldFile: goldFiles?.get(pair.id) });
    }
  } catch (e) {
    if (e instanceof EvalInputError) {
      io.stderr(`zhx eval: ${e.message}\n`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const isParseError = e instanceof UsageError || String((e as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!isParseError) throw e;
    io.stderr(`zhx eval: ${(e as Error).message}\n${EVAL_USAGE}\n`);
    return 2;
  }

  const report = scoreDocuments(pairs, opts.types);
  if (opts.json) {
    io.stdout(JSON.stringify(opts.errors ? report : { perType: report.perType }, null, 2) + '\n');
  } else {
    if (opts.errors) for (const e of report.errors) io.stdout(formatError(e) + '\n');
    io.stdout(formatTable(report.perType) + '\n');
  }
  if (opts.html !== undefined) {
    try {
      for (const note of writeEvalHtml(opts.html, htmlSources, report)) io.stderr(`zhx eval: ${note}\n`);
    } catch (e) {
      io.stderr(`zhx eval: cannot write ${opts.html}: ${(e as Error).message}\n`);
      return 2;
    }
    io.stderr(`zhx eval: wrote ${opts.html}\n`);
  }
  if (opts.minF1 !== undefined) {
    const failing = belowMinF1(report.perType, opts.minF1);
    if (failing.length) {
      io.stderr(`zhx eval: mention F1 below --min-f1 ${opts.minF1}: ${failing.join(', ')}\n`);
      return 1;
    }
  }
  return 0;
}
