/**
 * Fault injection (issue 5): `zhx extract --jsonl --out --workers 2` (the built CLI,
 * as users run it) on 3,000 generated articles, killed with SIGKILL at random
 * points (fixed seed) in three runs, each followed by a --resume run. In the end
 * every input line has exactly one complete result file or one error record, and
 * after every kill no visible *.json is partial. The table it prints is the one in
 * docs/faults.md: `npx vitest run test/faults.test.ts`.
 */
import { ensureDistBuilt } from './helpers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { resultSchema } from '../src/schema.js';
import { generateArticles, REPO } from './batchFixtures.js';
// the bench's seeded generator (mulberry32): every run kills at the same points
import { random } from '../bench/perf/corpus.js';

const CLI = path.join(REPO, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'zhx-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARTICLES = 3000;
const KILLS = 3;
const SEED = 20240501;



const OUT = path.join(tmp, 'out');
const PARTIAL = path.join(OUT, '.partial');
const visibleResults = () => readdirSync(OUT).filter((f) => f.endsWith('.json'));
const tempFiles = () => (existsSync(PARTIAL) ? readdirSync(PARTIAL) : []);

function start(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'extract', '--jsonl', 'in.jsonl', '--out', 'out', '--workers', '2', '-q', ...args], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, err })),
  );
  return { child, done };
}

/** Result files that do not parse as JSON: a kill must never leave one. */
const unparsable = () =>
  visibleResults().filter((f) => {
    try {
      JSON.parse(readFileSync(path.join(OUT, f), 'utf8'));
      return false;
    } catch {
      return true;
    }
  });

describe('SIGKILL at random points, then --resume', () => {
  // input line -> the id its outcome carries (a bad line's error record is named by its line number)
  const expectedIds: string[] = [];

  beforeAll(() => {
    ensureDistBuilt();
    const lines: string[] = [];
    for (const a of generateArticles(ARTICLES, 3)) {
      // every 300th line is broken, so the final state holds error records too
      if (lines.length % 300 === 299) {
        lines.push(JSON.stringify({ id: `bad-${lines.length + 1}`, text: null }));
        expectedIds.push(String(lines.length));
      }
      lines.push(JSON.stringify(a));
      expectedIds.push(a.id);
    }
    writeFileSync(path.join(tmp, 'in.jsonl'), `${lines.join('\n')}\n`);
  });

  it('leaves exactly one complete result or error per article, none partial', async () => {
    const rand = random(SEED);
    const runs: { args: string; killedAfter?: number; newResults: number; tempLeft: number }[] = [];
    let partialAfterKill = 0;

    for (let k = 0; k < KILLS; k++) {
      const before = existsSync(OUT) ? visibleResults().length : 0;
      // a random point: after 50 to 700 new results (the run has started writing), plus 0-50 ms
      const target = 50 + Math.floor(rand() * 650);
      const jitter = Math.floor(rand() * 50);
      const run = start(k === 0 ? [] : ['--resume']);
      let exited = false;
      void run.done.then(() => (exited = true));
      while (!exited && (existsSync(OUT) ? visibleResults().length : 0) - before < target) await sleep(5);
      await sleep(jitter);
      run.child.kill('SIGKILL');
      const r = await run.done;
      expect(r.signal, `run ${k + 1} ended before its kill: ${r.err}`).toBe('SIGKILL');
      const bad = unparsable();
      partialAfterKill += bad.length;
      expect(bad).toEqual([]);
      runs.push({ args: k === 0 ? '' : '--resume', killedAfter: target, newResults: visibleResults().length - before, tempLeft: tempFiles().length });
    }

    const before = visibleResults().length;
    const last = await start(['--resume']).done;
    expect(last.code, last.err).toBe(1); // the broken lines
    runs.push({ args: '--resume', newResults: visibleResults().length - before, tempLeft: tempFiles().length });

    // every result file: complete, valid, named after its own id
    const resultIds = new Map<string, number>();
    let invalid = 0;
    for (const f of visibleResults()) {
      const parsed = resultSchema.safeParse(JSON.parse(readFileSync(path.join(OUT, f), 'utf8')));
      if (!parsed.success || `${parsed.data.id}.json` !== f) invalid++;
      else resultIds.set(parsed.data.id!, (resultIds.get(parsed.data.id!) ?? 0) + 1);
    }
    const errorIds = new Map<string, number>();
    for (const line of readFileSync(path.join(OUT, 'errors.jsonl'), 'utf8').trim().split('\n')) {
      const { id } = JSON.parse(line) as { id: string };
      errorIds.set(id, (errorIds.get(id) ?? 0) + 1);
    }
    const expectedSet = new Set(expectedIds);
    const outcomes = (id: string) => (resultIds.get(id) ?? 0) + (errorIds.get(id) ?? 0);
    const lost = expectedIds.filter((id) => outcomes(id) === 0);
    const duplicated = expectedIds.filter((id) => outcomes(id) > 1);
    const unexpected = [...resultIds.keys(), ...errorIds.keys()].filter((id) => !expectedSet.has(id));
    const others = readdirSync(OUT).filter((f) => !f.endsWith('.json') && f !== 'errors.jsonl' && f !== '.partial');

    const table = [
      '| run | arguments | killed after (new results) | new results | temp files in .partial |',
      '|---|---|---|---|---|',
      ...runs.map((r, i) => `| ${i + 1} | ${r.args || '(first run)'} | ${r.killedAfter === undefined ? 'not killed' : `SIGKILL at ≥${r.killedAfter}`} | ${r.newResults} | ${r.tempLeft} |`),
      '',
      '| runs | kills | articles (input lines) | results | error records | lost | duplicated | partial after a kill | invalid results |',
      '|---|---|---|---|---|---|---|---|---|',
      `| ${runs.length} | ${KILLS} | ${expectedIds.length} | ${resultIds.size} | ${errorIds.size} | ${lost.length} | ${duplicated.length} | ${partialAfterKill} | ${invalid} |`,
    ].join('\n');
    console.log(`\nfault injection (seed ${SEED}):\n${table}\n`);

    expect({ lost, duplicated, unexpected, invalid, others }).toEqual({ lost: [], duplicated: [], unexpected: [], invalid: 0, others: [] });
    expect(resultIds.size).toBe(ARTICLES);
    expect(errorIds.size).toBe(expectedIds.length - ARTICLES);
    // temp files stay in the hidden folder; a later run deletes them once 10 minutes old
    expect(tempFiles().every((f) => f.endsWith('.tmp'))).toBe(true);
  }, 90_000);
});
