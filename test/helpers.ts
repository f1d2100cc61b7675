/** Shared test helpers: repo paths and one extractor per process (rules and jieba load once). */
import path from 'node:path';
import { buildDist, distIsFresh } from '../scripts/dist.js';
import { fileURLToPath } from 'node:url';
import { createExtractor, type Extractor } from '../src/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(REPO, '../shared');

let withLexicon: Extractor | undefined;
let withoutLexicon: Extractor | undefined;

export function extractor(useLexicon = true): Extractor {
  if (useLexicon) return (withLexicon ??= createExtractor());
  return (withoutLexicon ??= createExtractor({ useLexicon: false }));
}

/**
 * Tests that run the CLI as a process use dist/: build it when missing or older than src/
 * (CI builds it in `npm ci`, through the prepare script).
 */
export function ensureDistBuilt(): string {
  if (distIsFresh(REPO)) return path.join(REPO, 'dist/cli/main.js');
  try {
    buildDist(REPO, 'pipe');
  } catch (err) {
    throw new Error(`dist/ is missing or stale and "tsc -p tsconfig.build.json" failed; run npm run build:\n${(err as { stdout?: Buffer }).stdout ?? err}`);
  }
  return path.join(REPO, 'dist/cli/main.js');
}
