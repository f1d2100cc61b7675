/** What the batch layer sends to an extraction thread and what comes back (structured-clone safe). */
import type { MentionType } from '../schema.js';

export interface ExtractorConfig {
  useLexicon: boolean;
  rulesDir?: string;
}

export interface ArticleTask {
  /** the article as text (JSON Lines, queue jobs) ... */
  text?: string;
  /** ... or as raw bytes (files, stdin), decoded in the thread so decoding is parallel too */
  bytes?: Uint8Array;
  /** names the article in error messages */
  source: string;
  refDate?: string;
  /** the largest article accepted, in bytes */
  maxBytes?: number;
  /** copied to the result: `id` for JSON Lines and queue articles, `doc` for files */
  id?: string;
  doc?: string;
  /** which serialisations to return; the thread does JSON.stringify so the coordinator stays idle */
  want: { pretty?: boolean; compact?: boolean; summary?: boolean };
}

export type MentionCounts = Record<MentionType, number>;

export type ArticleOutcome =
  | { ok: true; chars: number; counts: MentionCounts; pretty?: string; compact?: string; summary?: string }
  | { ok: false; message: string };
