/**
 * The nearest peer: Microsoft Recognizers-Text, currency and date-time models
 * (Culture.Chinese), fed LINE BY LINE as it is meant to be used. It is slow, so
 * it reads lines until a time budget is spent; rates are per character read.
 */
import { createRequire } from 'node:module';
import { rate, type Rate } from './measure.js';

const require = createRequire(import.meta.url);

/**
 * The peer, ready to time: its models loaded and warmed up. Each pass reads lines from
 * the first one until its time budget is spent.
 */
export function recognizers(texts: readonly string[]): { pass(budgetMs: number): Rate & { lines: number; sampledShare: number } } {
  const R = require('@microsoft/recognizers-text-suite') as {
    Culture: { Chinese: string };
    recognizeCurrency(q: string, c: string): unknown[];
    recognizeDateTime(q: string, c: string): unknown[];
  };
  const lines = texts.flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '');
  // warm-up: the models compile their regular expressions on first use
  for (const l of lines.slice(0, 5)) {
    R.recognizeCurrency(l, R.Culture.Chinese);
    R.recognizeDateTime(l, R.Culture.Chinese);
  }
  const total = lines.reduce((s, l) => s + l.length, 0);
  return {
    pass(budgetMs) {
      const start = performance.now();
      let chars = 0;
      let n = 0;
      for (const line of lines) {
        R.recognizeCurrency(line, R.Culture.Chinese);
        R.recognizeDateTime(line, R.Culture.Chinese);
        chars += line.length;
        n++;
        if (performance.now() - start > budgetMs) break;
      }
      const seconds = (performance.now() - start) / 1000;
      // articles/s: the same share of the corpus' articles as of its characters
      const articles = (texts.length * chars) / total;
      return { ...rate(articles, chars, seconds), lines: n, sampledShare: chars / total };
    },
  };
}
