/**
 * `zhx eval --html`: the score table, then every article's text with true
 * positives, false positives, false negatives and wrong values marked, and an
 * error list whose rows link to the marks (id="a<article>-<start>-<end>-<kind>").
 * Each mark's first piece carries the countable class (tp, fp, fn, val, opt, ign);
 * later pieces of a split mark only carry the colour class k-<kind> (marks.ts).
 */
import type { LooseMention, ScoreError, ScoreReport } from '../eval/score.js';
import { classifyMentions, KIND_LABELS, type EvalItem, type EvalKind } from './evalMarks.js';
import { esc, page } from './html.js';
import { renderMarked, type Mark } from './marks.js';

export interface EvalArticle {
  id: string;
  /** the article text; absent when it could not be found (the marks are then listed without it) */
  original?: string;
  /** shown above the article, e.g. where its text was looked for */
  note?: string;
  gold: LooseMention[];
  pred: LooseMention[];
  /** this article's errors from scoreDocuments */
  errors: ScoreError[];
}

export interface EvalView {
  articles: EvalArticle[];
  perType: ScoreReport['perType'];
  title?: string;
}

const STYLE: Record<EvalKind, string> = {
  tp: 'background: #dcfce7; box-shadow: inset 0 -2px 0 #16a34a;',
  val: 'background: #fef3c7; box-shadow: inset 0 -3px 0 #d97706;',
  fp: 'background: #fee2e2; box-shadow: inset 0 -2px 0 #dc2626; text-decoration: line-through #dc262699;',
  fn: 'background: #eff6ff; outline: 2px dashed #2563eb; outline-offset: -1px;',
  opt: 'background: #f3f4f6; box-shadow: inset 0 -2px 0 #9ca3af;',
  ign: 'background: repeating-linear-gradient(135deg, #f3f4f6 0 4px, #fff 4px 8px);',
};
const KINDS = Object.keys(STYLE) as EvalKind[];
const CSS = KINDS.map((k) => `.k-${k} { ${STYLE[k]} }`).join('\n') + '\nsection.doc { margin-top: 32px; border-top: 2px solid #ddd; }';

/** An id fragment from a document id: ids must not contain whitespace, and stay readable in a URL. */
const idPart = (id: string) => id.replace(/[^\w.-]/g, '_') || 'doc';

export const anchorId = (article: string, start: number, end: number, kind: string) => `a${article}-${start}-${end}-${kind}`;

const f3 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));

