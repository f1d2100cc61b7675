import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandGlob, segmentRegExp } from '../src/batch/glob.js';
import { readLines } from '../src/batch/lines.js';
import { outputPath, safeRelativeName } from '../src/batch/outputPath.js';
import { runBatch, type Outcome } from '../src/batch/run.js';
import { withoutTsx, type Processor } from '../src/batch/processor.js';
import type { InputItem } from '../src/cli/inputs.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zhx-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('outputPath', () => {
  it('keeps every id inside the output folder', () => {
    const out = path.join(tmp, 'out');
    for (const id of ['..', '../x', '/etc/passwd', 'a/../../../b', '..\\..\\x', 'C:\\Windows\\x', '\u0000', '', '././.']) {
      expect(outputPath(out, id).startsWith(out + path.sep)).toBe(true);
    }
  });

  it('renames device names and names Windows would change, keeps ordinary ones', () => {
    expect(safeRelativeName('CON')).toBe('_CON');
    expect(safeRelativeName('lpt9.log')).toBe('_lpt9.log');
    expect(safeRelativeName('CONTRACT')).toBe('CONTRACT');
    expect(safeRelativeName('a. ')).toBe('a__');
    expect(safeRelativeName('2024/05/百川智能')).toBe('2024/05/百川智能');
  });

  it('shortens very long names but keeps them distinct', () => {
    const a = safeRelativeName('长'.repeat(300));
    const b = safeRelativeName(`${'长'.repeat(299)}短`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
  });
});

describe('withoutTsx (threads running the built dist/ from a tsx process)', () => {
  it("drops tsx's loader flags in every spelling and keeps the rest", () => {
    expect(withoutTsx(['--require', '/x/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///x/node_modules/tsx/dist/loader.mjs'])).toEqual([]);
    expect(withoutTsx(['--import', 'tsx', '--max-old-space-size=4096'])).toEqual(['--max-old-space-size=4096']);
    expect(withoutTsx(['--import=tsx', '--enable-source-maps', '--import', './other-hook.mjs'])).toEqual(['--enable-source-maps', '--import', './other-hook.mjs']);
  });
});

describe('glob', () => {
  it('translates one segment', () => {
    expect(segmentRegExp('*.txt').test('a.txt')).toBe(true);
    expect(segmentRegExp('*.txt').test('.hidden.txt')).toBe(false);
    expect(segmentRegExp('a?[0-9][!x].{txt,md}').test('ab1y.md')).toBe(true);
    expect(segmentRegExp('a?[0-9][!x].{txt,md}').test('ab1x.md')).toBe(false);
    expect(segmentRegExp('a+(b).txt').test('a+(b).txt')).toBe(true);
  });

  it('walks ** and matching folders, sorted, .txt only', async () => {
    const root = path.join(tmp, 'g');
    for (const f of ['x/1.txt', 'x/y/2.txt', 'x/y/z/3.txt', 'x/y/notes.md', 'w/4.txt', 'x/.git/5.txt']) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), '');
    }
    const list = async (pattern: string) => {
      const { base, files } = expandGlob(pattern, root);
      const out: string[] = [];
      for await (const f of files) out.push(path.relative(base, f));
      return out;
    };
    expect(await list('x/**/*.txt')).toEqual(['1.txt', 'y/2.txt', 'y/z/3.txt']);
    expect(await list('*')).toEqual(['w/4.txt', 'x/1.txt', 'x/y/2.txt', 'x/y/z/3.txt']);
    expect(await list('x/**/**/z/*')).toEqual(['y/z/3.txt']);
    expect(await list('nope/*.txt').catch(() => ['error'])).toEqual(['error']);
  });
});

describe('readLines', () => {
  async function collect(chunks: (string | Buffer)[], max = 100) {
    const out = [];
    for await (const line of readLines((async function* () { yield* chunks; })(), max)) out.push(line);
    return out;
  }

  it('splits across chunks, inside a multi-byte character, with CRLF and no final newline', async () => {
    const bytes = Buffer.from('第一行\r\n第二行\n\nlast');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 11), bytes.subarray(11)];
    expect(await collect(chunks)).toEqual([
      { lineNo: 1, text: '第一行' }, { lineNo: 2, text: '第二行' }, { lineNo: 3, text: '' }, { lineNo: 4, text: 'last' },
    ]);
  });

  it('reports an over-long line without keeping it, and goes on', async () => {
    const lines = await collect(['x'.repeat(60), 'x'.repeat(60), 'x'.repeat(60), '\nnext\n'], 100);
    expect(lines).toEqual([{ lineNo: 1, tooLong: 180 }, { lineNo: 2, text: 'next' }]);
  });
});

describe('runBatch', () => {
  it('pulls input only as results are handed over: in flight never exceeds the window', async () => {
    let pulled = 0;
    let emitted = 0;
    let maxInFlight = 0;
    async function* items(): AsyncGenerator<InputItem> {
      for (let i = 0; i < 5000; i++) {
        pulled++;
        maxInFlight = Math.max(maxInFlight, pulled - emitted);
        yield { id: String(i), source: `s${i}`, relativeName: String(i), text: i === 1234 ? 'bad' : 'ok' };
      }
    }
    const processor: Processor = {
      threads: 2,
      // finish out of order, to exercise the reorder buffer
      run: async (task) => {
        await new Promise((r) => setTimeout(r, Number(task.source.slice(1)) % 3));
        return task.text === 'bad' ? { ok: false, message: 'bad article' } : { ok: true, chars: 2, counts: { company: 0, person: 0, money: 0, date: 0 } };
      },
      close: async () => undefined,
    };
    const seen: string[] = [];
    await runBatch(items(), {
      processor,
      window: 8,
      toTask: (a) => ({ source: a.source, text: a.text!, want: {} }),
      onOutcome: (o: Outcome) => {
        emitted++;
        seen.push(o.kind === 'failed' ? `!${o.error.id}` : o.article.id);
      },
    });
    expect(seen).toHaveLength(5000);
    expect(seen[1234]).toBe('!1234');
    expect(seen.filter((s, i) => s !== (i === 1234 ? '!1234' : String(i)))).toEqual([]);
    expect(maxInFlight).toBeLessThanOrEqual(9);
  });

  it('also bounds the characters in flight, letting one big article through alone', async () => {
    let pulled = 0;
    let emitted = 0;
    let maxInFlight = 0;
    const sizes = [1000, 1000, 1000, 1000, 50_000, 1000, 1000, 1000, 1000, 1000];
    async function* items(): AsyncGenerator<InputItem> {
      for (const [i, n] of sizes.entries()) {
        pulled++;
        maxInFlight = Math.max(maxInFlight, pulled - emitted);
        yield { id: String(i), source: `s${i}`, relativeName: String(i), text: 'x'.repeat(n) };
      }
    }
    const processor: Processor = {
      threads: 1,
      run: async (task) => {
        await new Promise((r) => setTimeout(r, 2));
        return { ok: true, chars: task.text!.length, counts: { company: 0, person: 0, money: 0, date: 0 } };
      },
      close: async () => undefined,
    };
    await runBatch(items(), { processor, window: 100, maxChars: 2500, toTask: (a) => ({ source: a.source, text: a.text!, want: {} }), onOutcome: () => void emitted++ });
    expect(emitted).toBe(sizes.length);
    expect(maxInFlight).toBeLessThanOrEqual(4);
  });
});
