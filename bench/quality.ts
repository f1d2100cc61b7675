/**
 * npm run bench:quality — extraction quality on external Chinese test sets and on
 * our own gold files, for us (with and without the company lexicon) and for a
 * peer per suite, in one command. See bench/README.md for what each suite
 * measures and how its labels map onto shared/ANNOTATION.md.
 *
 *   --json FILE       numbers as JSON (default output/bench-quality.json)
 *   --errors DIR      error dump (default <tmpdir>/quality-errors, outside the repo)
 *   --patterns N      also print the N most frequent error patterns per suite (ours)
 *
 * Peers read the text after our traditional -> simplified conversion (spans mapped
 * back), so that script conversion is not what separates them from us.
 * Order matters: jieba's dictionary is process-global and our extractor loads it
 * with a user dictionary, so every peer runs first, then our extractor with the
 * lexicon, then without it (each creation reloads the dictionary).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/index.js';
import { REPO_ROOT, benchmarksDir, MissingDataError } from './quality/data.js';
import { cluenerSuite } from './quality/suites/cluener.js';
import { msraSuite } from './quality/suites/msra.js';
import { currencySuite } from './quality/suites/currency.js';
import { datetimeSuite } from './quality/suites/datetime.js';
import { jionlpSuite } from './quality/suites/jionlp.js';
import { goldSuite } from './quality/suites/gold.js';
import { onSimplified } from './quality/simplify.js';
import { renderTable, renderTimes, SYSTEMS, type SystemKey } from './quality/table.js';
import { writeJson, writeErrors, printPatterns, type SuiteRun } from './quality/report.js';
import type { Predict, Pred, Suite } from './quality/types.js';

const { values: args } = parseArgs({
  options: { json: { type: 'string' }, errors: { type: 'string' }, patterns: { type: 'string' } },
});

let suites: Suite[];
try {
  suites = [cluenerSuite(), msraSuite(), currencySuite(), datetimeSuite(), jionlpSuite(), jionlpSuite({ expression: true }), goldSuite()];
} catch (e) {
  if (!(e instanceof MissingDataError)) throw e;
  console.error(`bench:quality: ${e.message}`);
  process.exit(2);
}

/** Every input of a suite through one system; a throw on one case is counted and the case gets no mentions. */
function runAll(suite: Suite, predict: Predict) {
  let failures = 0;
  const t0 = performance.now();
  const preds = suite.inputs.map((input) => {
    try {
      return predict(input);
    } catch (e) {
      if (failures++ === 0) console.error(`warning: ${suite.name} ${input.id}: ${(e as Error).message}`);
      return [] as Pred[];
    }
  });
  return { preds, ms: Math.round(performance.now() - t0), failures };
}

const results = new Map<string, Record<SystemKey, ReturnType<typeof runAll>>>(suites.map((s) => [s.name, {} as Record<SystemKey, ReturnType<typeof runAll>>]));
for (const s of suites) results.get(s.name)!.peer = runAll(s, onSimplified(s.peer.predict));
for (const [key, useLexicon] of [['us', true], ['usNoLexicon', false]] as const) {
  const extractor = createExtractor({ useLexicon });
  const ours: Predict = (input) => extractor.extract(input.text, input.refDate ? { refDate: input.refDate } : {}).mentions as Pred[];
  const expression: Predict = (input) => {
    const date = extractor.normalizeDate(input.text, input.refDate ? { refDate: input.refDate } : {});
    return date ? [date as Pred] : [];
  };
  for (const s of suites) results.get(s.name)![key] = runAll(s, s.expression ? expression : ours);
}

const runs: SuiteRun[] = suites.map((suite) => {
  const r = results.get(suite.name)!;
  const scores = Object.fromEntries(SYSTEMS.map((k) => [k, suite.score(r[k].preds)])) as Record<SystemKey, ReturnType<Suite['score']>>;
  const skipped = Object.entries(suite.counts.skipped ?? {}).map(([why, n]) => `${n} ${why}`).join(', ');
  const title = `${suite.name} · ${suite.source} · ${suite.counts.scored}/${suite.counts.read} cases${skipped ? ` (skipped: ${skipped})` : ''} · peer: ${suite.peer.name}`;
  return {
    suite,
    table: { name: suite.name, title, rows: scores.us.rows.map((row, i) => ({ label: row.label, kind: row.kind, by: { us: row.m, usNoLexicon: scores.usNoLexicon.rows[i]!.m, peer: scores.peer.rows[i]!.m } })) },
    errors: { us: scores.us.errors, usNoLexicon: scores.usNoLexicon.errors, peer: scores.peer.errors },
    ms: { us: r.us.ms, usNoLexicon: r.usNoLexicon.ms, peer: r.peer.ms },
    failures: { us: r.us.failures, usNoLexicon: r.usNoLexicon.failures, peer: r.peer.failures },
  };
});

console.log(renderTable(runs.map((r) => r.table)));
console.log(`\n${renderTimes(runs.map((r) => ({ name: r.suite.name, ms: r.ms })))}`);
const jsonFile = path.resolve(REPO_ROOT, args.json ?? 'output/bench-quality.json');
writeJson(jsonFile, runs, { generatedAt: new Date().toISOString(), node: process.version, benchmarks: benchmarksDir() });
const patternsFile = writeErrors(path.resolve(args.errors ?? path.join(os.tmpdir(), 'quality-errors')), runs);
console.log(`numbers: ${path.relative(process.cwd(), jsonFile)} · errors: ${path.dirname(patternsFile)}/ (patterns.txt, <suite>.<system>.jsonl)`);
if (args.patterns) console.log(`\n${printPatterns(runs, Number(args.patterns) || 30)}`);
