/**
 * Used as a library from elsewhere: `npm pack`, install the tarball into an empty
 * project, and from a different working directory import zh-news-extract and
 * extract the seed article. Rules and dictionaries must ship inside the package and
 * be found relative to the module, never to the caller's cwd.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'zhx-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm package', () => {
  it('installs from its tarball and extracts the seed article from another directory', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' }));
    const tarball = path.join(work, packed[0].filename as string);
    const files = (packed[0].files as { path: string }[]).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'rules/company/lexicon.yaml']));
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);

    const project = path.join(work, 'consumer');
    execFileSync('mkdir', ['-p', project]);
    // npm 11 runs a dependency's install script only when allowed: nodejieba builds its binding
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', allowScripts: { nodejieba: true } }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, stdio: 'pipe', timeout: 300_000 });

    copyFileSync(path.join(REPO, 'corpus/000_774273c1435614fb.txt'), path.join(work, 'seed.txt'));
    writeFileSync(path.join(project, 'run.mjs'), [
      "import { readFileSync } from 'node:fs';",
      "import { createExtractor } from 'zh-news-extract';",
      "const text = readFileSync(process.argv[2], 'utf8');",
      "const result = createExtractor().extract(text, { refDate: '2024-04' });",
      "console.log(JSON.stringify(result));",
    ].join('\n'));
    // run from an unrelated directory: nothing may be looked up relative to the cwd
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'zhx-cwd-'));
    const out = execFileSync('node', [path.join(project, 'run.mjs'), path.join(work, 'seed.txt')], { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 });
    rmSync(elsewhere, { recursive: true, force: true });
    const result = JSON.parse(out);
    const committed = JSON.parse(readFileSync(path.join(REPO, 'output/000_774273c1435614fb.json'), 'utf8'));
    expect(result.mentions).toEqual(committed.mentions);
  }, 400_000);
});
