/**
 * Grouping errors into patterns the rule author can act on: person names by
 * surname class (read from the project's own rules/person/surnames.yaml, so the
 * classes say which list a missed name would need), company names by ending, and
 * a frequency table with a few examples per pattern.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './data.js';
import type { ErrorRecord } from './types.js';

interface Surnames {
  common: string[];
  rare: string[];
  compound: string[];
}
let surnames: { common: Set<string>; rare: Set<string>; compound: Set<string> } | undefined;

function lists() {
  if (!surnames) {
    const raw = parse(readFileSync(path.join(REPO_ROOT, 'rules/person/surnames.yaml'), 'utf8')) as Surnames;
    surnames = { common: new Set(raw.common), rare: new Set(raw.rare), compound: new Set(raw.compound) };
  }
  return surnames;
}

/** latin, transliterated (with ·), compound, common, rare or unlisted surname; plus the length in characters. */
export function nameShape(name: string): string {
  const s = lists();
  let cls: string;
  if (/^[A-Za-z]/.test(name)) cls = 'latin';
  else if (/[·•・]/.test(name)) cls = 'transliterated·';
  else if (s.compound.has(name.slice(0, 2))) cls = 'compound-surname';
  else if (s.common.has(name[0]!)) cls = 'common-surname';
  else if (s.rare.has(name[0]!)) cls = 'rare-surname';
  else cls = 'unlisted-surname';
  const len = /^[A-Za-z]/.test(name) ? 'latin' : `${[...name].length}ch`;
  return `${cls} ${len}`;
}

const ENDINGS = ['有限公司', '公司', '集团', '银行', '证券', '保险', '基金', '资本', '科技', '控股', '传媒', '汽车', '网', '社', '台', '报'];

/** The ending class of a company name (a suffix the patterns could key on). */
export function companyEnding(name: string): string {
  if (/^[\x20-\x7e]+$/.test(name)) return 'latin';
  const ending = ENDINGS.find((e) => name.endsWith(e));
  return ending ? `…${ending}` : `other ${[...name].length}ch`;
}

export interface Pattern {
  pattern: string;
  count: number;
  examples: string[];
}

/** The n most frequent patterns, each with up to `k` distinct example texts. */
export function topPatterns(errors: readonly ErrorRecord[], n = 30, k = 4): Pattern[] {
  const by = new Map<string, Pattern>();
  for (const e of errors) {
    const p = by.get(e.pattern) ?? { pattern: e.pattern, count: 0, examples: [] };
    p.count++;
    if (p.examples.length < k && !p.examples.includes(e.text)) p.examples.push(e.text);
    by.set(e.pattern, p);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern)).slice(0, n);
}
