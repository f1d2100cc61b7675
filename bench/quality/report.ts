/**
 * Files the run leaves behind: the numbers as JSON (output/bench-quality.json in
 * the repo) and the error dump (outside the repo: every error record per suite and
 * system as JSONL, and the most frequent patterns as text).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { topPatterns, type Pattern } from './patterns.js';
import { SYSTEMS, SYSTEM_TITLES, type SystemKey, type SuiteTable } from './table.js';
import type { ErrorRecord, Metrics, Suite } from './types.js';

export interface SuiteRun {
  suite: Suite;
  table: SuiteTable;
  errors: Record<SystemKey, ErrorRecord[]>;
  ms: Record<SystemKey, number>;
  failures: Record<SystemKey, number>;
}

const round = (m: Metrics) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(4)) : v]));

export function writeJson(file: string, runs: readonly SuiteRun[], meta: Record<string, unknown>): void {
  const suites = runs.map(({ suite, table, ms, failures, errors }) => ({
    name: suite.name,
    source: suite.source,
    cases: suite.counts,
    peer: suite.peer.name,
    rows: table.rows.map((r) => ({ label: r.label, kind: r.kind, ...Object.fromEntries(SYSTEMS.map((k) => [k, round(r.by[k])])) })),
    ms,
    ...(Object.values(failures).some((n) => n > 0) && { failures }),
    topErrorPatterns: { us: topPatterns(errors.us, 30, 3) },
  }));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...meta, systems: SYSTEM_TITLES, suites }, null, 2)}\n`);
}

const patternLines = (patterns: readonly Pattern[]) =>
  patterns.map((p, i) => `${String(i + 1).padStart(3)}. ${String(p.count).padStart(4)}  ${p.pattern}    e.g. ${p.examples.join(' | ')}`);

/** <dir>/<suite>.<system>.jsonl for every record, <dir>/patterns.txt with the top n per suite and system. */
export function writeErrors(dir: string, runs: readonly SuiteRun[], n = 30): string {
  mkdirSync(dir, { recursive: true });
  const text: string[] = [];
  for (const { suite, errors } of runs) {
    for (const k of SYSTEMS) {
      writeFileSync(path.join(dir, `${suite.name}.${k}.jsonl`), errors[k].map((e) => JSON.stringify(e)).join('\n') + '\n');
      if (k === 'peer') continue;
      text.push(`== ${suite.name} · ${SYSTEM_TITLES[k]} · ${errors[k].length} errors · top ${n} patterns`, ...patternLines(topPatterns(errors[k], n)), '');
    }
  }
  const file = path.join(dir, 'patterns.txt');
  writeFileSync(file, text.join('\n'));
  return file;
}

export function printPatterns(runs: readonly SuiteRun[], n: number): string {
  return runs.map(({ suite, errors }) => [`== ${suite.name} (us): ${errors.us.length} errors`, ...patternLines(topPatterns(errors.us, n))].join('\n')).join('\n\n');
}
