/**
 * JioNLP time_parser cases, date level only: the expected closed interval must
 * run from 00:00:00 on its first day to 23:59:59 on its last (whole days, months,
 * years or ranges of them); finer spans and spans open to "now" are skipped.
 * The interval is written as the TIMEX value ANNOTATION.md would give
 * (timex.ts intervalTimex): 2019-01-01..2019-12-31 -> 2019, a month -> 2019-06,
 * a day, a quarter -> 2019-Q2, a half -> 2019-H1, a Monday-Sunday week -> 2021-W24,
 * other spans -> a/b between the coarsest aligned units (2017-08/2017-11).
 *
 * Each input is one text, with refDate = the date of reference_datetime. A case is
 * right when exactly one date mention is found and its `resolved` (else `value`)
 *   - equals that TIMEX (strict), or
 *   - denotes the same days (2019-01/2019-03 for 2019-Q1: the input may say 1-3月), or
 *   - carries mod START/MID/END and the expected days lie inside its days at that
 *     end (JioNLP's 年底 = 2021-11-01..2021-12-31 is ANNOTATION's 2021 + END).
 * The peer's partial dates (XXXX-09-30) are judged on its resolved readings, either
 * one accepted.
 */
import { readJsonl } from '../data.js';
import { recognizersDates } from '../recognizersPeer.js';
import { intervalTimex, judgeInterval, type Interval } from '../timex.js';
import { share } from '../spanScore.js';
import type { ErrorRecord, Pred, Suite } from '../types.js';

interface Case {
  id: string;
  input: string;
  reference_datetime: string;
  expected: { type: string; definition: string; time: [string, string] };
}

const shape = (v: unknown) => String(v ?? 'none').replace(/\d/g, '9');
const RANK = { strict: 3, interval: 2, mod: 1 } as const;

/** The values to try: ours is `resolved` else `value`; a peer's partial TIMEX is tried through its alternatives. */
function readings(m: Pred): string[] {
  if (m.resolved) return [m.resolved];
  const value = String(m.value ?? '');
  return value.includes('X') && m.alts?.length ? m.alts : [value];
}

/**
 * `expression`: the same cases and scoring, but our systems read each input with
 * normalizeDate, as a string already known to be a time expression (which is what
 * JioNLP's time_parser is given). Reported as its own suite, `jionlp-expr`.
 */
export function jionlpSuite({ expression = false }: { expression?: boolean } = {}): Suite {
  const all = readJsonl<Case>('jionlp/time_parser.zh.jsonl');
  const scored: { c: Case; days: Interval; timex: string }[] = [];
  let finer = 0;
  for (const c of all) {
    const [s, e] = c.expected.time;
    if (!s.endsWith(' 00:00:00') || !e.endsWith(' 23:59:59')) {
      finer++;
      continue;
    }
    const days: Interval = [s.slice(0, 10), e.slice(0, 10)];
    scored.push({ c, days, timex: intervalTimex(days) });
  }
  return {
    name: expression ? 'jionlp-expr' : 'jionlp',
    source: expression ? 'jionlp/time_parser.zh.jsonl, us via normalizeDate (input known to be a time expression)' : 'jionlp/time_parser.zh.jsonl',
    ...(expression && { expression: true }),
    counts: { read: all.length, scored: scored.length, skipped: { 'finer than a day or open to now': finer } },
    inputs: scored.map(({ c }) => ({ id: c.id, text: c.input, refDate: c.reference_datetime.slice(0, 10) })),
    peer: { name: 'recognizers-text', predict: (input) => recognizersDates(input) },
    score(preds: Pred[][]) {
      let right = 0, strict = 0, covering = 0;
      const errors: ErrorRecord[] = [];
      for (const [i, { c, days, timex }] of scored.entries()) {
        const dates = (preds[i] ?? []).filter((p) => p.type === 'date');
        const err = (pattern: string, text: string) => errors.push({ pattern, id: c.id, text, detail: { input: c.input, expected: timex, ref: c.reference_datetime, got: dates } });
        const exp = `${shape(timex)} ${c.expected.definition}`;
        if (dates.length !== 1) {
          err(dates.length === 0 ? `no date · exp ${exp}` : `split into ${dates.length} dates · exp ${exp}`, `${c.input} → ${timex}`);
          continue;
        }
        const m = dates[0]!;
        const verdicts = readings(m).map((v) => judgeInterval(v, m.mod, days)).filter((v) => v !== false);
        const best = verdicts.sort((a, b) => RANK[b] - RANK[a])[0];
        if (!best) {
          err(`wrong · exp ${exp} → got ${shape(m.resolved ?? m.value)}${m.mod ? ` ${m.mod}` : ''} · rule=${m.rule}`, `${c.input} → ${timex}, got ${m.text} = ${m.resolved ?? m.value}${m.mod ? ` ${m.mod}` : ''}`);
          continue;
        }
        right++;
        if (best === 'strict') strict++;
        const trimmed = c.input.trim();
        const from = c.input.indexOf(trimmed);
        if (m.start <= from && m.end >= from + trimmed.length) covering++;
      }
      return {
        rows: [
          { label: 'cases right (equal, same days or mod-compatible)', kind: 'acc', m: share(right, scored.length) },
          { label: 'cases right, strict TIMEX string', kind: 'acc', m: share(strict, scored.length) },
          { label: 'cases right and the span covers the input', kind: 'acc', m: share(covering, scored.length) },
        ],
        errors,
      };
    },
  };
}
