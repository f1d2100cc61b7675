/**
 * Where the external benchmark data lives and how it is read. The data is never
 * copied into the project: it is read at run time from ../shared/benchmarks,
 * resolved against the repository root, and a missing folder stops the run with
 * a message saying where it was looked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: bench/quality/ is two levels below it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export class MissingDataError extends Error {
  override name = 'MissingDataError';
}

/** The benchmarks folder (../shared/benchmarks from the repo root, or $ZHX_BENCHMARKS). */
export function benchmarksDir(): string {
  const dir = path.resolve(REPO_ROOT, process.env.ZHX_BENCHMARKS ?? '../shared/benchmarks');
  if (!existsSync(path.join(dir, 'README.md'))) {
    throw new MissingDataError(
      `benchmark data not found: looked for ${dir} (../shared/benchmarks relative to the repository root ${REPO_ROOT}). ` +
        'Put the shared benchmarks there or point ZHX_BENCHMARKS at them.',
    );
  }
  return dir;
}

/** Every record of one JSONL file under the benchmarks folder. */
export function readJsonl<T>(relative: string): T[] {
  const file = path.join(benchmarksDir(), relative);
  if (!existsSync(file)) throw new MissingDataError(`benchmark file not found: ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (e) {
        throw new MissingDataError(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      }
    });
}

/** A span mention as the NER sets (CLUENER, MSRA) store it. */
export interface NerMention {
  type: string;
  start: number;
  end: number;
  text: string;
}
export interface NerRecord {
  id: string;
  text: string;
  mentions: NerMention[];
}
