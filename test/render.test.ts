import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderArticleHtml } from '../src/render/article.js';
import { renderEvalHtml } from '../src/render/eval.js';
import { scoreDocuments, type LooseMention } from '../src/eval/score.js';
import { runEval } from '../src/cli/eval.js';
import { runRender } from '../src/cli/render.js';
import { MENTION_TYPES, type ExtractionResult, type Mention } from '../src/schema.js';
import { seedView } from './renderSeed.js';

// ---- helpers: read the produced HTML back without a browser ----------------------------------

/** How many elements carry `token` among their classes. */
const countClass = (html: string, token: string): number =>
  [...html.matchAll(/class="([^"]*)"/g)].filter((m) => m[1]!.split(' ').includes(token)).length;

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The original-text column. */
const articleDiv = (html: string) => html.slice(html.indexOf('<div class="article">') + 21, html.indexOf('</div></section>'));

/**
 * Walks the marked text like a browser would: checks every </mark> closes the
 * innermost open <mark>, and collects the text inside each mark (all its pieces)
 * by "type:start:end". Returns the plain text too.
 */
function readMarks(fragment: string): { text: string; byMark: Map<string, string> } {
  const stack: string[] = [];
  const byMark = new Map<string, string>();
  let text = '';
  for (const [, tag, attrs, chunk] of fragment.matchAll(/<(\/?mark)([^>]*)>|([^<]+)/g)) {
    if (chunk !== undefined) {
      const plain = unescape(chunk);
      text += plain;
      for (const key of stack) byMark.set(key, (byMark.get(key) ?? '') + plain);
    } else if (tag === 'mark') {
      const at = (name: string) => unescape(new RegExp(` ${name}="([^"]*)"`).exec(attrs!)![1]!);
      stack.push(`${at('data-type')}:${at('data-start')}:${at('data-end')}`);
    } else {
      expect(stack.pop(), 'a </mark> without an open <mark>').toBeDefined();
    }
  }
  expect(stack, 'unclosed <mark>').toEqual([]);
  return { text, byMark };
}

const result = (mentions: Mention[], extra: Partial<ExtractionResult> = {}): ExtractionResult => ({ script: 'hans', mentions, entities: [], ...extra });
const at = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length, text: part };
};

// ---- article view -----------------------------------------------------------------------------

