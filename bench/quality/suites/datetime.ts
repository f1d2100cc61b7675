/**
 * Recognizers-Text datetime spec (Chinese model cases), DATE results only.
 * Every expected result is read by readRecognizersDate (recognizersTimex.ts):
 * datetimeV2.date -> its TIMEX; datetimeV2.daterange -> its TIMEX when that is a
 * plain date value (2018, 2018-10, 0705-11), or a/b for a range between two days.
 * In scope: results read that way with no Mod. Other results (times, durations,
 * sets, ranges over weeks/months/years, before/after/since ranges) become ignore
 * zones: a date mention of ours on them counts neither way. A case is scored when
 * it has an in-scope result, or expects nothing at all (a negative).
 *
 * A result is right when one of our date mentions overlaps it, has no `mod`, and
 * its `value` equals the TIMEX (then a `resolved`, if given, must be one of the
 * spec's resolved readings), or its `resolved` (or value) is one of the spec's
 * resolved readings (the spec lists the past and the future reading of an
 * ambiguous partial date; either is accepted). A `resolved` that is no calendar
 * day (2020-02-30, where the spec says "not resolved") is wrong. A case is fully right when all its
 * in-scope results are right and no date mention of ours lies outside them and
 * the ignore zones. The reference date is the case's reference_datetime (date part).
 */
import { readJsonl } from '../data.js';
import { recognizersDates } from '../recognizersPeer.js';
import { readRecognizersDate, DATE_TYPES, type DateReading, type RecognizersValue } from '../recognizersTimex.js';
import { overlaps, share } from '../spanScore.js';
import { timexInterval } from '../timex.js';
import type { ErrorRecord, Pred, Suite } from '../types.js';

interface Expected {
  text: string;
  start: number;
  end: number;
  type: string;
  resolution?: { values?: RecognizersValue[] };
}
interface Case {
  id: string;
  input: string;
  reference_datetime: string;
  expected: Expected[];
}
type Read = Expected & { reading: DateReading };

const shape = (v: unknown) => String(v ?? 'none').replace(/\d/g, '9');

/** undefined when the mention's value is right for the expected reading, else why not. */
function valueProblem(e: DateReading, m: Pred): string | undefined {
  if (m.mod) return `mod ${m.mod} not in spec`;
  if (m.resolved && /^\d{4}-\d{2}-\d{2}$/.test(m.resolved) && !timexInterval(m.resolved)) return 'resolved is no calendar day';
  const value = String(m.value ?? '');
  const alts = m.alts ?? (m.resolved ? [m.resolved] : []);
  if (value === e.value) return alts.length && e.alts.length && !alts.some((a) => e.alts.includes(a) || a === e.value) ? 'resolved wrong' : undefined;
  if (e.alts.includes(value) || alts.some((a) => e.alts.includes(a))) return undefined;
  return `value ${shape(e.value)} → ${shape(m.resolved ?? value)}`;
}

export function datetimeSuite(): Suite {
  const all = readJsonl<Case>('recognizers/datetime.zh.jsonl');
  const skipped: Record<string, number> = {};
  const scored: { c: Case; inScope: Read[]; zones: Expected[] }[] = [];
  for (const c of all) {
    const read = c.expected.map((e) => ({ ...e, reading: readRecognizersDate(e.type, e.resolution?.values ?? []) }));
    const inScope = read.filter((e): e is Read => e.reading !== null && !e.reading.mod);
    if (inScope.length === 0 && c.expected.length > 0) {
      const e = read[0]!;
      const why = e.reading ? 'daterange with before/after/since' : DATE_TYPES.has(e.type) ? 'range over weeks/months/years' : e.type;
      skipped[why] = (skipped[why] ?? 0) + 1;
      continue;
    }
    scored.push({ c, inScope, zones: read.filter((e) => !inScope.includes(e as Read)) });
  }
  return {
    name: 'datetime',
    source: 'recognizers/datetime.zh.jsonl',
    counts: { read: all.length, scored: scored.length, skipped },
    inputs: scored.map(({ c }) => ({ id: c.id, text: c.input, refDate: c.reference_datetime.slice(0, 10) })),
    peer: { name: 'recognizers-text', predict: (input) => recognizersDates(input) },
    score(preds: Pred[][]) {
      let right = 0, items = 0, itemsRight = 0, exact = 0;
      const errors: ErrorRecord[] = [];
      for (const [i, { c, inScope, zones }] of scored.entries()) {
        const dates = (preds[i] ?? []).filter((p) => p.type === 'date');
        const problems: { pattern: string; text: string }[] = [];
        for (const e of inScope) {
          items++;
          const cands = dates.filter((p) => overlaps(p, e));
          const ok = cands.filter((p) => valueProblem(e.reading, p) === undefined);
          if (ok.length) {
            itemsRight++;
            if (ok.some((p) => p.start === e.start && p.end === e.end)) exact++;
          } else if (cands.length === 0) problems.push({ pattern: `missed · ${e.type.replace('datetimeV2.', '')} ${shape(e.reading.value)}`, text: e.text });
          else problems.push({ pattern: `wrong · ${valueProblem(e.reading, cands[0]!)} · rule=${cands[0]!.rule}`, text: `${cands[0]!.text} = ${cands[0]!.resolved ?? cands[0]!.value}` });
        }
        for (const p of dates) {
          if (![...inScope, ...zones].some((e) => overlaps(p, e))) problems.push({ pattern: `extra date · rule=${p.rule}`, text: p.text });
        }
        if (problems.length === 0) right++;
        for (const p of problems) errors.push({ ...p, id: c.id, detail: { input: c.input, ref: c.reference_datetime } });
      }
      return {
        rows: [
          { label: 'cases fully right', kind: 'acc', m: share(right, scored.length) },
          { label: 'date results right (value)', kind: 'acc', m: share(itemsRight, items) },
          { label: 'date results right with the exact spec span', kind: 'acc', m: share(exact, items) },
        ],
        errors,
      };
    },
  };
}
