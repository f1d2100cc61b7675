/**
 * Shapes shared by the quality harness: one predicted mention (ours or a peer's,
 * in our vocabulary), one input, the numbers a suite reports and its error records.
 */

/** A predicted mention in the project's vocabulary; peers are converted into it. */
export interface Pred {
  type: string;
  start: number;
  end: number;
  text: string;
  /** rule id (ours) or the peer's own label (jieba tag, Recognizers type) */
  rule?: string;
  name?: string;
  value?: unknown;
  min?: number;
  max?: number;
  currency?: string;
  mod?: string;
  relative?: boolean;
  resolved?: string;
  /** peers only: the resolved alternatives a peer offers (Recognizers past/future) */
  alts?: string[];
}

/** One text a system reads, with the reference date the case pins. */
export interface Input {
  id: string;
  text: string;
  /** YYYY[-MM[-DD]] */
  refDate?: string;
}

export type Predict = (input: Input) => Pred[];

/** Counted metrics of one row for one system. */
export interface Metrics {
  /** span scores (kind prf) */
  tp?: number;
  fp?: number;
  fn?: number;
  P?: number;
  R?: number;
  F1?: number;
  /** share of matched mentions with all value fields right (prf rows with values) */
  valueAcc?: number;
  /** share of cases (or items) fully right (kind acc) */
  right?: number;
  n?: number;
  acc?: number;
  /** predictions a mapping left out (neither right nor wrong) */
  ignored?: number;
}

export interface Row {
  label: string;
  kind: 'prf' | 'acc';
  m: Metrics;
}

/** One error of one system: `pattern` groups errors for the frequency list. */
export interface ErrorRecord {
  pattern: string;
  id: string;
  text: string;
  detail?: Record<string, unknown>;
}

export interface SuiteScore {
  rows: Row[];
  errors: ErrorRecord[];
}

/** A suite: its inputs, its peer, and a scorer applied to each system's predictions. */
export interface Suite {
  name: string;
  /** data file, relative to the benchmarks folder (or the gold folder) */
  source: string;
  /** how many cases were read and how many are scored, and why the rest were skipped */
  counts: { read: number; scored: number; skipped?: Record<string, number> };
  inputs: Input[];
  /**
   * Our systems read each input as one known time expression (Extractor.normalizeDate)
   * instead of as running text (extract). Only date suites set it.
   */
  expression?: boolean;
  peer: { name: string; predict: Predict };
  score(preds: Pred[][]): SuiteScore;
}
