/**
 * Examples are tests (shared/STYLE.md item 6): one table-driven runner for
 * test/examples/<type>.yaml. Each case lists EXACTLY the mentions of that type expected
 * in its input, strict on span and count, with the fields of shared/ANNOTATION.md.
 *
 * - `text` is the exact substring of the ORIGINAL input (traditional stays traditional);
 *   the start is found with indexOf, `occurrence: n` picks the n-th repeat (from 0).
 * - Every field given must match (numbers with the scorer's 1e-6 relative tolerance).
 *   A normalised field NOT given must be absent: money value/min/max/mod,
 *   date value/mod/resolved/relative (stricter than score.mjs on `resolved`: a deictic
 *   carries its value in `value`, a full date has nothing to resolve).
 * - `optional: true` follows score.mjs: a prediction overlapping it counts neither way.
 * - `lexicon: false` runs the case with createExtractor({ useLexicon: false }).
 * - `pending: why` marks a known gap: the case runs and must FAIL (it.fails), so a gap
 *   that gets fixed shows up as a failure until its `pending` line is removed.
 * On failure the message shows the expected and predicted mentions with rule ids.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, it } from 'vitest';
import { createExtractor, type Extractor, type Mention, type MentionType } from '../src/index.js';

const EXAMPLES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples');

/** Fields a case may give per type; the ones in `strict` must be absent when not given. */
const FIELDS = {
  money: { allowed: ['currency', 'value', 'min', 'max', 'mod'], strict: ['value', 'min', 'max', 'mod'] },
  date: { allowed: ['value', 'mod', 'relative', 'resolved'], strict: ['value', 'mod', 'resolved', 'relative'] },
  company: { allowed: ['name'], strict: [] },
  person: { allowed: ['name'], strict: [] },
} as const satisfies Record<MentionType, { allowed: readonly string[]; strict: readonly string[] }>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const itemSchema = z
  .object({ text: z.union([z.string(), z.number()]).transform(String), occurrence: z.number().int().nonnegative().optional(), optional: z.boolean().optional() })
  .catchall(scalar);
const caseSchema = z
  .object({
    input: z.string().min(1),
    refDate: z.union([z.string(), z.number()]).transform(String).optional(),
    expect: z.array(itemSchema),
    pending: z.string().min(1).optional(),
    lexicon: z.boolean().optional(),
  })
  .strict();
const fileSchema = z.object({ cases: z.array(caseSchema).min(1) }).strict();

type Item = z.infer<typeof itemSchema>;
type Case = z.infer<typeof caseSchema>;
interface Expected { start: number; end: number; text: string; optional: boolean; fields: Record<string, unknown> }

function loadCases(type: MentionType): Case[] {
  const file = path.join(EXAMPLES_DIR, `${type}.yaml`);
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  for (const c of parsed.data.cases) {
    for (const item of c.expect) {
      const unknown = Object.keys(item).filter((k) => !['text', 'occurrence', 'optional', ...FIELDS[type].allowed].includes(k));
      if (unknown.length) throw new Error(`${file}: case "${c.input}": unknown field(s) ${unknown.join(', ')} for ${type}`);
    }
  }
  return parsed.data.cases;
}

/** The expected span of an item: the `occurrence`-th indexOf of its text. */
function locate(type: MentionType, c: Case, item: Item): Expected {
  let start = -1;
  for (let n = 0; n <= (item.occurrence ?? 0); n++) {
    start = c.input.indexOf(item.text, start + 1);
    if (start < 0) throw new Error(`bad example: "${item.text}" (occurrence ${item.occurrence ?? 0}) is not in "${c.input}"`);
  }
  const { text, occurrence: _o, optional, ...fields } = item;
  // dates are TIMEX3 strings even when YAML reads 2024 as a number
  if (type === 'date') for (const k of ['value', 'resolved']) if (k in fields && typeof fields[k] === 'number') fields[k] = String(fields[k]);
  return { start, end: start + text.length, text, optional: optional ?? false, fields };
}

