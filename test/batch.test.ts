import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runExtract } from '../src/cli/extract.js';
import { generateArticles, scratchDirs, toJsonl } from './batchFixtures.js';

const freshDir = scratchDirs('zhx-batch-');

async function zhx(argv: string[], cwd: string, stdin = '') {
  const out: string[] = [];
  let err = '';
  const code = await runExtract(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => (err += `${s}\n`),
    stdin: Readable.from([Buffer.from(stdin)]),
    cwd,
  });
  return { code, out: out.join('\n'), lines: out, err };
}

/** Every file under dir, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  ).sort();
}

describe('zhx extract: JSON Lines', () => {
  it('streams JSONL in and out in input order, ids carried, a bad line becomes an error record', async () => {
    const dir = freshDir();
    const articles = generateArticles(12, 2);
    const lines = toJsonl(articles).split('\n');
    lines.splice(5, 0, '{"id": "broken", "text": 12'); // invalid JSON in the middle
    writeFileSync(path.join(dir, 'in.jsonl'), lines.join('\n'));
    const r = await zhx(['--jsonl', 'in.jsonl', '--workers', '0', '--ref-date', '2024-04'], dir);
    expect(r.code).toBe(1);
    const records = r.lines.map((l) => JSON.parse(l));
    expect(records).toHaveLength(13);
    expect(records[5]).toMatchObject({ id: '6', source: expect.stringContaining('in.jsonl:6') });
    expect(records[5].error).toMatch(/JSON/);
    const results = records.filter((x) => x.error === undefined);
    expect(results.map((x) => x.id)).toEqual(articles.map((a) => a.id));
    expect(results.every((x) => x.refDate === '2024-04' && Array.isArray(x.mentions))).toBe(true);
    expect(r.err).toMatch(/12 article\(s\) extracted, 0 skipped, 1 failed/);
  });

  it('reads JSONL from stdin and writes it to a file with --output-jsonl; errors go to --errors', async () => {
    const dir = freshDir();
    const input = toJsonl(generateArticles(3, 1)) + '{"id":"x","text":null}\n';
    const r = await zhx(['--jsonl', '-', '--output-jsonl', 'res/out.jsonl', '--errors', 'err.jsonl', '--workers', '0', '-q'], dir, input);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(readFileSync(path.join(dir, 'res/out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a00000', 'a00001', 'a00002']);
    expect(JSON.parse(readFileSync(path.join(dir, 'err.jsonl'), 'utf8'))).toEqual({ id: '4', source: 'stdin:4', message: 'stdin:4: "text" must be a string' });
  });

  it('prints one article as pretty JSON, and exits 0 when nothing failed', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'one.txt'), generateArticles(1)[0]!.text);
    const r = await zhx(['one.txt', '--workers', '0', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(r.out)).toMatchObject({ doc: 'one.txt', script: expect.any(String) });
    const compact = await zhx(['one.txt', '--workers', '0', '-q', '--output-jsonl', '-'], dir);
    expect(compact.lines).toHaveLength(1);
    expect(JSON.parse(compact.out)).toEqual(JSON.parse(r.out));
  });
});

describe('zhx extract: files and --out', () => {
  function corpus() {
    const dir = freshDir();
    const articles = generateArticles(6, 2);
    mkdirSync(path.join(dir, 'in/2024/05'), { recursive: true });
    articles.forEach((a, i) => writeFileSync(path.join(dir, i < 3 ? 'in' : 'in/2024/05', `${a.id}.txt`), a.text));
    writeFileSync(path.join(dir, 'in/a00001.meta.json'), '{"refDate": "2023-01-02"}');
    // a binary file in the middle of the folder: its own error, the rest goes on
    writeFileSync(path.join(dir, 'in/a00001b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
    return dir;
  }

  it('writes one JSON per article under --out (subfolders kept), errors to errors.jsonl, exit 1', async () => {
    const dir = corpus();
    const r = await zhx(['in', '--out', 'out', '--workers', '0'], dir);
    expect(r.code).toBe(1);
    expect(listFiles(path.join(dir, 'out'))).toEqual([
      '2024/05/a00003.json', '2024/05/a00004.json', '2024/05/a00005.json', 'a00000.json', 'a00001.json', 'a00002.json', 'errors.jsonl',
    ]);
    const one = JSON.parse(readFileSync(path.join(dir, 'out/a00001.json'), 'utf8'));
    expect(one).toMatchObject({ doc: 'in/a00001.txt', refDate: '2023-01-02' });
    const errors = readFileSync(path.join(dir, 'out/errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([{ id: 'a00001b', source: 'in/a00001b.txt', message: expect.stringMatching(/^in\/a00001b\.txt: .*binary/) }]);
    expect(r.err).toMatch(/6 article\(s\) extracted, 0 skipped, 1 failed/);
  });

  it('expands glob patterns itself (for shells that do not)', async () => {
    const dir = corpus();
    const r = await zhx(['in/**/a0000[0-3].txt', '--output-jsonl', '-', '--workers', '0', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l).doc)).toEqual(['in/a00000.txt', 'in/a00001.txt', 'in/a00002.txt', 'in/2024/05/a00003.txt']);
    const none = await zhx(['in/*.md', '--workers', '0', '-q'], dir);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no \.txt file matches/);
  });

  it('--resume skips articles whose result exists and redoes the missing and failed ones', async () => {
    const dir = corpus();
    await zhx(['in', '--out', 'out', '--workers', '0', '-q'], dir);
    const out = path.join(dir, 'out');
    rmSync(path.join(out, '2024/05/a00004.json'));
    writeFileSync(path.join(out, 'a00000.json'), '"left alone"\n');
    const before = statSync(path.join(out, 'a00002.json')).mtimeMs;
    const r = await zhx(['in', '--out', 'out', '--resume', '--workers', '0'], dir);
    expect(r.code).toBe(1); // the binary file fails again
    expect(r.err).toMatch(/1 article\(s\) extracted, 5 skipped, 1 failed/);
    expect(readFileSync(path.join(out, 'a00000.json'), 'utf8')).toBe('"left alone"\n');
    expect(statSync(path.join(out, 'a00002.json')).mtimeMs).toBe(before);
    expect(JSON.parse(readFileSync(path.join(out, '2024/05/a00004.json'), 'utf8')).doc).toBe('in/2024/05/a00004.txt');
    expect(readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(out, '.partial'))).toBe(false);
  });

  it('refuses --resume without --out and a bad --workers', async () => {
    const dir = freshDir();
    await expect(zhx(['x.txt', '--resume'], dir)).rejects.toThrow(/--resume needs --out/);
    await expect(zhx(['x.txt', '--workers', 'many'], dir)).rejects.toThrow(/--workers/);
  });
});

