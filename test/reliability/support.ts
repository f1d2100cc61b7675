/** Shared by the reliability tests: paths, the seed article, result checks, timing. */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultSchema, type ExtractionResult } from '../../src/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RULES = path.join(REPO, 'rules');
export const CORPUS = path.join(REPO, 'corpus');
export const SEED_FILE = path.join(CORPUS, '000_774273c1435614fb.txt');
export const SEED = readFileSync(SEED_FILE, 'utf8');

/** The seed article plus any corpus/dev_*.txt present. */
export function corpusTexts(): string[] {
  const dev = readdirSync(CORPUS).filter((f) => /^dev_.*\.txt$/.test(f)).sort();
  return [SEED, ...dev.map((f) => readFileSync(path.join(CORPUS, f), 'utf8'))];
}

/** A fresh copy of the bundled rules folder in a temp dir ("a user-supplied folder"). */
export function copyRules(prefix = 'zhx-rel-rules-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(RULES, dir, { recursive: true });
  return dir;
}

/**
 * Every problem with one result, as readable lines (empty when it is fine):
 * schema, offsets inside the input, input.slice(start, end) === text, start < end.
 */
export function problems(input: string, result: ExtractionResult): string[] {
  const out: string[] = [];
  const parsed = resultSchema.safeParse(result);
  if (!parsed.success) out.push(`schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const m of result.mentions) {
    const where = `${m.type} [${m.start}, ${m.end}) ${JSON.stringify(m.text).slice(0, 60)}`;
    if (!(Number.isInteger(m.start) && Number.isInteger(m.end))) out.push(`${where}: non-integer offset`);
    else if (!(0 <= m.start && m.start < m.end && m.end <= input.length)) out.push(`${where}: offsets outside 0 <= start < end <= ${input.length}`);
    else if (input.slice(m.start, m.end) !== m.text) out.push(`${where}: input.slice gives ${JSON.stringify(input.slice(m.start, m.end)).slice(0, 60)}`);
  }
  return out.slice(0, 10);
}

/** Short, printable description of a (possibly huge) input for failure messages. */
export function describeInput(s: string): string {
  const head = JSON.stringify(s.slice(0, 40));
  return s.length > 40 ? `${head}... (${s.length} UTF-16 units)` : head;
}

/** Milliseconds of one call. */
export function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Min of up to `runs` timings; stops repeating once one run took longer than `budgetMs`. */
export function minTime(fn: () => unknown, runs = 3, budgetMs = 3000): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = time(fn);
    best = Math.min(best, t);
    if (t > budgetMs) break;
  }
  return best;
}

export interface Scaling {
  n: number;
  tn: number;
  t4n: number;
  ratio: number;
}

/**
 * Time `run(make(n))` and `run(make(4n))` in the same process. n starts at `n0` and
 * doubles until the faster of two runs takes at least `minMs` (so noise does not
 * dominate), up to `maxN`. The two sizes are then run alternately, three to six times
 * each (a run slower than `budgetMs` at most twice), and the minima compared: linear
 * is ~4. Noise from a busy neighbour process is handled by measuring again: at 2n when
 * t(n) came out far below `minMs`, and up to twice when a family looks superlinear.
 */
export function scaling(make: (n: number) => string, run: (s: string) => unknown, n0: number, maxN = n0 * 64, minMs = 40, budgetMs = 3000): Scaling {
  run(make(n0)); // warm up the code paths (and lazily loaded libraries)
  let n = n0;
  while (n < maxN && minTime(() => run(make(n)), 2, budgetMs) < minMs) n *= 2;
  let result = measure(make, run, n, budgetMs);
  for (let retry = 0; retry < 2; retry++) {
    if (result.tn < minMs / 2 && n < maxN) n *= 2;
    // measured again even when the large run took longer than the budget: under load (the
    // test files run in parallel) that is where a slow sample is likeliest, and two retries
    // at most bound the time; a real quadratic stays near 16 however often it is measured
    else if (!(result.ratio >= 8)) break;
    result = measure(make, run, n, budgetMs);
  }
  return result;
}

function measure(make: (n: number) => string, run: (s: string) => unknown, n: number, budgetMs: number): Scaling {
  const small = make(n);
  const large = make(4 * n);
  let tn = Infinity;
  let t4n = Infinity;
  // three rounds; up to three more while the ratio looks superlinear (a GC pause or a
  // busy neighbour inflates one run, a real quadratic stays near 16)
  for (let round = 0; round < 6; round++) {
    tn = Math.min(tn, time(() => run(small)));
    const t = time(() => run(large));
    t4n = Math.min(t4n, t);
    const looksLinear = t4n / tn < 6;
    // a run slower than the budget is repeated once if it looks superlinear: on a busy
    // machine (the test files run in parallel) one slow sample alone is not evidence
    if ((t > budgetMs && (looksLinear || round >= 1)) || (round >= 2 && looksLinear)) break;
  }
  return { n, tn, t4n, ratio: t4n / tn };
}

/** Deterministic pseudo-random generator (LCG), for reproducible "random" texts. */
export function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** n random characters from the CJK Unified Ideographs block (U+4E00-U+9FFF), reproducible. */
export function randomCjk(n: number, seed = 42): string {
  const rnd = lcg(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * (0x9fff - 0x4e00 + 1)));
  return s;
}
