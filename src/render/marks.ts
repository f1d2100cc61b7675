/**
 * Highlighting spans of a text in one pass over its boundaries.
 *
 * Marks may overlap (a company inside a date, a false positive straddling a
 * false negative). HTML elements must nest, so the text is cut at every mark
 * boundary and each piece opens and closes, in outer-to-inner order, an element
 * for every mark covering it. A mark cut into several pieces must still be
 * countable once: only its FIRST piece carries `firstClass` (and `id`); later
 * pieces carry `restClass`. So `.m-money` (article view) or `.fp` (eval view)
 * counts each mark exactly once, however it was split.
 */
import { esc } from './html.js';

export interface Mark {
  /** UTF-16 offsets into the text, end exclusive */
  start: number;
  end: number;
  /** classes of the first piece, the one to count */
  firstClass: string;
  /** classes of every later piece of the same mark */
  restClass: string;
  /** attributes on every piece, so hovering any piece shows the same tooltip (escaped here) */
  attrs: Record<string, string | number | undefined>;
  /** element id on the first piece only (link target) */
  id?: string;
}

export interface Marked {
  html: string;
  /** marks whose offsets do not fit the text (rendered nowhere; callers warn about them) */
  unplaced: Mark[];
}

const fits = (m: Mark, length: number): boolean =>
  Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= length;

function openTag(tag: string, m: Mark, first: boolean): string {
  let s = `<${tag} class="${esc(first ? m.firstClass : m.restClass)}"`;
  if (first && m.id) s += ` id="${esc(m.id)}"`;
  for (const [k, v] of Object.entries(m.attrs)) if (v !== undefined) s += ` ${k}="${esc(v)}"`;
  return s + '>';
}

/** The escaped text with every mark wrapped in `tag` elements (see the file comment for splitting). */
export function renderMarked(text: string, marks: readonly Mark[], tag = 'mark'): Marked {
  const placed = marks.filter((m) => fits(m, text.length));
  const unplaced = marks.filter((m) => !fits(m, text.length));
  // Earlier start first, then longer first: the outer mark opens before the one nested in it.
  const order = placed
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.i - b.i)
    .map((e) => e.m);
  const cuts = [...new Set([0, text.length, ...placed.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);

  const parts: string[] = [];
  const started = new Set<Mark>();
  let active: Mark[] = [];
  let next = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    active = active.filter((m) => m.end > from);
    // Every start is a cut, so marks begin exactly at `from`; pushing in `order` keeps `active` outer-first.
    while (next < order.length && order[next]!.start === from) active.push(order[next++]!);
    let open = '';
    let close = '';
    for (const m of active) {
      open += openTag(tag, m, !started.has(m));
      started.add(m);
      close = `</${tag}>` + close;
    }
    parts.push(open, esc(text.slice(from, to)), close);
  }
  return { html: parts.join(''), unplaced };
}
