/**
 * `zhx render`: one article's extraction as a single self-contained HTML page.
 *
 * Every mention is one countable <mark class="m m-<type>"> (its first piece when
 * overlaps split it, see marks.ts; later pieces are class "m-cont"), carrying
 * data-type / data-start / data-end and a data-tip shown by the page's tooltip.
 * Everything from the article or the result is escaped (html.ts `esc`).
 */
import { MENTION_TYPES, type ExtractionResult, type Mention } from '../schema.js';
import { normalisedSummary, tipText } from './describe.js';
import { esc, page } from './html.js';
import { renderMarked, type Mark } from './marks.js';

export interface ArticleView {
  original: string;
  /** the simplified text; offsets line up with the original (conversion keeps length), so it is highlighted too */
  simplified?: string;
  result: ExtractionResult;
  title?: string;
}

const COLOURS: Record<string, [bg: string, line: string]> = {
  company: ['#dbeafe', '#2563eb'],
  person: ['#dcfce7', '#16a34a'],
  money: ['#ffedd5', '#ea580c'],
  date: ['#f3e8ff', '#9333ea'],
};

const CSS = `
${Object.entries(COLOURS)
  .map(([t, [bg, line]]) => `.t-${t} { background: ${bg}; box-shadow: inset 0 -2px 0 ${line}; }`)
  .join('\n')}
mark.bad { outline: 2px dashed #dc2626; }
.cols { display: grid; grid-template-columns: 1fr; gap: 16px; }
.simp { display: none; }
#simp-toggle { position: absolute; opacity: 0; }
#simp-toggle:checked ~ main.cols { grid-template-columns: 1fr 1fr; }
#simp-toggle:checked ~ main .simp { display: block; }
label.toggle { display: inline-block; border: 1px solid #999; border-radius: 4px; padding: 2px 10px; cursor: pointer; user-select: none; }
#simp-toggle:checked ~ header label.toggle { background: #1f2937; color: #fff; }
#simp-toggle:focus-visible ~ header label.toggle { outline: 2px solid #2563eb; }
`;

/** Reading order: by start, the longer first where two start together. */
const byPosition = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end;

function mentionMark(m: Mention, i: number, original: string, countable: boolean): Mark {
  const found = original.slice(m.start, m.end);
  const mismatch = found !== m.text;
  let tip = tipText(`${m.type} «${m.text}» [${m.start}, ${m.end})`, m);
  if (mismatch) tip += `\n⚠ text at these offsets is «${found}»`;
  const bad = mismatch ? ' bad' : '';
  return {
    start: m.start,
    end: m.end,
    firstClass: (countable ? `m m-${m.type} t-${m.type}` : `t-${m.type}`) + bad,
    restClass: (countable ? `m-cont t-${m.type}` : `t-${m.type}`) + bad,
    attrs: { 'data-type': m.type, 'data-start': m.start, 'data-end': m.end, 'data-tip': tip },
    ...(countable ? { id: `m${i}` } : {}),
  };
}

function legend(mentions: readonly Mention[]): string {
  const items = MENTION_TYPES.map((t) => {
    const n = mentions.filter((m) => m.type === t).length;
    return `<span><mark class="t-${t}">${t}</mark> ${n}</span>`;
  });
  return `<div class="legend">${items.join('')}</div>`;
}

function entityTable(result: ExtractionResult): string {
  if (result.entities.length === 0) return '<p class="meta">No entities.</p>';
  const rows = result.entities.map(
    (e) =>
      `<tr><td><mark class="t-${esc(e.type)}">${esc(e.type)}</mark></td><td>${esc(e.name)}</td>` +
      `<td>${e.aliases.map(esc).join('、')}</td><td class="num">${esc(e.count)}</td></tr>`,
  );
  return `<table class="entities"><thead><tr><th>type</th><th>canonical name</th><th>aliases</th><th>count</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function amountTable(sorted: readonly Mention[]): string {
  const rows = sorted
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.type === 'money' || m.type === 'date')
    .map(
      ({ m, i }) =>
        `<tr><td><mark class="t-${m.type}">${m.type}</mark></td><td><a href="#m${i}">${esc(m.text)}</a></td>` +
        `<td>${esc(normalisedSummary(m))}</td><td class="num">${esc(m.start)}–${esc(m.end)}</td><td>${esc(m.rule ?? '')}</td></tr>`,
    );
  if (rows.length === 0) return '<p class="meta">No amounts or dates.</p>';
  return `<table class="amounts"><thead><tr><th>type</th><th>text</th><th>normalised</th><th>offsets</th><th>rule</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The whole page for one article. */
export function renderArticleHtml(view: ArticleView): string {
  const { original, simplified, result } = view;
  const title = view.title ?? result.doc ?? result.id ?? 'Extraction';
  const sorted = [...result.mentions].sort(byPosition);
  const main = renderMarked(original, sorted.map((m, i) => mentionMark(m, i, original, true)));
  const mismatched = sorted.filter((m) => original.slice(m.start, m.end) !== m.text).length;
  const warnings = [
    main.unplaced.length ? `${main.unplaced.length} mention(s) have offsets outside the text and are not shown.` : '',
    mismatched ? `${mismatched} mention(s) have a text that differs from the original at their offsets (dashed red).` : '',
  ].filter(Boolean);

  // The simplified column is only worth showing when it differs; it is highlighted only when offsets line up.
  const hasSimplified = simplified !== undefined && simplified !== original;
  const simplifiedHtml = !hasSimplified
    ? ''
    : simplified.length === original.length
      ? renderMarked(simplified, sorted.map((m, i) => mentionMark(m, i, original, false))).html
      : esc(simplified);
  const meta = [`script: ${result.script}`, result.refDate ? `refDate: ${result.refDate}` : '', `${sorted.length} mentions`, `${original.length} characters`];

  const body = [
    hasSimplified ? '<input type="checkbox" id="simp-toggle">' : '',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${meta.filter(Boolean).map(esc).join(' · ')}${simplified === original ? ' · the text is already simplified' : ''}</p>`,
    ...warnings.map((w) => `<p class="warn">${esc(w)}</p>`),
    legend(sorted),
    hasSimplified ? '<label class="toggle" for="simp-toggle">简体 Simplified text side by side</label>' : '',
    '</header>',
    '<main class="cols">',
    `<section class="orig"><h2>Original</h2><div class="article">${main.html}</div></section>`,
    hasSimplified ? `<section class="simp"><h2>Simplified</h2><div class="article">${simplifiedHtml}</div></section>` : '',
    '</main>',
    '<h2>Entities</h2>',
    entityTable(result),
    '<h2>Amounts and dates (reading order)</h2>',
    amountTable(sorted),
  ];
  return page({ title: `${title} — zh-news-extract`, css: CSS, body: body.filter(Boolean).join('\n') });
}
