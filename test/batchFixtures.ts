/** Small generated articles for the batch and queue tests: paragraphs of the seed article, recombined. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = path.join(REPO, 'corpus/000_774273c1435614fb.txt');

export const paragraphs = (): string[] => readFileSync(SEED, 'utf8').split('\n').filter((p) => p.trim().length > 20);

/** Article i: `size` paragraphs chosen by a fixed formula, so every run sees the same corpus. */
export function generateArticles(count: number, size = 3): { id: string; text: string }[] {
  const paras = paragraphs();
  return Array.from({ length: count }, (_, i) => ({
    id: `a${String(i).padStart(5, '0')}`,
    text: Array.from({ length: size }, (_, k) => paras[(i * 7 + k * 13) % paras.length]!).join('\n'),
  }));
}

export const toJsonl = (articles: { id: string; text: string; refDate?: string }[]) => articles.map((a) => JSON.stringify(a)).join('\n') + '\n';

/** A temporary folder for this test file (removed after it) and a function giving a fresh subfolder per test. */
export function scratchDirs(prefix: string): () => string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  return () => {
    const dir = path.join(root, `d${count++}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}