describe('renderArticleHtml', () => {
  it('escapes everything taken from the article and the result', () => {
    const original = '<script>alert(1)</script> A&B </span> "引号" 百度 <img src=x onerror=alert(2)>';
    const hostile = '"><script>alert(3)</script>&';
    const html = renderArticleHtml({
      original,
      title: '</title><script>alert(4)</script>',
      result: result(
        [{ type: 'company', ...at(original, '百度'), name: hostile, rule: 'r"<&' }],
        { entities: [{ type: 'company', name: hostile, aliases: ['</td>"x'], count: 1 }] },
      ),
    });
    expect(html.match(/<script/g)).toHaveLength(1); // only the page's own tooltip script
    expect(html).not.toMatch(/<img|<\/span> "|alert\(\d\)<\/script>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B &lt;/span&gt; &quot;引号&quot;');
    expect(html).toContain('name: &quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;&amp;'); // inside data-tip
    expect(html).toContain('rule: r&quot;&lt;&amp;');
    expect(html).toContain('&lt;/td&gt;&quot;x');
    expect(readMarks(articleDiv(html)).text).toBe(original);
  });

  it('gives every mention one countable element per type, with its exact text (seed article)', () => {
    const { original, simplified, result: r, expected } = seedView();
    const html = renderArticleHtml({ original, simplified, result: r });
    for (const t of MENTION_TYPES) expect(countClass(html, `m-${t}`), t).toBe(expected.filter((m) => m.type === t).length);
    expect(countClass(html, 'm')).toBe(expected.length);
    const { text, byMark } = readMarks(articleDiv(html));
    expect(text).toBe(original);
    for (const m of expected) expect(byMark.get(`${m.type}:${m.start}:${m.end}`)).toBe(m.text);
    expect(html).toContain('<section class="simp">'); // the simplified column is there, toggled by CSS
    expect(html).toContain('USD 1800000000 (18亿) MORE_THAN'); // amounts table
  });

  it('splits overlapping mentions into nested pieces, counting each mention once', () => {
    const original = '据2024年百度公司年报';
    const mentions: Mention[] = [
      { type: 'date', ...at(original, '2024年百'), value: '2024' }, // crosses into the company
      { type: 'company', ...at(original, '百度公司'), name: '百度公司' },
      { type: 'person', ...at(original, '百度'), name: '百度' }, // nested inside the company
    ];
    const html = renderArticleHtml({ original, result: result(mentions) });
    for (const t of ['date', 'company', 'person']) expect(countClass(html, `m-${t}`), t).toBe(1);
    expect(countClass(html, 'm-cont')).toBeGreaterThan(0); // the company is cut where the date ends
    const { text, byMark } = readMarks(articleDiv(html));
    expect(text).toBe(original);
    for (const m of mentions) expect(byMark.get(`${m.type}:${m.start}:${m.end}`)).toBe(m.text);
  });

  it('renders an empty article, and warns about mentions that do not fit the text', () => {
    const empty = renderArticleHtml({ original: '', result: result([]) });
    expect(empty).toContain('<div class="article"></div>');
    expect(countClass(empty, 'm')).toBe(0);
    const off = renderArticleHtml({ original: 'abc', result: result([{ type: 'person', start: 2, end: 9, text: 'c', name: 'c' }]) });
    expect(off).toContain('offsets outside the text');
    expect(countClass(off, 'm-person')).toBe(0);
  });

  it('keeps surrogate pairs whole: offsets are UTF-16 units', () => {
    const original = '𠀀𠀁公司的𩸽王小川說:𝟘 筆 18 億元,😀';
    const mentions: Mention[] = [
      { type: 'company', ...at(original, '𠀀𠀁公司'), name: '𠀀𠀁公司' },
      { type: 'person', ...at(original, '𩸽王小川'), name: '𩸽王小川' },
      { type: 'money', ...at(original, '18 億元'), value: 1.8e9, currency: 'CNY' },
    ];
    expect(mentions[1]!.start).toBe(7); // two astral characters count two units each
    const html = renderArticleHtml({ original, result: result(mentions) });
    const { text, byMark } = readMarks(articleDiv(html));
    expect(text).toBe(original);
    for (const m of mentions) expect(byMark.get(`${m.type}:${m.start}:${m.end}`)).toBe(m.text);
    expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });

  it('flags a mention whose text does not match the original at its offsets', () => {
    const html = renderArticleHtml({ original: '百度和阿里', result: result([{ type: 'company', start: 0, end: 2, text: '阿里', name: '阿里' }]) });
    expect(html).toMatch(/class="m m-company t-company bad"/);
    expect(html).toContain('text at these offsets is «百度»');
  });
});

// ---- eval view and the commands ----------------------------------------------------------------

const co = (text: string, part: string, extra: Partial<LooseMention> = {}): LooseMention => ({ type: 'company', ...at(text, part), name: part, ...extra });

describe('renderEvalHtml', () => {
  const original = '百度和阿里巴巴投资了<b>智谱</b>,金额 5 亿元。';
  const money = { type: 'money', ...at(original, '5 亿元'), currency: 'CNY' };
  const gold = [co(original, '百度'), co(original, '阿里巴巴'), co(original, '智谱', { optional: true }), { ...money, value: 5e8 }];
  const pred = [co(original, '百度'), co(original, '阿里'), co(original, '<b>智'), { ...money, value: 5e7 }];

  it('marks tp, fp, fn, val once each and links every error to its place', () => {
    const report = scoreDocuments([{ id: 'doc 1', gold, pred }]);
    const html = renderEvalHtml({ articles: [{ id: 'doc 1', original, gold, pred, errors: report.errors }], perType: report.perType });
    expect({ tp: countClass(html, 'tp'), fp: countClass(html, 'fp'), fn: countClass(html, 'fn'), val: countClass(html, 'val') }).toEqual({ tp: 1, fp: 1, fn: 1, val: 1 });
    expect(countClass(html, 'opt')).toBe(1);
    expect(countClass(html, 'ign')).toBe(1); // <b>智 overlaps the optional 智谱
    const text = html.slice(html.indexOf('<div class="article">') + 21, html.indexOf('</div>\n<h3>'));
    expect(readMarks(text).text).toBe(original);
    expect(html).not.toContain('<b>');
    for (const e of report.errors) {
      const id = `adoc_1-${e.start}-${e.end}-${e.kind.toLowerCase()}`;
      expect(html, id).toContain(`id="${id}"`);
      expect(html, id).toContain(`href="#${id}"`);
    }
    expect(html).toMatch(/<td>money<\/td>(<td class="num">[^<]*<\/td>){7}/); // score table row
  });
});

describe('zhx eval --html and zhx render', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhx-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const original = '百度和阿里巴巴投资了智谱。';
  mkdirSync(path.join(dir, 'repo/test/gold'), { recursive: true });
  mkdirSync(path.join(dir, 'repo/corpus'), { recursive: true });
  mkdirSync(path.join(dir, 'pred'));
  writeFileSync(path.join(dir, 'repo/corpus/a.txt'), '\uFEFF' + original);
  writeFileSync(path.join(dir, 'repo/test/gold/a.json'), JSON.stringify({ doc: 'corpus/a.txt', mentions: [co(original, '百度'), co(original, '智谱')] }));
  writeFileSync(path.join(dir, 'repo/test/gold/b.json'), JSON.stringify({ doc: 'corpus/missing.txt', mentions: [co(original, '百度')] }));
  for (const f of ['a', 'b']) writeFileSync(path.join(dir, `pred/${f}.json`), JSON.stringify({ mentions: [co(original, '百度'), co(original, '阿里')] }));

  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
  };

  it('eval --html writes the report, finding the text via the gold file\'s doc field', async () => {
    const { out, io: cliIO } = io();
    const file = path.join(dir, 'report/eval.html');
    const code = await runEval(['--gold', path.join(dir, 'repo/test/gold'), '--pred', path.join(dir, 'pred'), '--html', file], cliIO);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/company/); // the table still prints
    expect(out.stderr).toContain('corpus/missing.txt');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<div class="article">'); // a: text found from repo/test/gold up to repo/
    expect(html).toContain('the text is not shown'); // b: listed without text
    expect(countClass(html, 'fn')).toBe(1);
    expect(countClass(html, 'fp')).toBe(2);
    expect(html).toContain('id="ab-3-5-fp"'); // without text, the table row is the link target
  });

  const extracted = { original, simplified: original, result: result([{ type: 'company', start: 0, end: 2, text: '百度', name: '百度' }]) };
  const deps = { extractFile: async (p: string, refDate?: string) => {
    if (p.endsWith('nope.txt')) throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(refDate === undefined || refDate === '2024-04').toBe(true);
    return extracted;
  } };

  it('render prints the page, or writes it with --out; bad usage exits 2', async () => {
    const a = io();
    expect(await runRender(['a.txt', '--ref-date', '2024-04'], a.io, deps)).toBe(0);
    expect(a.out.stdout).toMatch(/^<!doctype html>/);
    expect(countClass(a.out.stdout, 'm-company')).toBe(1);
    const file = path.join(dir, 'out/a.html');
    const b = io();
    expect(await runRender(['a.txt', '--out', file], b.io, deps)).toBe(0);
    expect(b.out.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('<title>a.txt');
    for (const argv of [[], ['a.txt', 'b.txt'], ['a.txt', '--ref-date', 'April'], ['--bogus', 'a.txt'], ['nope.txt']]) {
      const c = io();
      expect(await runRender(argv, c.io, deps), argv.join(' ')).toBe(2);
      expect(c.out.stderr).toContain('zhx render');
    }
  });
});
