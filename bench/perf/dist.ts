/**
 * The perf bench measures the built JavaScript in dist/, as users run it
 * (tsx-compiled sources carry extra helpers, and worker threads would need a
 * loader). dist/ is rebuilt first when it is missing or older than src/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './corpus.js';

export const CLI = path.join(REPO, 'dist/cli/main.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

let checked = false;
export function ensureDist(log: (s: string) => void = console.error): void {
  if (checked) return;
  checked = true;
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest(path.join(REPO, 'src'))) return;
  log('dist/ is missing or older than src/: building it (tsc -p tsconfig.build.json) ...');
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit', timeout: 300_000 });
}

/** import a module from dist/, typed as its source twin */
export async function loadDist<T>(file: string): Promise<T> {
  ensureDist();
  return (await import(pathToFileURL(path.join(REPO, 'dist', file)).href)) as T;
}
