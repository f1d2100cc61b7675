/**
 * The perf bench measures the built JavaScript in dist/, as users run it
 * (tsx-compiled sources carry extra helpers, and worker threads would need a
 * loader). dist/ is rebuilt first when it is missing or older than src/.
 */
import { buildDist, distIsFresh } from '../../scripts/dist.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './corpus.js';

export const CLI = path.join(REPO, 'dist/cli/main.js');

let checked = false;
export function ensureDist(log: (s: string) => void = console.error): void {
  if (checked) return;
  checked = true;
  if (distIsFresh(REPO)) return;
  log('dist/ is missing or older than src/: building it (tsc -p tsconfig.build.json) ...');
  buildDist(REPO, 'inherit');
}

/** import a module from dist/, typed as its source twin */
export async function loadDist<T>(file: string): Promise<T> {
  ensureDist();
  return (await import(pathToFileURL(path.join(REPO, 'dist', file)).href)) as T;
}
