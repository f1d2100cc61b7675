/**
 * Output safety (issue 5): ids from JSON Lines and file names never make a path
 * outside --out, writes are whole or absent, and symbolic links in input folders
 * are followed only with --follow-symlinks. One `it` per class of hostile input,
 * so the counts in docs/faults.md are the test names.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runExtract } from '../src/cli/extract.js';
import { PARTIAL_DIR, removeStaleTemps, writeFileAtomic } from '../src/batch/atomicWrite.js';
import { scratchDirs, toJsonl } from './batchFixtures.js';

const freshDir = scratchDirs('zhx-faults-out-');

const TEXT = '百川智能创始人王小川宣布，公司于2024年4月完成5亿美元A轮融资。';

async function zhx(argv: string[], cwd: string) {
  let err = '';
  const code = await runExtract([...argv, '--workers', '0', '-q'], {
    stdout: () => undefined,
    stderr: (s) => (err += `${s}\n`),
    stdin: Readable.from([]),
    cwd,
  });
  return { code, err };
}

/** Every file under dir, relative, sorted (links listed, not followed). */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const errorsOf = (out: string): { id: string; message: string }[] =>
  existsSync(path.join(out, 'errors.jsonl')) ? readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];

/**
 * Run JSONL ids through `zhx extract --out`, then check: nothing outside out/,
 * exactly the expected files (each holding its own id's result) and errors.
 */
async function idsTo(ids: string[], files: Record<string, string>, errors: Record<string, RegExp> = {}) {
  const dir = freshDir();
  writeFileSync(path.join(dir, 'in.jsonl'), toJsonl(ids.map((id) => ({ id, text: TEXT }))));
  const r = await zhx(['--jsonl', 'in.jsonl', '--out', 'out'], dir);
  expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out']);
  const out = path.join(dir, 'out');
  const expected = Object.values(files);
  if (Object.keys(errors).length > 0) expected.push('errors.jsonl');
  expect(listFiles(out)).toEqual(expected.sort());
  for (const [id, file] of Object.entries(files)) expect(JSON.parse(readFileSync(path.join(out, file), 'utf8')).id).toBe(id);
  const got = errorsOf(out);
  expect(got.map((e) => e.id).sort()).toEqual(Object.keys(errors).sort());
  for (const e of got) expect(e.message).toMatch(errors[e.id]!);
  expect(r.code).toBe(got.length > 0 ? 1 : 0);
}

