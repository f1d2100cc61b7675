/**
 * Per-document state shared by the extractors: the simplified text they match,
 * its match view, the jieba tokens, and the reference date.
 */
import type { Token } from './segment/index.js';
import type { RefDate } from './extractors/date/refDate.js';

export interface DocContext {
  /** simplified text (after opencc and fixups) */
  readonly text: string;
  /** `text` with full-width ASCII folded; same length, same offsets */
  readonly view: string;
  /** jieba tokens over `text`, in order, covering it */
  readonly tokens: readonly Token[];
  /** the token strings (view.slice of each token), computed once */
  readonly words: readonly string[];
  /** boundary[i] is 1 when a token starts or ends at i */
  readonly boundary: Uint8Array;
  readonly refDate?: RefDate;
  /** the text is known to be one time expression (normalizeDate): bare forms such as 2018 are dates */
  readonly dateExpression?: boolean;
}
