/**
 * Properties (fast-check, fixed seed, so a failure reproduces; the counterexample is
 * printed by fc.assert) on random Unicode and on mutated corpus articles:
 * extraction never throws, offsets are exact, results pass the schema, the same
 * input gives the same result, and conversion is idempotent on simplified text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { createExtractor } from '../../src/index.js';
import { createConverter } from '../../src/convert/index.js';
import { BUNDLED_RULES_DIR } from '../../src/rules/load.js';
import { corpusTexts, problems } from './support.js';

const SEED = 20240401;
const extractor = createExtractor();
const convert = createConverter({ rulesDir: BUNDLED_RULES_DIR });
const CORPUS = corpusTexts();

/** Characters the rules care about, mixed with traps (surrogates, NUL, CR, BOM, full width). */
const INTERESTING = [
  ...'0123456789０１２３４５６７８９.,-~至到—',
  ...'一二两三十百千万亿兆数几多余点〇零壹贰',
  ...'元美元港币人民币欧英镑$￥US',
  ...'年月日号初底末中旬上下半季度今去明本近周',
  ...'王李张欧阳司马小川表示创始人先生·',
  ...'科技公司有限集团智能百川阿里腾讯AI Capital',
  ...'約億萬臺灣網域領區國華為',
  '\u{20000}', '\u{2C029}', '😀', '\uD800', '\uDC00', '\u0000', '\r', '\n', '\r\n', '\uFEFF', '\u3000', '\u00A0', '\t', '（', '）', '《', '》',
];
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1000, size: 'medium' }), // any code point, astral included
  fc.string({ unit: utf16Unit, maxLength: 1000, size: 'medium' }), // any code unit: lone surrogates included
  fc.string({ unit: fc.constantFrom(...INTERESTING), maxLength: 400, size: 'large' }),
);

type Op =
  | { op: 'slice'; a: number; b: number }
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; n: number }
  | { op: 'swap'; i: number; j: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('slice' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: randomText }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ op: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
);

/** Apply the mutations (positions taken modulo the current length; swaps are of code units). */
function mutate(text: string, ops: readonly Op[]): string {
  let s = text;
  for (const o of ops) {
    const len = s.length + 1;
    if (o.op === 'slice') {
      const [a, b] = [o.a % len, o.b % len].sort((x, y) => x - y);
      s = s.slice(a!, b!);
    } else if (o.op === 'insert') {
      const at = o.at % len;
      s = s.slice(0, at) + o.s + s.slice(at);
    } else if (o.op === 'delete') {
      const at = o.at % len;
      s = s.slice(0, at) + s.slice(at + o.n);
    } else if (s.length > 1) {
      const i = Math.min(o.i % s.length, o.j % s.length);
      const j = Math.max(o.i % s.length, o.j % s.length);
      if (i < j) s = s.slice(0, i) + s[j] + s.slice(i + 1, j) + s[i] + s.slice(j + 1);
    }
  }
  return s;
}

/** The properties every input must satisfy; throws with a readable message. */
function checkExtraction(input: string): void {
  const first = extractor.extract(input, { refDate: '2024-04' });
  const found = problems(input, first);
  if (found.length) throw new Error(found.join('\n'));
  const second = extractor.extract(input, { refDate: '2024-04' });
  if (!isDeepStrictEqual(first, second)) throw new Error('not deterministic: the same input gave two different results');
}

const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

describe('extraction on random Unicode', () => {
  it('never throws; exact offsets; schema-valid; deterministic', () => {
    fc.assert(fc.property(randomText, (s) => checkExtraction(s)), params(500));
  }, 120_000);
});

describe('extraction on mutated corpus articles', () => {
  const mutated = fc.record({
    doc: fc.integer({ min: 0, max: CORPUS.length - 1 }),
    ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
  });
  it(`never throws; exact offsets; schema-valid; deterministic (${CORPUS.length} article(s))`, () => {
    fc.assert(fc.property(mutated, ({ doc, ops }) => checkExtraction(mutate(CORPUS[doc]!, ops))), params(300));
  }, 120_000);
});

describe('conversion is idempotent on simplified text', () => {
  it('conv(conv(x).simplified).simplified === conv(x).simplified (random Unicode)', () => {
    fc.assert(
      fc.property(randomText, (x) => {
        const once = convert(x).simplified;
        expect(convert(once).simplified).toBe(once);
      }),
      params(500),
    );
  });

  it('the same on mutated corpus articles (traditional and mixed script)', () => {
    const mutated = fc.record({ doc: fc.integer({ min: 0, max: CORPUS.length - 1 }), ops: fc.array(opArb, { maxLength: 4 }) });
    fc.assert(
      fc.property(mutated, ({ doc, ops }) => {
        const once = convert(mutate(CORPUS[doc]!, ops)).simplified;
        expect(convert(once).simplified).toBe(once);
      }),
      params(100),
    );
  });

  // CJK Unified Ideographs that the converter leaves unchanged on their own: simplified
  // characters and characters written alike in both scripts
  const POOL: string[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    if (convert(ch).simplified === ch) POOL.push(ch);
  }

  it(`random pure-simplified CJK (${POOL.length} characters) comes out unchanged`, () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...POOL), minLength: 1, maxLength: 400, size: 'large' }), (s) => {
        expect(convert(s).simplified).toBe(s);
      }),
      params(500),
    );
  });
});

describe('extractors are independent of each other', () => {
  // Last in this file: it loads a second rule set, which changes process-global segmenter state.
  it('creating a second extractor with other options does not change the first one\'s output', () => {
    const text = CORPUS[0]!;
    const before = extractor.extract(text, { refDate: '2024-04' });
    createExtractor({ useLexicon: false });
    const after = extractor.extract(text, { refDate: '2024-04' });
    const changed = after.mentions
      .map((m, i) => [before.mentions[i], m] as const)
      .filter(([b, a]) => !isDeepStrictEqual(b, a))
      .slice(0, 3);
    expect(changed, 'mentions of the first extractor that changed').toEqual([]);
    expect(after).toEqual(before);
  });
});