function scoreTable(perType: ScoreReport['perType']): string {
  const rows = Object.entries(perType).map(
    ([t, s]) =>
      `<tr><td>${esc(t)}</td>${[s.tp, s.fp, s.fn].map((n) => `<td class="num">${n}</td>`).join('')}` +
      `${[s.P, s.R, s.F1, s.entityF1, s.valueAcc].map((x) => `<td class="num">${f3(x)}</td>`).join('')}</tr>`,
  );
  const head = ['type', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'entity F1', 'value acc'].map((h) => `<th>${h}</th>`).join('');
  return `<table class="scores"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const legend = () =>
  `<div class="legend">${KINDS.map((k) => `<span><mark class="k-${k}">${k}</mark> ${esc(KIND_LABELS[k])}</span>`).join('')}</div>`;

function toMark(item: EvalItem, anchor: string | undefined): Mark {
  return {
    start: item.start,
    end: item.end,
    firstClass: `${item.kind} k-${item.kind}`,
    restClass: `k-${item.kind}`,
    attrs: { 'data-type': item.type, 'data-start': item.start, 'data-end': item.end, 'data-tip': item.tip },
    ...(anchor ? { id: anchor } : {}),
  };
}

function errorList(art: string, errors: readonly ScoreError[]): string {
  if (errors.length === 0) return '<p class="meta">No errors.</p>';
  const rows = errors.map((e) => {
    const detail = (e.fields ?? []).map((f) => `${f}: ${JSON.stringify(e.gold?.[f]) ?? '-'} → ${JSON.stringify(e.pred?.[f]) ?? '-'}`).join('; ');
    const href = anchorId(art, e.start, e.end, e.kind.toLowerCase());
    return (
      `<tr><td><a href="#${esc(href)}">${esc(e.kind)}</a></td><td>${esc(e.type)}</td><td class="num">${esc(e.start)}–${esc(e.end)}</td>` +
      `<td><a href="#${esc(href)}">${esc(e.text)}</a></td><td>${esc(detail)}</td></tr>`
    );
  });
  return `<table class="errors"><thead><tr><th>kind</th><th>type</th><th>offsets</th><th>text</th><th>gold → pred</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Without the text, the marks are listed as table rows, which then carry the anchors. */
function itemTable(items: readonly EvalItem[], anchors: readonly (string | undefined)[]): string {
  const rows = items.map(
    (it, i) =>
      `<tr${anchors[i] ? ` id="${esc(anchors[i])}"` : ''}><td><mark class="${it.kind} k-${it.kind}" data-tip="${esc(it.tip)}">${it.kind}</mark></td>` +
      `<td>${esc(it.type)}</td><td class="num">${esc(it.start)}–${esc(it.end)}</td><td>${esc(it.text)}</td></tr>`,
  );
  return `<table class="items"><thead><tr><th>kind</th><th>type</th><th>offsets</th><th>text</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function articleSection(a: EvalArticle, art: string, scoredTypes: ReadonlySet<string>): string {
  const items = classifyMentions(a.gold, a.pred, a.errors, scoredTypes);
  // Error kinds get link targets; the first of two identical ids (same span, two types) takes it.
  const used = new Set<string>();
  const anchors = items.map((it) => {
    if (it.kind !== 'fp' && it.kind !== 'fn' && it.kind !== 'val') return undefined;
    const id = anchorId(art, it.start, it.end, it.kind);
    return used.has(id) ? undefined : (used.add(id), id);
  });
  const counts = KINDS.map((k) => `${k} ${items.filter((it) => it.kind === k).length}`).join(' · ');
  const parts = [`<section class="doc" id="a${esc(art)}">`, `<h2>${esc(a.id)}</h2>`, `<p class="meta">${counts}</p>`];
  if (a.note) parts.push(`<p class="warn">${esc(a.note)}</p>`);
  if (a.original === undefined) {
    parts.push(itemTable(items, anchors));
  } else {
    const marked = renderMarked(a.original, items.map((it, i) => toMark(it, anchors[i])));
    if (marked.unplaced.length) parts.push(`<p class="warn">${marked.unplaced.length} mention(s) have offsets outside the text and are not shown.</p>`);
    parts.push(`<div class="article">${marked.html}</div>`);
  }
  parts.push('<h3>Errors</h3>', errorList(art, a.errors), '</section>');
  return parts.join('\n');
}

/** The whole evaluation report. */
export function renderEvalHtml(view: EvalView): string {
  const scoredTypes = new Set(Object.keys(view.perType));
  const seen = new Set<string>();
  // Two gold sets may share a file name: keep article anchors unique.
  const arts = view.articles.map((a) => {
    let art = idPart(a.id);
    for (let n = 2; seen.has(art); n++) art = `${idPart(a.id)}~${n}`;
    seen.add(art);
    return art;
  });
  const toc = view.articles.map((a, i) => {
    const n = (k: string) => a.errors.filter((e) => e.kind === k).length;
    return `<tr><td><a href="#a${esc(arts[i])}">${esc(a.id)}</a></td><td class="num">${n('FP')}</td><td class="num">${n('FN')}</td><td class="num">${n('VAL')}</td></tr>`;
  });
  const title = view.title ?? 'zhx eval';
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${view.articles.length} article(s), micro-averaged over all of them</p></header>`,
    scoreTable(view.perType),
    '<h2>Articles</h2>',
    `<table class="toc"><thead><tr><th>article</th><th>FP</th><th>FN</th><th>VAL</th></tr></thead><tbody>${toc.join('')}</tbody></table>`,
    legend(),
    ...view.articles.map((a, i) => articleSection(a, arts[i]!, scoredTypes)),
  ];
  return page({ title, css: CSS, body: body.join('\n') });
}
