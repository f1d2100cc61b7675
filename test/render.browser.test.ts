/**
 * The HTML reports in a real headless Chromium (Debian package `chromium`).
 * Never skipped: without /usr/bin/chromium these tests fail and say what to install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderArticleHtml } from '../src/render/article.js';
import { renderEvalHtml } from '../src/render/eval.js';
import { scoreDocuments } from '../src/eval/score.js';
import { MENTION_TYPES, type Mention } from '../src/schema.js';
import { ROOT, seedView } from './renderSeed.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'output/render-seed.png');
const dir = mkdtempSync(path.join(tmpdir(), 'zhx-browser-'));

let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install the Debian package "chromium" (apt-get install -y chromium); CI installs it. Browser tests are never skipped.`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** every URL the page requested */
  requests: string[];
  /** console errors and uncaught exceptions (a CSP violation by our own script would show here) */
  problems: string[];
}

/** Open an HTML string from a file, as a user would, recording requests and errors. */
async function open(html: string, name: string): Promise<Opened> {
  const file = path.join(dir, name);
  writeFileSync(file, html);
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, problems };
}

const onlyLocal = (requests: readonly string[], file: string) =>
  expect(requests.filter((u) => !u.startsWith('data:') && !u.endsWith(`/${file}`)), 'network requests').toEqual([]);

describe('article report in Chromium', { timeout: 120_000 }, () => {
  it('highlights every mention, shows a money value on hover, loads nothing, and screenshots', async () => {
    const { original, simplified, result, expected } = seedView(); // PIPELINE: seedView() uses the gold stand-in, see renderSeed.ts
    const { page, requests, problems } = await open(renderArticleHtml({ original, simplified, result, title: '000_774273c1435614fb' }), 'seed.html');

    for (const t of MENTION_TYPES) expect(await page.locator(`.m-${t}`).count(), t).toBe(expected.filter((m) => m.type === t).length);
    // The pieces of each mention (same type, start, end) spell exactly its text.
    const shown = await page.evaluate(() => {
      const text = new Map<string, string>();
      for (const el of document.querySelectorAll<HTMLElement>('.orig [data-type]')) {
        const key = `${el.dataset.type}:${el.dataset.start}:${el.dataset.end}`;
        // a piece's text includes marks nested in it, which lie inside this mark too
        text.set(key, (text.get(key) ?? '') + el.textContent);
      }
      return Object.fromEntries(text);
    });
    expect(shown).toEqual(Object.fromEntries(expected.map((m) => [`${m.type}:${m.start}:${m.end}`, m.text])));

    // The simplified column appears beside the original when toggled.
    expect(await page.locator('section.simp').isVisible()).toBe(false);
    await page.locator('label.toggle').click();
    expect(await page.locator('section.simp').isVisible()).toBe(true);

    const money = expected.find((m): m is Extract<Mention, { type: 'money' }> => m.type === 'money' && m.value !== undefined)!;
    await page.locator(`.m-money[data-start="${money.start}"]`).hover();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const tipText = await tip.innerText();
    expect(tipText).toContain(`value: ${money.value}`);
    expect(tipText).toContain(`currency: ${money.currency}`);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT }); // the first screen: legend, both columns, the tooltip
    expect(statSync(SCREENSHOT).size).toBeLessThan(500_000);

    onlyLocal(requests, 'seed.html');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders hostile article text and names as text, running none of it', async () => {
    const original = '甲<script>window.__pwned=1</script>乙<img src=x onerror="window.__pwned=1">丙 百度 </span></mark>"&';
    const start = original.indexOf('百度');
    const name = '<img src=x onerror="window.__pwned=1">';
    const html = renderArticleHtml({
      original,
      title: '<script>window.__pwned=1</script>',
      result: { script: 'hans', mentions: [{ type: 'company', start, end: start + 2, text: '百度', name, rule: '"><script>window.__pwned=1</script>' }], entities: [{ type: 'company', name, aliases: [], count: 1 }] },
    });
    const { page, requests, problems } = await open(html, 'hostile.html');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.orig .article').textContent()).toBe(original);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.m-company').count()).toBe(1);
    await page.locator('.m-company').hover();
    await expect.poll(() => page.locator('#tip').innerText()).toContain(`name: ${name}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    onlyLocal(requests, 'hostile.html');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('eval report in Chromium', { timeout: 120_000 }, () => {
  it('links an error row to its mark in the text', async () => {
    const { original, expected } = seedView();
    const pred = expected.slice(1).map((m) => (m.type === 'money' ? { ...m, mod: 'APPROX' as const } : m));
    const report = scoreDocuments([{ id: 'seed', gold: expected, pred }]);
    const html = renderEvalHtml({ articles: [{ id: 'seed', original, gold: expected, pred, errors: report.errors }], perType: report.perType });
    const { page, requests } = await open(html, 'eval.html');
    expect(await page.locator('.article .fn').count()).toBe(1);
    const last = report.errors.at(-1)!;
    const id = `aseed-${last.start}-${last.end}-${last.kind.toLowerCase()}`;
    await page.locator(`a[href="#${id}"]`).first().click();
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
    onlyLocal(requests, 'eval.html');
    await page.close();
  });
});
