/** `--max-bytes`: an article over the limit is an error record naming the limit; the rest go on. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, ensureDistBuilt } from './helpers.js';

ensureDistBuilt();
const dir = mkdtempSync(path.join(tmpdir(), 'zhx-maxbytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zhx extract --max-bytes', () => {
  it('refuses a larger article with a clear error record and extracts the others', () => {
    const input = path.join(dir, 'in');
    spawnSync('mkdir', ['-p', input]);
    writeFileSync(path.join(input, 'big.txt'), '腾讯宣布完成融资。'.repeat(400));
    writeFileSync(path.join(input, 'small.txt'), '腾讯宣布以 5 亿元收购一家公司。');
    const out = path.join(dir, 'out');
    const run = spawnSync('node', [path.join(REPO, 'dist/cli/main.js'), 'extract', input, '--out', out, '--max-bytes', '2K', '-q', '--workers', '0'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(existsSync(path.join(out, 'small.json'))).toBe(true);
    expect(existsSync(path.join(out, 'big.json'))).toBe(false);
    const errors = readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/big\.txt: too large: \d+ bytes \(limit 2048; raise it with --max-bytes\)/);
  });

  it('rejects a malformed size as a usage error', () => {
    const run = spawnSync('node', [path.join(REPO, 'dist/cli/main.js'), 'extract', '--max-bytes', 'lots', path.join(REPO, 'corpus')], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--max-bytes: "lots" is not a size/);
  });
});
