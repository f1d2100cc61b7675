/**
 * The generated corpus every perf measurement reads: paragraphs of the seed
 * article (traditional/mixed), of its opencc simplified copy, and of the dev
 * articles in corpus/, recombined by a seeded generator so runs are comparable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SEED_FILE = path.join(REPO, 'corpus/000_774273c1435614fb.txt');

/** mulberry32: small, fast, good enough to pick paragraphs reproducibly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const paragraphsOf = (text: string) => text.split('\n').filter((p) => p.trim().length >= 10);

export interface Pool {
  seed: string;
  paragraphs: string[];
}

export function paragraphPool(): Pool {
  const seed = readFileSync(SEED_FILE, 'utf8');
  const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(seed);
  const dev = readdirSync(path.join(REPO, 'corpus'))
    .filter((f) => /^dev_.*\.txt$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(REPO, 'corpus', f), 'utf8'));
  return { seed, paragraphs: [seed, simplified, ...dev].flatMap(paragraphsOf) };
}

/** count articles of min..max paragraphs each. */
export function articles(pool: Pool, count: number, min: number, max: number, seed = 42): string[] {
  const next = random(seed);
  const { paragraphs } = pool;
  return Array.from({ length: count }, () => {
    const n = min + Math.floor(next() * (max - min + 1));
    return Array.from({ length: n }, () => paragraphs[Math.floor(next() * paragraphs.length)]!).join('\n');
  });
}
