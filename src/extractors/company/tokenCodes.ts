/**
 * What the company passes test on every token, read once per document into typed arrays:
 * each pass then scans a few hundred contiguous bytes instead of reaching into every token
 * object and string, and reads a token's text only where a bit test lets it through.
 */
import type { DocContext } from '../../context.js';

export interface TokenCodes {
  /** where each token starts in the view */
  start: Int32Array;
  /** each token's length (jieba's tokens are never empty) */
  length: Int32Array;
  /** the first and the last UTF-16 code unit of each token */
  first: Uint16Array;
  last: Uint16Array;
}

// one entry per document, dropped with it
const byDocument = new WeakMap<DocContext, TokenCodes>();

export function tokenCodes(ctx: DocContext): TokenCodes {
  let codes = byDocument.get(ctx);
  if (!codes) {
    codes = readCodes(ctx);
    byDocument.set(ctx, codes);
  }
  return codes;
}

function readCodes(ctx: DocContext): TokenCodes {
  const { tokens, view } = ctx;
  const n = tokens.length;
  const codes = { start: new Int32Array(n), length: new Int32Array(n), first: new Uint16Array(n), last: new Uint16Array(n) };
  for (let k = 0; k < n; k++) {
    const { start, end } = tokens[k]!;
    codes.start[k] = start;
    codes.length[k] = end - start;
    codes.first[k] = view.charCodeAt(start);
    codes.last[k] = view.charCodeAt(end - 1);
  }
  return codes;
}
