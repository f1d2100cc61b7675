/**
 * What to mark in one evaluated article: every scored gold and predicted
 * mention, classified the way src/eval/score.ts counted it. The scorer's error
 * list is the authority for FP/FN/VAL; everything it does not list is a true
 * positive (gold found), an optional gold mention, or a prediction the scorer
 * ignored because it touches an optional gold span.
 */
import type { LooseMention, ScoreError } from '../eval/score.js';
import { VALUE_FIELDS } from '../eval/score.js';
import { SHOWN_FIELDS, tipText } from './describe.js';

export type EvalKind = 'tp' | 'fp' | 'fn' | 'val' | 'opt' | 'ign';

export const KIND_LABELS: Record<EvalKind, string> = {
  tp: 'true positive',
  val: 'found, wrong value',
  fn: 'false negative (missed)',
  fp: 'false positive (spurious)',
  opt: 'optional gold (not scored)',
  ign: 'prediction on an optional span (not scored)',
};

export interface EvalItem {
  kind: EvalKind;
  type: string;
  start: number;
  end: number;
  text: string;
  tip: string;
}

const keyOf = (m: { type: unknown; start: unknown; end: unknown }) => `${String(m.type)}:${String(m.start)}:${String(m.end)}`;

const show = (v: unknown) => (v === undefined || v === null ? '-' : typeof v === 'string' ? v : JSON.stringify(v));

function valTip(e: ScoreError | undefined, g: LooseMention): string {
  const fields = e?.fields ?? [];
  const lines = [`VAL ${g.type} «${String(g.text ?? '')}» [${g.start}, ${g.end}): wrong ${fields.join(', ')}`];
  for (const f of VALUE_FIELDS[g.type as 'money' | 'date'] ?? []) {
    const mark = fields.includes(f) ? '✗' : ' ';
    lines.push(`${mark} ${f}: gold ${show(e?.gold?.[f])} | pred ${show(e?.pred?.[f])}`);
  }
  return lines.join('\n');
}

/**
 * Marks for one document, in reading order. `scoredTypes` are the types the
 * report scored (--types): mentions of other types are left unmarked.
 */
export function classifyMentions(
  gold: readonly LooseMention[],
  pred: readonly LooseMention[],
  errors: readonly ScoreError[],
  scoredTypes: ReadonlySet<string>,
): EvalItem[] {
  const errorByKey = new Map(errors.map((e) => [`${e.kind}|${keyOf(e)}`, e]));
  const predKeys = new Set(pred.map(keyOf));
  const requiredGoldKeys = new Set(gold.filter((m) => !m.optional).map(keyOf));
  const items: EvalItem[] = [];
  const add = (kind: EvalKind, m: LooseMention, tip: string) =>
    items.push({ kind, type: String(m.type), start: m.start, end: m.end, text: String(m.text ?? ''), tip });
  const heading = (label: string, m: LooseMention) => `${label} ${String(m.type)} «${String(m.text ?? '')}» [${m.start}, ${m.end})`;

  // Like the scorer, a later mention with the same type and span replaces an earlier one.
  const unique = (ms: readonly LooseMention[]) => new Map(ms.map((m) => [keyOf(m), m])).values();
  for (const g of unique(gold)) {
    if (!scoredTypes.has(g.type)) continue;
    const key = keyOf(g);
    if (g.optional) add('opt', g, tipText(heading('optional gold', g), g, SHOWN_FIELDS));
    else if (errorByKey.has(`FN|${key}`) || !predKeys.has(key)) add('fn', g, tipText(heading('FN missed', g), g));
    else if (errorByKey.has(`VAL|${key}`)) add('val', g, valTip(errorByKey.get(`VAL|${key}`), g));
    else add('tp', g, tipText(heading('TP', g), g));
  }
  for (const p of unique(pred)) {
    if (!scoredTypes.has(p.type)) continue;
    const key = keyOf(p);
    if (requiredGoldKeys.has(key)) continue; // shown once, as its gold mention (tp or val)
    if (errorByKey.has(`FP|${key}`)) add('fp', p, tipText(heading('FP spurious', p), p));
    else add('ign', p, tipText(heading('not scored (overlaps an optional gold)', p), p));
  }
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}
