/**
 * Shared pieces of the self-contained HTML reports (article view, eval view):
 * escaping, the page skeleton with its Content-Security-Policy, and the tooltip.
 * Reports must open offline from a file: no external fonts, styles or scripts.
 */
import { createHash } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for text content and for double- or single-quoted attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * One floating tooltip for the whole page, filled from the hovered element's
 * data-tip with textContent (never innerHTML), so a tip can hold any text safely.
 * One delegated listener keeps it cheap on articles with hundreds of mentions.
 */
const TIP_SCRIPT = `(() => {
  const tip = document.getElementById('tip');
  if (!tip) return;
  const show = (el) => {
    tip.textContent = el.getAttribute('data-tip');
    tip.hidden = false;
    const r = el.getBoundingClientRect();
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(r.left, innerWidth - w - 8)) + 'px';
    tip.style.top = (r.bottom + h + 8 < innerHeight ? r.bottom + 4 : Math.max(4, r.top - h - 4)) + 'px';
  };
  const onOver = (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-tip]') : null;
    if (el) show(el); else tip.hidden = true;
  };
  document.addEventListener('mouseover', onOver);
  document.addEventListener('focusin', onOver);
  // the tip is positioned for where the mark was: after scrolling it would point elsewhere
  addEventListener('scroll', () => { tip.hidden = true; }, { passive: true });
})();`;

/**
 * The policy allows only this exact script (by hash) and inline styles, and no
 * fetches of any kind: even if some text escaped escaping, an injected
 * <script> or onerror= would not run and nothing could be loaded.
 */
const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(TIP_SCRIPT).digest('base64')}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** CJK fonts first (simplified and traditional), so Chinese text never falls back to a Latin-only face. */
const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "PingFang SC", "PingFang TC", "Hiragino Sans GB", ' +
  '"Microsoft YaHei", "Microsoft JhengHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", sans-serif';

const BASE_CSS = `
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 24px 48px; font-family: ${FONT_STACK};
  color: #1d1d1f; background: #fafafa; line-height: 1.5; }
h1 { font-size: 1.4rem; margin: 0 0 4px; } h2 { font-size: 1.1rem; margin: 24px 0 8px; }
.meta { color: #666; margin: 0 0 8px; font-size: .9rem; }
.warn { color: #9a3412; background: #fff7ed; border: 1px solid #fdba74; padding: 6px 10px; border-radius: 4px; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; line-height: 1.9;
  background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 14px 18px; }
mark { color: inherit; background: none; border-radius: 3px; padding: 1px 0; cursor: help; }
mark mark { padding: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; font-size: .9rem; align-items: center; }
.legend mark { padding: 1px 6px; cursor: default; }
table { border-collapse: collapse; background: #fff; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #1d4ed8; text-decoration: none; } a:hover { text-decoration: underline; }
:target { outline: 3px solid #f59e0b; outline-offset: 1px; }
/* a followed link lands the mark mid-screen, with the line before it in view, not under the top edge */
[id] { scroll-margin-top: 35vh; }
#tip { position: fixed; z-index: 10; max-width: 420px; padding: 6px 10px; border-radius: 6px; pointer-events: none;
  background: #1f2937; color: #f9fafb; font-size: .85rem; line-height: 1.45; white-space: pre-wrap;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); }
#tip[hidden] { display: none; }
`;

/** A complete document: CSP first in <head>, then the page's own CSS after the shared one. */
export function page(opts: { title: string; css: string; body: string }): string {
  return [
    '<!doctype html>',
    '<html lang="zh">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(opts.title)}</title>`,
    `<style>${BASE_CSS}${opts.css}</style>`,
    '</head>',
    '<body>',
    opts.body,
    '<div id="tip" role="tooltip" hidden></div>',
    `<script>${TIP_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
