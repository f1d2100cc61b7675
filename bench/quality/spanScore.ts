/**
 * Strict span matching for the NER suites: a prediction is right when a gold
 * mention has the same start and end (the type filter is the caller's). P/R/F1
 * use the project's own conventions (src/eval/score.ts prf).
 */
import { prf } from '../../src/eval/score.js';
import type { Metrics, Pred } from './types.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface SpanMatch<G extends Span> {
  tp: number;
  /** predictions with no gold span (after `ignore`) */
  fp: Pred[];
  /** gold spans with no prediction */
  fn: G[];
  /** predictions left out by `ignore` (neither right nor wrong) */
  ignored: Pred[];
}

const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;

/** Match one text's predictions to its gold spans; duplicates of one span count once. */
export function matchSpans<G extends Span>(gold: readonly G[], preds: readonly Pred[], ignore: (p: Pred) => boolean = () => false): SpanMatch<G> {
  const goldKeys = new Map(gold.map((g) => [key(g), g]));
  const predKeys = new Map<string, Pred>();
  const ignored: Pred[] = [];
  for (const p of preds) {
    if (goldKeys.has(key(p)) || !ignore(p)) predKeys.set(key(p), p);
    else ignored.push(p);
  }
  const fp = [...predKeys].filter(([k]) => !goldKeys.has(k)).map(([, p]) => p);
  const fn = [...goldKeys].filter(([k]) => !predKeys.has(k)).map(([, g]) => g);
  return { tp: predKeys.size - fp.length, fp, fn, ignored };
}

/** Pooled (micro) P/R/F1 over many texts. */
export function pooled(matches: readonly { tp: number; fp: unknown[]; fn: unknown[] }[]): Metrics {
  const tp = matches.reduce((s, m) => s + m.tp, 0);
  const fp = matches.reduce((s, m) => s + m.fp.length, 0);
  const fn = matches.reduce((s, m) => s + m.fn.length, 0);
  return { tp, fp, fn, ...prf(tp, fp, fn) };
}

/** Spans overlap (half-open). */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Share helper for accuracy rows. */
export const share = (right: number, n: number): Metrics => ({ right, n, acc: n ? right / n : 1 });
