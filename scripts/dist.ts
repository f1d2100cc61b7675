/**
 * Dev tooling shared by the tests and the benches that run the built CLI: is dist/
 * older than src/, and build it (tsc -p tsconfig.build.json) when it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time under a folder (bounded: the source tree is small). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/** dist/cli/main.js exists and is no older than anything in src/. */
export function distIsFresh(repo: string): boolean {
  const cli = path.join(repo, 'dist/cli/main.js');
  return existsSync(cli) && statSync(cli).mtimeMs >= newest(path.join(repo, 'src'));
}

/** Build dist/ with the project's own TypeScript. */
export function buildDist(repo: string, stdio: 'pipe' | 'inherit'): void {
  execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repo, stdio, timeout: 300_000 });
}