/** Same tolerance as shared/score.mjs. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
}

const fmtValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const NOT_SHOWN = new Set(['type', 'start', 'end', 'text', 'rule', 'optional']);
function fmtMention(m: Mention): string {
  const fields = Object.entries(m).filter(([k, v]) => !NOT_SHOWN.has(k) && v !== undefined).map(([k, v]) => `${k}=${fmtValue(v)}`);
  return `${m.type} [${m.start},${m.end}) "${m.text}" ${fields.join(' ')}   <- ${m.rule ?? '(no rule)'}`;
}
function fmtExpected(type: MentionType, e: Expected): string {
  const fields = Object.entries(e.fields).map(([k, v]) => `${k}=${fmtValue(v)}`);
  return `${type} [${e.start},${e.end}) "${e.text}" ${fields.join(' ')}${e.optional ? ' (optional)' : ''}`;
}

/** Every way the predictions of `type` differ from the case; empty when they agree. */
function compare(type: MentionType, c: Case, mentions: readonly Mention[]): string[] {
  const problems: string[] = [];
  const expected = c.expect.map((item) => locate(type, c, item));
  const required = expected.filter((e) => !e.optional);
  const optional = expected.filter((e) => e.optional);
  const preds = mentions.filter((m) => m.type === type);
  for (const m of preds) {
    if (c.input.slice(m.start, m.end) !== m.text) problems.push(`offsets: input.slice(${m.start}, ${m.end}) is not "${m.text}"`);
  }
  const counted = preds.filter((m) => !optional.some((o) => o.start < m.end && m.start < o.end));
  for (const e of required) {
    const hits = counted.filter((m) => m.start === e.start && m.end === e.end);
    if (hits.length === 0) {
      problems.push(`missing: ${fmtExpected(type, e)}`);
      continue;
    }
    if (hits.length > 1) problems.push(`${hits.length} mentions at [${e.start},${e.end}) "${e.text}"`);
    const got = hits[0] as Record<string, unknown>;
    for (const [k, v] of Object.entries(e.fields)) {
      if (!same(got[k], v)) problems.push(`"${e.text}": ${k} expected ${fmtValue(v)}, got ${got[k] === undefined ? '(absent)' : fmtValue(got[k])}`);
    }
    for (const k of FIELDS[type].strict) {
      if (!(k in e.fields) && got[k] != null) problems.push(`"${e.text}": ${k} expected absent, got ${fmtValue(got[k])}`);
    }
  }
  for (const m of counted) {
    if (!required.some((e) => e.start === m.start && e.end === m.end)) problems.push(`unexpected: ${fmtMention(m)}`);
  }
  return problems;
}

function report(type: MentionType, c: Case, mentions: readonly Mention[], problems: readonly string[]): string {
  const expected = c.expect.map((item) => locate(type, c, item));
  return [
    `${type} example failed: ${c.input}`,
    ...(c.refDate ? [`refDate: ${c.refDate}`] : []),
    ...(c.lexicon === false ? ['useLexicon: false'] : []),
    'problems:',
    ...problems.map((p) => `  - ${p}`),
    `expected ${type}:`,
    ...(expected.length ? expected.map((e) => `  ${fmtExpected(type, e)}`) : ['  (none)']),
    `predicted ${type}:`,
    ...(mentions.some((m) => m.type === type) ? mentions.filter((m) => m.type === type).map((m) => `  ${fmtMention(m)}`) : ['  (none)']),
    'other mentions:',
    ...mentions.filter((m) => m.type !== type).map((m) => `  ${fmtMention(m)}`),
  ].join('\n');
}

// jieba is process-global and each createExtractor reloads it with its own user
// dictionary: create the no-lexicon extractor first so the default one's dictionary
// is the one loaded while the cases run.
let extractors: { lexicon: Extractor; noLexicon: Extractor } | undefined;
function extractorFor(c: Case): Extractor {
  if (!extractors) {
    const noLexicon = createExtractor({ useLexicon: false });
    extractors = { noLexicon, lexicon: createExtractor() };
  }
  return c.lexicon === false ? extractors.noLexicon : extractors.lexicon;
}

function runCase(type: MentionType, c: Case): void {
  const result = extractorFor(c).extract(c.input, c.refDate === undefined ? {} : { refDate: c.refDate });
  const problems = compare(type, c, result.mentions);
  if (problems.length) throw new Error(report(type, c, result.mentions, problems));
}

const TYPES: readonly MentionType[] = ['money', 'date', 'company', 'person'];

for (const type of TYPES) {
  describe(type, () => {
    for (const c of loadCases(type)) {
      const name = [c.input, c.refDate && `(refDate ${c.refDate})`, c.lexicon === false && '[no lexicon]'].filter(Boolean).join(' ');
      if (c.pending) it.fails(`${name} -- pending: ${c.pending}`, () => runCase(type, c));
      else it(name, () => runCase(type, c));
    }
  });
}
