/**
 * A worker thread that dies (issue 5): the pool replaces it, the article is retried
 * once on a fresh thread, then recorded in errors.jsonl; every other article still
 * gets its result, identical to a run without the crash, and the exit status is 1.
 * The crash is made by the test-only hook ZHX_TEST_CRASH_ON in src/batch/worker.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runExtract } from '../src/cli/extract.js';
import { generateArticles, toJsonl } from './batchFixtures.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zhx-faults-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// two articles kill their thread; with several tasks queued per thread, others often share it
const articles = generateArticles(24, 2).map((a, i) => (i === 5 || i === 17 ? { ...a, id: `${a.id}-crash` } : a));
writeFileSync(path.join(tmp, 'in.jsonl'), toJsonl(articles));

async function zhx(argv: string[], env: Record<string, string> = {}) {
  let err = '';
  Object.assign(process.env, env); // read by pool threads as they start (they copy the environment)
  try {
    const code = await runExtract(argv, { stdout: () => undefined, stderr: (s) => (err += `${s}\n`), stdin: Readable.from([]), cwd: tmp });
    return { code, err };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
  }
}

describe('a worker thread that dies', () => {
  let reference: Map<string, unknown>;

  it('is replaced, its article retried once then recorded, the others all extracted', async () => {
    await zhx(['--jsonl', 'in.jsonl', '--output-jsonl', 'ref.jsonl', '--workers', '0', '-q']);
    const lines = readFileSync(path.join(tmp, 'ref.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    reference = new Map(lines.map((r) => [r.id, r]));
    expect(reference.size).toBe(24);

    for (const mode of ['throw', 'exit']) {
      const out = path.join(tmp, `out-${mode}`);
      const r = await zhx(['--jsonl', 'in.jsonl', '--out', out, '--workers', '2', '-q'], { ZHX_TEST_CRASH_ON: '-crash', ZHX_TEST_CRASH_MODE: mode });
      expect(r.code, r.err).toBe(1);
      const reason = mode === 'exit' ? 'worker exited with code: 70' : 'test crash on in.jsonl:\\d+ \\(ZHX_TEST_CRASH_ON\\)';
      const errors = readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(errors.map((e) => e.id)).toEqual(['a00005-crash', 'a00017-crash']);
      for (const e of errors) {
        expect(e.message).toMatch(new RegExp(`^in\\.jsonl:\\d+: the extraction thread died on this article twice \\(${reason}; then ${reason}\\); not retried again$`));
      }
      // each culprit was retried; any innocent article that shared its thread was retried too, and succeeded
      expect(r.err).toMatch(/warning: in\.jsonl:6: the extraction thread died .*; retrying the article once on a fresh thread/);
      const results = readdirSync(out).filter((f) => f.endsWith('.json'));
      expect(results).toHaveLength(22);
      for (const f of results) {
        const result = JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { id: string };
        expect(`${result.id}.json`).toBe(f);
        expect(result).toEqual(reference.get(result.id));
      }
      expect(existsSync(path.join(out, '.partial'))).toBe(false);
    }
  }, 120_000);
});