describe('output names: every class of hostile id stays inside --out', () => {
  it('parent-folder steps (../) are dropped', () =>
    idsTo(['../escape', '../../etc/passwd', 'a/../../b', './../x/./y', '..'], {
      '../escape': 'escape.json', '../../etc/passwd': 'etc/passwd.json', 'a/../../b': 'a/b.json', './../x/./y': 'x/y.json', '..': '_.json',
    }));

  it('absolute paths (POSIX, drive letters, UNC) become relative names', () =>
    idsTo(['/abs/olute', 'C:\\Windows\\win.ini', '\\\\server\\share\\x', '//double/slash'], {
      '/abs/olute': 'abs/olute.json', 'C:\\Windows\\win.ini': 'C__Windows_win.ini.json', '\\\\server\\share\\x': '__server_share_x.json', '//double/slash': 'double/slash.json',
    }));

  it('NUL and other control characters are replaced', () =>
    idsTo(['x\u0000y', 'tab\there\nnl', 'bell\u0007\u007f', 'q?<>|*"'], {
      'x\u0000y': 'x_y.json', 'tab\there\nnl': 'tab_here_nl.json', 'bell\u0007\u007f': 'bell__.json', 'q?<>|*"': 'q______.json',
    }));

  it('Windows device names get a "_" in front, whatever their case or extension', () =>
    idsTo(['CON', 'nul.txt', 'com1', 'LPT9.log', 'conin$', 'com¹', 'sub/AUX', 'CONTRACT'], {
      CON: '_CON.json', 'nul.txt': '_nul.txt.json', com1: '_com1.json', 'LPT9.log': '_LPT9.log.json', conin$: '_conin$.json', 'com¹': '_com¹.json', 'sub/AUX': 'sub/_AUX.json', CONTRACT: 'CONTRACT.json',
    }));

  it('trailing dots and spaces (dropped by Windows) are kept as "_"', () =>
    idsTo(['dots...', 'space ', 'CON .'], { 'dots...': 'dots___.json', 'space ': 'space_.json', 'CON .': 'CON__.json' }));

  it('very long names are cut to 200 bytes plus a hash, and stay distinct', async () => {
    const a = '长'.repeat(300);
    const b = `${'长'.repeat(299)}短`;
    const c = 'x'.repeat(5000);
    const dir = freshDir();
    writeFileSync(path.join(dir, 'in.jsonl'), toJsonl([a, b, c].map((id) => ({ id, text: TEXT }))));
    expect((await zhx(['--jsonl', 'in.jsonl', '--out', 'out'], dir)).code).toBe(0);
    const files = listFiles(path.join(dir, 'out'));
    expect(files).toHaveLength(3);
    for (const f of files) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(205);
    const ids = files.map((f) => JSON.parse(readFileSync(path.join(dir, 'out', f), 'utf8')).id).sort();
    expect(ids).toEqual([a, b, c].sort());
  });

  it('nesting too deep for a path is an error record, the rest goes on', () =>
    idsTo([`${'a/'.repeat(600)}x`, 'fine'], { fine: 'fine.json' }, { [`${'a/'.repeat(600)}x`]: /output name too long: 1201 bytes/ }));

  it('the temp folder cannot be named, so its cleanup never deletes a result', () =>
    idsTo(['.partial/x', '.PARTIAL/y', '.partial'], { '.partial/x': '_.partial/x.json', '.PARTIAL/y': '_.PARTIAL/y.json', '.partial': '.partial.json' }));

  it('ids that would share one file (also by case or Unicode form) are error records, not overwrites', () =>
    idsTo(['Report', 'report', '\u00e9', 'e\u0301', '.', ' /'], { Report: 'Report.json', '\u00e9': '\u00e9.json', '.': '_.json' }, {
      report: /already used by in\.jsonl:1/, 'e\u0301': /already used by in\.jsonl:3/, ' /': /already used by in\.jsonl:5/,
    }));

  it('file names from an input folder are made safe the same way', async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'in'));
    const long = `${'长'.repeat(80)}.txt`; // 244 bytes: a legal file name, too long for an output name
    for (const name of ['CON.txt', 'a:b?.txt', 'trail. .txt', '..txt', long]) writeFileSync(path.join(dir, 'in', name), TEXT);
    expect((await zhx(['in', '--out', 'out'], dir)).code).toBe(0);
    const files = listFiles(path.join(dir, 'out'));
    expect(files.filter((f) => !f.startsWith('长'))).toEqual(['_.json', '_CON.json', 'a_b_.json', 'trail__.json']);
    expect(files.filter((f) => f.startsWith('长'))).toEqual([expect.stringMatching(/^长+~[0-9a-f]{12}\.json$/)]);
  });
});

describe('atomic writes', () => {
  it('a write that fails leaves neither the result nor its temp file', async () => {
    const out = freshDir();
    mkdirSync(path.join(out, 'taken.json')); // rename onto a folder fails
    await expect(writeFileAtomic(out, path.join(out, 'taken.json'), '{}')).rejects.toThrow();
    expect(readdirSync(path.join(out, PARTIAL_DIR))).toEqual([]);
    await writeFileAtomic(out, path.join(out, 'ok.json'), '{"a":1}');
    expect(readFileSync(path.join(out, 'ok.json'), 'utf8')).toBe('{"a":1}');
  });

  it('temp files a killed run left are removed by a later run once old, never fresh ones', async () => {
    const dir = freshDir();
    const partial = path.join(dir, 'out', PARTIAL_DIR);
    mkdirSync(partial, { recursive: true });
    for (const name of ['old.tmp', 'fresh.tmp']) writeFileSync(path.join(partial, name), '{"half');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(path.join(partial, 'old.tmp'), hourAgo, hourAgo);
    expect(await removeStaleTemps(path.join(dir, 'out'))).toBe(1);
    expect(readdirSync(partial)).toEqual(['fresh.tmp']);
    // a run removes old ones on start, and the folder itself once empty
    utimesSync(path.join(partial, 'fresh.tmp'), hourAgo, hourAgo);
    writeFileSync(path.join(dir, 'in.jsonl'), toJsonl([{ id: 'a', text: TEXT }]));
    expect((await zhx(['--jsonl', 'in.jsonl', '--out', 'out'], dir)).code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['a.json']);
  });
});

