/**
 * Peer for money and dates: Microsoft Recognizers-Text's own JavaScript package
 * (@microsoft/recognizers-text-suite), Culture.Chinese. Results are converted
 * into our vocabulary: `end` is inclusive there (+1 here); currency value
 * "null" (a bare currency name) becomes value null; datetime results go through
 * readRecognizersDate. The reference date is built as a local Date from
 * YYYY[-MM[-DD]][THH:MM:SS] (missing parts = the first month/day).
 */
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { readRecognizersDate, type RecognizersValue } from './recognizersTimex.js';
import type { Input, Pred } from './types.js';

interface ModelResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: { value?: string | null; isoCurrency?: string; unit?: string; values?: RecognizersValue[] };
}

/** The reference date as the package wants it (a Date in local time). */
export function referenceDate(ref: string | undefined): Date | undefined {
  const m = ref?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/);
  if (!m) return undefined;
  const n = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  return new Date(n(m[1], 2000), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
}

export function recognizersMoney(input: Input): Pred[] {
  const results = Recognizers.recognizeCurrency(input.text, Recognizers.Culture.Chinese) as ModelResult[];
  return results.map((r) => {
    const raw = r.resolution?.value;
    const value = raw === undefined || raw === null || raw === 'null' ? null : Number(raw);
    return {
      type: 'money', start: r.start, end: r.end + 1, text: input.text.slice(r.start, r.end + 1), rule: `recognizers.${r.resolution?.unit ?? r.typeName}`,
      value, ...(r.resolution?.isoCurrency && { currency: r.resolution.isoCurrency }),
    };
  });
}

/** Date and date-range results only; each carries its TIMEX reading and resolved alternatives. */
export function recognizersDates(input: Input, ref: string | undefined = input.refDate): Pred[] {
  const results = Recognizers.recognizeDateTime(input.text, Recognizers.Culture.Chinese, undefined, referenceDate(ref)) as ModelResult[];
  const out: Pred[] = [];
  for (const r of results) {
    const reading = readRecognizersDate(r.typeName, r.resolution?.values ?? []);
    if (!reading) continue;
    out.push({ type: 'date', start: r.start, end: r.end + 1, text: input.text.slice(r.start, r.end + 1), rule: r.typeName, ...reading });
  }
  return out;
}
