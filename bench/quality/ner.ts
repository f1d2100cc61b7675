/**
 * Error patterns shared by the span-labelled NER suites (CLUENER, MSRA): what a
 * wrong prediction or a missed gold span sits on, in the set's own labels.
 */
import { companyEnding, nameShape } from './patterns.js';
import { overlaps } from './spanScore.js';
import type { NerMention } from './data.js';
import type { ErrorRecord, Pred } from './types.js';

/** A prediction's place among the gold spans: `=organization`, `~address`, or `no gold span`. */
export function relationTo(p: { start: number; end: number }, gold: readonly NerMention[]): string {
  const exact = gold.find((g) => g.start === p.start && g.end === p.end);
  if (exact) return `=${exact.type}`;
  const near = gold.find((g) => overlaps(g, p));
  return near ? `~${near.type}` : 'no gold span';
}

/** What we predicted over a missed gold span: nothing, the same type with other bounds, or another type. */
export function coverOf(g: { start: number; end: number }, type: string, preds: readonly Pred[]): string {
  const over = preds.filter((p) => overlaps(p, g));
  if (over.length === 0) return 'nothing predicted';
  const same = over.find((p) => p.type === type);
  if (same) return `other bounds (${same.start < g.start || same.end > g.end ? 'longer' : 'shorter'})`;
  return `predicted as ${over[0]!.type}`;
}

const context = (text: string, s: { start: number; end: number }) =>
  `${text.slice(Math.max(0, s.start - 10), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 10)}`;

/** FN record: persons by surname class and length, companies by ending; both by what we predicted there. */
export function fnRecord(id: string, text: string, g: NerMention, type: string, preds: readonly Pred[]): ErrorRecord {
  const shape = type === 'person' ? nameShape(g.text) : companyEnding(g.text);
  return { pattern: `FN ${type} · ${shape} · ${coverOf(g, type, preds)}`, id, text: g.text, detail: { start: g.start, end: g.end, context: context(text, g) } };
}

/** FP record: by rule id and by the gold label the span sits on. */
export function fpRecord(id: string, text: string, p: Pred, gold: readonly NerMention[], prefix = `FP ${p.type}`): ErrorRecord {
  return {
    pattern: `${prefix} · rule=${p.rule ?? '?'} · ${relationTo(p, gold)}`, id, text: p.text,
    detail: { start: p.start, end: p.end, rule: p.rule, context: context(text, p) },
  };
}
