/** Shared test helpers: repo paths and one extractor per process (rules and jieba load once). */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** The newest modification time under a folder (bounded: the source tree is small). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/**
 * Tests that run the CLI as a process use dist/: build it when missing or older than src/
 * (CI builds it in `npm ci`, through the prepare script).
 */
export function ensureDistBuilt(): string {
  const cli = path.join(REPO, 'dist/cli/main.js');
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(path.join(REPO, 'src'))) return cli;
  try {
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'pipe', timeout: 180_000 });
  } catch (err) {
    throw new Error(`dist/ is missing or stale and "tsc -p tsconfig.build.json" failed; run npm run build:\n${(err as { stdout?: Buffer }).stdout ?? err}`);
  }
  return cli;
}
