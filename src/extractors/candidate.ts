/**
 * What an extractor returns: a span of the simplified text (offsets into
 * DocContext.text) with its type, the id of the rule that found it, and the
 * normalised fields. The pipeline maps spans back to the original text.
 */
import type { DateMod, MoneyMod } from '../schema.js';

interface Base {
  start: number;
  end: number;
  /** id of the rule, e.g. money.amount-unit; kept in the output for explainability */
  rule: string;
}

export interface CompanyCandidate extends Base {
  type: 'company';
  /** canonical lexicon name, when the lexicon knows it (for entity grouping) */
  canonical?: string;
}
export interface PersonCandidate extends Base {
  type: 'person';
}
export interface MoneyCandidate extends Base {
  type: 'money';
  value?: number;
  min?: number;
  max?: number;
  currency: string;
  mod?: MoneyMod;
  /** a generic unit (元) with no currency word: the article may set it (新台币 ... 元); false once it has */
  bareYuan?: boolean;
}
export interface DateCandidate extends Base {
  type: 'date';
  value: string;
  mod?: DateMod;
  relative?: boolean;
  resolved?: string;
}

export type Candidate = CompanyCandidate | PersonCandidate | MoneyCandidate | DateCandidate;