describe('symbolic links in input folders', () => {
  /**
   * in/c.txt, in/real/a.txt, in/real/sub/b.txt, and links: in/a/early -> ../real (met
   * before real/), in/linkdir -> real, in/linkfile.txt -> real/a.txt, in/ext -> a
   * folder outside in/, in/broken.txt -> nothing, in/real/loop -> .. (a loop), and
   * in/notes.md -> c.txt (not an article name, so not worth a word).
   */
  function tree() {
    const dir = freshDir();
    for (const f of ['in/c.txt', 'in/real/a.txt', 'in/real/sub/b.txt', 'outside/e.txt']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), TEXT);
    }
    mkdirSync(path.join(dir, 'in/a'));
    const links: [string, string][] = [
      ['../real', 'in/a/early'], ['real', 'in/linkdir'], ['real/a.txt', 'in/linkfile.txt'], ['../outside', 'in/ext'],
      ['missing.txt', 'in/broken.txt'], ['..', 'in/real/loop'], ['c.txt', 'in/notes.md'],
    ];
    for (const [target, link] of links) symlinkSync(target, path.join(dir, link));
    return dir;
  }
  const skipped = (err: string) => err.split('\n').filter((l) => l.startsWith('skipped '));

  it.each(['in', 'in/**/*.txt'])('%s: skipped by default, each named once on stderr, exit 0', async (input) => {
    const dir = tree();
    const r = await zhx([input, '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['c.json', 'real/a.json', 'real/sub/b.json']);
    const notFollowed = 'symbolic link, not followed (use --follow-symlinks)';
    expect(skipped(r.err).sort()).toEqual(
      ['in/a/early', 'in/broken.txt', 'in/ext', 'in/linkdir', 'in/linkfile.txt', 'in/real/loop'].map((l) => `skipped ${l}: ${notFollowed}`),
    );
  });

  it.each(['in', 'in/**/*.txt'])('%s --follow-symlinks: followed, a loop ends, real folders keep their names', async (input) => {
    const dir = tree();
    const r = await zhx([input, '--out', 'out', '--follow-symlinks'], dir);
    expect(r.code).toBe(0);
    // in/real is walked by its own name; in/a/early and in/linkdir lead to it again, so they are skipped
    expect(listFiles(path.join(dir, 'out'))).toEqual(['c.json', 'ext/e.json', 'linkfile.json', 'real/a.json', 'real/sub/b.json']);
    const again = 'symbolic link to a folder already walked (a loop, or a second name for it)';
    expect(skipped(r.err).sort()).toEqual([
      `skipped in/a/early: ${again}`, 'skipped in/broken.txt: broken symbolic link', `skipped in/linkdir: ${again}`, `skipped in/real/loop: ${again}`,
    ]);
  }, 20_000);

  it('a chain of links to each other ends too', async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'in/x'), { recursive: true });
    writeFileSync(path.join(dir, 'in/x/a.txt'), TEXT);
    symlinkSync('../y', path.join(dir, 'in/x/toy'));
    mkdirSync(path.join(dir, 'in/y'));
    symlinkSync('../x', path.join(dir, 'in/y/tox'));
    symlinkSync('self.txt', path.join(dir, 'in/self.txt')); // a link to itself: ELOOP, reported as broken
    const r = await zhx(['in', '--out', 'out', '--follow-symlinks'], dir);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['x/a.json']);
    expect(skipped(r.err).map((l) => l.split(':')[0])).toEqual(['skipped in/self.txt', 'skipped in/x/toy', 'skipped in/y/tox']);
  }, 20_000);
});
