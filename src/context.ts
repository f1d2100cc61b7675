/**
 * Per-document state shared by the extractors: the simplified text they match,
 * its match view, jieba's words and their boundaries, and the reference date.
 */
import type { RefDate } from './extractors/date/refDate.js';

export interface DocContext {
  /** simplified text (after opencc and fixups) */
  readonly text: string;
  /** `text` with full-width ASCII folded; same length, same offsets */
  readonly view: string;
  /** jieba's words over `text`, in order, covering it (word k ends where word k + 1 starts) */
  readonly words: readonly string[];
  /** boundary[i] is 1 when a word starts or ends at i */
  readonly boundary: Uint8Array;
  readonly refDate?: RefDate;
  /** the text is known to be one time expression (normalizeDate): bare forms such as 2018 are dates */
  readonly dateExpression?: boolean;
}
