/**
 * Recognizers-Text currency spec (Chinese, JavaScript-supported cases). A case is
 * fully right when
 *   (1) every required result is overlapped by one of our money mentions whose
 *       value equals it (relative 1e-6) and whose currency is its ISO code, and
 *   (2) no money mention lies outside the required results and the optional zones.
 * A case with no required result (expected: [], or only bare names) is right when
 * nothing is predicted. Required = a result with an ISO code and a value.
 * ANNOTATION reading (the main row):
 *   - a bare currency name (value null: 人民币 美元) is not money, so it is not
 *     expected, and a money mention on it is an extra (the peer's too);
 *   - a result with no ISO code ($20 -> unit Dollar, 20个比特币 -> Bitcoin) is an
 *     optional zone: our currency field must be ISO 4217, which the spec cannot
 *     check there; finding or missing it changes nothing.
 * Lenient reading (second row): bare names are optional zones too (the spec's view).
 * `mod` is not compared: the spec has no modifiers. Overlap rather than exact
 * span, because the spec's spans are not ANNOTATION.md's; exact spans are counted
 * in a row of their own.
 */
import { readJsonl } from '../data.js';
import { recognizersMoney } from '../recognizersPeer.js';
import { overlaps, share } from '../spanScore.js';
import { sameValue } from '../../../src/eval/score.js';
import type { ErrorRecord, Pred, Suite } from '../types.js';

interface Expected {
  text: string;
  start: number;
  end: number;
  resolution: { isoCurrency?: string; value: string | null; unit?: string };
}
interface Case {
  id: string;
  input: string;
  expected: Expected[];
}

const isRequired = (e: Expected) => !!e.resolution.isoCurrency && e.resolution.value !== null;
const isBare = (e: Expected) => e.resolution.value === null;

function judge(c: Case, preds: Pred[], lenient: boolean) {
  const money = preds.filter((p) => p.type === 'money');
  const required = c.expected.filter(isRequired);
  const zones = c.expected.filter((e) => !isRequired(e) && (lenient || !isBare(e)));
  const problems: { pattern: string; text: string }[] = [];
  let found = 0, exact = 0;
  for (const e of required) {
    const cands = money.filter((p) => overlaps(p, e));
    const ok = cands.filter((p) => sameValue(e.resolution.value, p.value) && p.currency === e.resolution.isoCurrency);
    if (ok.length) {
      found++;
      if (ok.some((p) => p.start === e.start && p.end === e.end)) exact++;
      continue;
    }
    const p = cands[0];
    if (!p) problems.push({ pattern: `missed · ${e.resolution.unit ?? '?'}`, text: e.text });
    else if (p.currency !== e.resolution.isoCurrency) problems.push({ pattern: `wrong currency · ${e.resolution.isoCurrency}→${p.currency ?? 'none'}`, text: p.text });
    else if (p.value === undefined || p.value === null) problems.push({ pattern: `no value (range ${p.min}..${p.max}) · rule=${p.rule}`, text: p.text });
    else problems.push({ pattern: `wrong value · ×${(Number(p.value) / Number(e.resolution.value)).toPrecision(3)} · rule=${p.rule}`, text: `${p.text} = ${p.value}` });
  }
  for (const p of money) {
    if (required.some((e) => overlaps(p, e)) || zones.some((e) => overlaps(p, e))) continue;
    const bare = c.expected.find((e) => isBare(e) && overlaps(p, e));
    problems.push({ pattern: bare ? 'bare currency name as money' : `extra money · rule=${p.rule}`, text: p.text });
  }
  return { right: problems.length === 0, problems, required: required.length, found, exact };
}

export function currencySuite(): Suite {
  const cases = readJsonl<Case>('recognizers/currency.zh.jsonl');
  return {
    name: 'currency',
    source: 'recognizers/currency.zh.jsonl',
    counts: { read: cases.length, scored: cases.length },
    inputs: cases.map((c) => ({ id: c.id, text: c.input })),
    peer: { name: 'recognizers-text', predict: recognizersMoney },
    score(preds: Pred[][]) {
      let right = 0, lenientRight = 0, required = 0, found = 0, exact = 0;
      const errors: ErrorRecord[] = [];
      for (const [i, c] of cases.entries()) {
        const j = judge(c, preds[i] ?? [], false);
        right += Number(j.right);
        lenientRight += Number(judge(c, preds[i] ?? [], true).right);
        required += j.required;
        found += j.found;
        exact += j.exact;
        for (const p of j.problems) errors.push({ pattern: p.pattern, id: c.id, text: p.text, detail: { input: c.input } });
      }
      return {
        rows: [
          { label: 'cases fully right (ANNOTATION reading)', kind: 'acc', m: share(right, cases.length) },
          { label: 'cases fully right (lenient: bare names optional)', kind: 'acc', m: share(lenientRight, cases.length) },
          { label: 'amounts found, value+currency right', kind: 'acc', m: share(found, required) },
          { label: 'amounts right with the exact spec span', kind: 'acc', m: share(exact, required) },
        ],
        errors,
      };
    },
  };
}
