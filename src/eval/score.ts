/**
 * Scoring predictions against gold files (shared/ANNOTATION.md, section Scores).
 * Pure functions, no I/O. The numbers must equal shared/score.mjs on the same
 * input, so its conventions are kept deliberately, quirks included: mentions are
 * keyed by type:start:end (a later duplicate replaces an earlier one), numeric
 * strings compare as numbers, entity sets are pooled over all documents.
 */
import { MENTION_TYPES, type MentionType } from '../schema.js';

/** A mention as read from a gold or prediction file: only type/start/end are relied on. */
export type LooseMention = {
  type: string;
  start: number;
  end: number;
  text?: string;
  name?: unknown;
  /** gold only: finding or missing it changes no score (checked for truthiness, like score.mjs) */
  optional?: unknown;
  [field: string]: unknown;
};
export type GoldMention = LooseMention;

export interface ScorePair {
  /** document id shown in error records (file name without .json) */
  id: string;
  gold: GoldMention[];
  pred: LooseMention[];
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  P: number;
  R: number;
  F1: number;
  /** company and person only: F1 over the sets of canonical names */
  entityF1?: number;
  /** money and date only, when anything matched: share of matches with all value fields right */
  valueAcc?: number;
}

export interface ScoreError {
  kind: 'FP' | 'FN' | 'VAL';
  doc: string;
  type: MentionType;
  start: number;
  end: number;
  text: string;
  /** VAL only: the normalised fields that disagree */
  fields?: string[];
  /** VAL only: the gold's and the prediction's normalised fields */
  gold?: Record<string, unknown>;
  pred?: Record<string, unknown>;
}

export interface ScoreReport {
  perType: Partial<Record<MentionType, TypeScore>>;
  errors: ScoreError[];
}

/** Fields whose values are scored, per type (value accuracy). */
export const VALUE_FIELDS: Partial<Record<MentionType, readonly string[]>> = {
  money: ['value', 'min', 'max', 'currency', 'mod'],
  date: ['value', 'mod', 'resolved'],
};
/** A field the gold leaves out may still be filled in by a prediction: refDate may be unknown to the annotator. */
const FREE_WHEN_ABSENT = new Set(['resolved']);

const keyOf = (m: LooseMention): string => `${m.type}:${m.start}:${m.end}`;

/** Entity names compare with all whitespace removed (智谱 AI = 智谱AI). */
export const canonName = (m: LooseMention): string => String(m.name ?? m.text ?? '').replace(/\s+/g, '');

/** Numeric strings ('2024', '1e9') count as numbers, as in the reference scorer. */
function asNumber(v: unknown): unknown {
  return typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
}

/** Equal values: numbers within a relative 1e-6 (float noise from 6.6 * 1e8), otherwise strict; null = absent. */
export function sameValue(goldValue: unknown, predValue: unknown): boolean {
  const g = asNumber(goldValue);
  const p = asNumber(predValue);
  if (typeof g === 'number' && typeof p === 'number') return Math.abs(g - p) <= 1e-6 * Math.max(1, Math.abs(p));
  return (g ?? null) === (p ?? null);
}

/** Value fields of a strictly matched pair that are wrong: differing, or present in pred but absent in gold. */
export function wrongValueFields(type: MentionType, gold: LooseMention, pred: LooseMention): string[] {
  return (VALUE_FIELDS[type] ?? []).filter((f) =>
    f in gold ? !sameValue(gold[f], pred[f]) : !FREE_WHEN_ABSENT.has(f) && pred[f] != null,
  );
}

/** P, R, F1 with the reference conventions: nothing predicted and nothing missed is perfect. */
export function prf(tp: number, fp: number, fn: number): { P: number; R: number; F1: number } {
  const P = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
  const R = tp + fn ? tp / (tp + fn) : 1;
  return { P, R, F1: P + R ? (2 * P * R) / (P + R) : 0 };
}

/** toFixed, not Math.round: the reference rounds this way and the two differ on some halves. */
const round3 = (x: number): number => Number(x.toFixed(3));

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  valueOk: number;
  valueN: number;
  goldNames: Set<string>;
  predNames: Set<string>;
}

const pick = (m: LooseMention, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, m[f]]));

/** Score every document pair; counts and entity sets are pooled over all pairs (micro-averaged). */
export function scoreDocuments(pairs: readonly ScorePair[], types: readonly MentionType[] = MENTION_TYPES): ScoreReport {
  const tallies = new Map<string, Tally>(
    types.map((t) => [t, { tp: 0, fp: 0, fn: 0, valueOk: 0, valueN: 0, goldNames: new Set(), predNames: new Set() }]),
  );
  const errors: ScoreError[] = [];
  for (const { id, gold, pred } of pairs) {
    const docErrors: ScoreError[] = [];
    const err = (kind: ScoreError['kind'], m: LooseMention, extra: Partial<ScoreError> = {}) =>
      docErrors.push({ kind, doc: id, type: m.type as MentionType, start: m.start, end: m.end, text: String(m.text ?? ''), ...extra });
    const optional = gold.filter((m) => m.optional);
    // A prediction touching an optional gold span is neither right nor wrong.
    const nearOptional = (m: LooseMention) => optional.some((o) => o.type === m.type && o.start < m.end && m.start < o.end);
    const goldByKey = new Map(gold.filter((m) => !m.optional && tallies.has(m.type)).map((m) => [keyOf(m), m]));
    const predByKey = new Map(pred.filter((m) => tallies.has(m.type) && !nearOptional(m)).map((m) => [keyOf(m), m]));

    for (const [key, g] of goldByKey) {
      const tally = tallies.get(g.type)!;
      const type = g.type as MentionType;
      if (type === 'company' || type === 'person') tally.goldNames.add(canonName(g));
      const p = predByKey.get(key);
      if (!p) {
        tally.fn++;
        err('FN', g);
        continue;
      }
      tally.tp++;
      const fields = VALUE_FIELDS[type];
      if (!fields) continue;
      tally.valueN++;
      const wrong = wrongValueFields(type, g, p);
      if (wrong.length === 0) tally.valueOk++;
      else err('VAL', g, { fields: wrong, gold: pick(g, fields), pred: pick(p, fields) });
    }
    for (const [key, p] of predByKey) {
      const tally = tallies.get(p.type)!;
      if (p.type === 'company' || p.type === 'person') tally.predNames.add(canonName(p));
      if (!goldByKey.has(key)) {
        tally.fp++;
        err('FP', p);
      }
    }
    // Reading order within a document is easier to check against the text than grouping by kind.
    docErrors.sort((a, b) => a.start - b.start || a.end - b.end);
    errors.push(...docErrors);
  }
  return { perType: summarise(tallies, types), errors };
}

function summarise(tallies: Map<string, Tally>, types: readonly MentionType[]): ScoreReport['perType'] {
  const perType: ScoreReport['perType'] = {};
  for (const t of types) {
    const a = tallies.get(t)!;
    const m = prf(a.tp, a.fp, a.fn);
    const score: TypeScore = { tp: a.tp, fp: a.fp, fn: a.fn, P: round3(m.P), R: round3(m.R), F1: round3(m.F1) };
    if (t === 'company' || t === 'person') {
      const shared = [...a.predNames].filter((n) => a.goldNames.has(n)).length;
      score.entityF1 = round3(prf(shared, a.predNames.size - shared, a.goldNames.size - shared).F1);
    }
    if (a.valueN) score.valueAcc = round3(a.valueOk / a.valueN);
    perType[t] = score;
  }
  return perType;
}