describe('zhx extract: output names never leave --out', () => {
  it('keeps hostile JSONL ids inside the folder and flags ids that collide', async () => {
    const dir = freshDir();
    const hostile = ['../escape', '../../etc/passwd', '/abs/olute', 'a/../../b', '..\\..\\win', 'CON', 'nul.txt', 'com1', 'x\u0000y', 'dots...', ' ', 'ok/nested'];
    const text = generateArticles(1, 1)[0]!.text;
    const input = toJsonl([...hostile, 'ok/nested'].map((id) => ({ id, text })));
    writeFileSync(path.join(dir, 'in.jsonl'), input);
    const r = await zhx(['--jsonl', 'in.jsonl', '--out', 'out', '--workers', '0', '-q'], dir);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out']); // nothing written beside out
    const files = listFiles(path.join(dir, 'out'));
    expect(files).toEqual([
      '_.json', '_CON.json', '_com1.json', '_nul.txt.json', '.._.._win.json', 'a/b.json', 'abs/olute.json', 'dots___.json',
      'errors.jsonl', 'escape.json', 'etc/passwd.json', 'ok/nested.json', 'x_y.json',
    ].sort());
    // the second "ok/nested" would overwrite the first: it is an error record instead
    expect(r.code).toBe(1);
    const errors = readFileSync(path.join(dir, 'out/errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([expect.objectContaining({ id: 'ok/nested', message: expect.stringMatching(/already used by in\.jsonl:12/) })]);
    // each file holds the result of its own id
    expect(JSON.parse(readFileSync(path.join(dir, 'out/etc/passwd.json'), 'utf8')).id).toBe('../../etc/passwd');
  });
});

describe('zhx extract: worker threads', () => {
  it('gives the same results with 2 worker threads as on the main thread', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'in.jsonl'), toJsonl(generateArticles(16, 2)) + 'not json\n');
    const inline = await zhx(['--jsonl', 'in.jsonl', '--workers', '0', '-q'], dir);
    const pooled = await zhx(['--jsonl', 'in.jsonl', '--workers', '2', '-q'], dir);
    expect(pooled.code).toBe(1);
    expect(pooled.lines).toHaveLength(17);
    expect(pooled.lines).toEqual(inline.lines);
  });

  it('stops at once with exit 2 (a thrown error) when the rules do not load', async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'rules'));
    writeFileSync(path.join(dir, 'a.txt'), '百川智能');
    await expect(zhx(['a.txt', '--rules', 'rules', '--workers', '1', '-q'], dir)).rejects.toThrow();
  });
});
