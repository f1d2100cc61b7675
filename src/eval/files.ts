/**
 * Reading gold and prediction files for `zhx eval`. Accepts what shared/score.mjs
 * accepts (a bare array, {mentions}, {result: {mentions}}) so both score the same
 * files. Problems throw EvalInputError with the file named: an evaluation that
 * silently skips a document would report a score for a different corpus.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LooseMention, ScorePair } from './score.js';

export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The mentions array of a parsed file, in the order score.mjs looks for it. */
function mentionsOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return undefined;
  if (Array.isArray(json.mentions)) return json.mentions;
  if (isObject(json.result) && Array.isArray(json.result.mentions)) return json.result.mentions;
  return undefined;
}

/** Mentions of one file; only the fields scoring keys on are checked, the rest is compared as found. */
export function loadMentions(file: string): LooseMention[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new EvalInputError(`${file}: ${reason}`);
  }
  const mentions = mentionsOf(json);
  if (!mentions) throw new EvalInputError(`${file}: no mentions array (expected {mentions: [...]}, {result: {mentions}} or an array)`);
  mentions.forEach((m, i) => {
    const ok = isObject(m) && typeof m.type === 'string' && typeof m.start === 'number' && typeof m.end === 'number';
    if (!ok) throw new EvalInputError(`${file}: mention ${i} needs a string type and numeric start and end`);
  });
  return mentions as LooseMention[];
}

const isDirectory = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    throw new EvalInputError(`${p}: not found`);
  }
};

/** Document id: the file name without .json (dir/abc.json -> abc). */
export const docId = (file: string): string => path.basename(file).replace(/\.json$/i, '');

const jsonFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json') && !isDirectory(path.join(dir, f)))
    .sort();

/**
 * Pair gold with predictions. Gold and pred may each be a file or a directory; a
 * gold directory needs a prediction directory, matched by file name. A gold file
 * with no prediction is an error; extra predictions are only worth a warning
 * (predicting more documents than are annotated is the normal case).
 */
export function loadPairs(gold: string, pred: string, warn: (message: string) => void): ScorePair[] {
  const goldIsDir = isDirectory(gold);
  const predIsDir = isDirectory(pred);
  if (!goldIsDir) {
    const predFile = predIsDir ? path.join(pred, path.basename(gold)) : pred;
    if (predIsDir && !exists(predFile)) throw new EvalInputError(`no prediction for gold file ${gold} (looked for ${predFile})`);
    return [{ id: docId(gold), gold: loadMentions(gold), pred: loadMentions(predFile) }];
  }
  if (!predIsDir) throw new EvalInputError(`--gold ${gold} is a directory, so --pred must be one too (got file ${pred})`);
  const goldFiles = jsonFilesIn(gold);
  if (goldFiles.length === 0) throw new EvalInputError(`${gold}: no .json gold files`);
  const predById = new Map(jsonFilesIn(pred).map((f) => [docId(f), f]));
  const missing = goldFiles.filter((f) => !predById.has(docId(f)));
  if (missing.length) {
    const list = missing.map((f) => path.join(gold, f)).join(', ');
    throw new EvalInputError(`no prediction in ${pred} for gold file(s): ${list}`);
  }
  const goldIds = new Set(goldFiles.map(docId));
  const extra = [...predById].filter(([id]) => !goldIds.has(id)).map(([, f]) => f);
  if (extra.length) warn(`warning: ${extra.length} prediction file(s) in ${pred} have no gold and are ignored: ${extra.join(', ')}`);
  return goldFiles.map((f) => ({
    id: docId(f),
    gold: loadMentions(path.join(gold, f)),
    pred: loadMentions(path.join(pred, predById.get(docId(f))!)),
  }));
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
