/**
 * Hostile input through the public pipeline: every family is timed at n and 4n in the
 * same run (t(4n)/t(n) < 8; linear is ~4, quadratic ~16), and its output must be
 * schema-valid with exact offsets. Never an absolute time. The same again with the
 * rules loaded from a user-supplied copy of rules/, which must behave identically.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { createExtractor, type ExtractionResult, type Extractor } from '../../src/index.js';
import { segment } from '../../src/segment/index.js';
import { copyRules, describeInput, lcg, problems, randomCjk, scaling, SEED } from './support.js';

interface Family {
  name: string;
  /** the extractor(s) the input is aimed at */
  target: string;
  make: (n: number) => string;
  /** starting n; doubled until t(n) >= minMs */
  n0: number;
  /** families whose quadratic term only shows at larger n ask for slower t(n) (default 40 ms) */
  minMs?: number;
  /** largest n tried (default 64 n0) */
  maxN?: number;
}

// many DISTINCT names: per-name work (a scan of the text, a pass over all names) shows up here
const GIVEN = [...'伟明华强军平刚杰涛斌超波辉磊鹏飞宇浩然晨阳志远建国文博思源嘉怡欣悦雨婷佳琪子涵梓萱雅静丽娜敏慧玲芳燕红霞秀英桂兰玉梅'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗'];
const BRAND = [...'云星海蓝天宏远恒瑞泰华创新锐智博达信诚安康嘉盛鼎丰'];
function distinct(n: number, seed: number, item: (pick: (chars: string[]) => string) => string): string {
  const rnd = lcg(seed);
  const pick = (chars: string[]) => chars[Math.floor(rnd() * chars.length)]!;
  let s = '';
  for (let i = 0; i < n; i++) s += item(pick);
  return s;
}

const FAMILIES: Family[] = [
  { name: '100k-style digit run', target: 'money, date', make: (n) => '7'.repeat(n), n0: 25_000 },
  { name: "'亿'.repeat(n)", target: 'money numerals', make: (n) => '亿'.repeat(n), n0: 8_000 },
  { name: "'数亿'.repeat(n)", target: 'money vague counts', make: (n) => '数亿'.repeat(n), n0: 4_000 },
  { name: "'一万'.repeat(n) (Han numerals)", target: 'money, date numerals', make: (n) => '一万'.repeat(n), n0: 250 },
  { name: "'十亿'.repeat(n) (Han numerals)", target: 'money, date numerals', make: (n) => '十亿'.repeat(n), n0: 250 },
  { name: "'一点'.repeat(n) (Han decimal point)", target: 'money, date numerals', make: (n) => '一点'.repeat(n), n0: 250 },
  { name: "'1亿'.repeat(n)", target: 'money numerals', make: (n) => '1亿'.repeat(n), n0: 4_000 },
  { name: "'数亿美元'.repeat(n)", target: 'money', make: (n) => '数亿美元'.repeat(n), n0: 2_000 },
  { name: "'$'.repeat(n)", target: 'money (English amounts)', make: (n) => '$'.repeat(n), n0: 16_000 },
  { name: "'1' + '-'.repeat(n) + '2'", target: 'money and date ranges', make: (n) => `1${'-'.repeat(n)}2`, n0: 16_000 },
  { name: "'1-'.repeat(n) + '2'", target: 'money and date ranges', make: (n) => `${'1-'.repeat(n)}2`, n0: 8_000 },
  { name: "'2024年'.repeat(n)", target: 'date', make: (n) => '2024年'.repeat(n), n0: 2_000 },
  { name: "'今年'.repeat(n)", target: 'date (deictic)', make: (n) => '今年'.repeat(n), n0: 4_000 },
  { name: "'王'.repeat(n)", target: 'person (surname)', make: (n) => '王'.repeat(n), n0: 16_000 },
  { name: "'欧阳'.repeat(n)", target: 'person (compound surname)', make: (n) => '欧阳'.repeat(n), n0: 8_000 },
  { name: "'王小川表示'.repeat(n)", target: 'person (name + cue)', make: (n) => '王小川表示'.repeat(n), n0: 2_000 },
  { name: "'·'.repeat(n)", target: 'person (transliterated names)', make: (n) => '·'.repeat(n), n0: 32_000 },
  { name: "'科技'.repeat(n)", target: 'company (suffix)', make: (n) => '科技'.repeat(n), n0: 8_000 },
  { name: "'有限公司'.repeat(n)", target: 'company (legal form)', make: (n) => '有限公司'.repeat(n), n0: 4_000 },
  { name: "'阿里'.repeat(n)", target: 'company (lexicon)', make: (n) => '阿里'.repeat(n), n0: 4_000 },
  { name: "'Capital '.repeat(n)", target: 'company (Latin suffix)', make: (n) => 'Capital '.repeat(n), n0: 1_000 },
  { name: "'A'.repeat(n)", target: 'company (Latin), segmenter', make: (n) => 'A'.repeat(n), n0: 32_000 },
  { name: "'（'.repeat(n) + '）'.repeat(n)", target: 'all (nesting)', make: (n) => '（'.repeat(n) + '）'.repeat(n), n0: 8_000 },
  { name: "'《'.repeat(n) + '》'.repeat(n)", target: 'all (nesting)', make: (n) => '《'.repeat(n) + '》'.repeat(n), n0: 8_000 },
  { name: 'random CJK (U+4E00-U+9FFF, fixed seed)', target: 'all', make: (n) => randomCjk(n, 7), n0: 8_000 },
  {
    name: 'n distinct Chinese names with a cue (王伟明表示，)', target: 'person repeats, entities',
    make: (n) => distinct(n, 1, (p) => `${p(SURNAMES)}${p(GIVEN)}${p(GIVEN)}表示，`), n0: 4_000, minMs: 300,
  },
  {
    name: 'n distinct transliterated names (明华·杰涛斌表示，)', target: 'person repeats, entities',
    make: (n) => distinct(n, 4, (p) => `${p(GIVEN)}${p(GIVEN)}·${p(GIVEN)}${p(GIVEN)}${p(GIVEN)}表示，`), n0: 2_000, minMs: 200,
  },
  {
    name: 'n distinct legal names (北京云星海蓝科技有限公司，)', target: 'company repeats and short forms',
    make: (n) => distinct(n, 6, (p) => `北京${p(BRAND)}${p(BRAND)}${p(BRAND)}${p(BRAND)}科技有限公司，`), n0: 4_000, minMs: 400,
  },
  { name: 'people next to lexicon companies (王小川表示阿里，)', target: 'pipeline (person/company overlap)', make: (n) => '王小川表示阿里，'.repeat(n), n0: 2_000, minMs: 80 },
];

const userRules = copyRules();
afterAll(() => rmSync(userRules, { recursive: true, force: true }));

const bundled = createExtractor();
const fromUserFolder = createExtractor({ rulesDir: userRules });
const EXTRACTORS: [string, Extractor][] = [
  ['bundled rules', bundled],
  ['user-supplied rules folder', fromUserFolder],
];

describe.each(EXTRACTORS)('hostile input, %s', (_label, extractor) => {
  it.each(FAMILIES.map((f) => [f.name, f] as const))('%s: t(4n)/t(n) < 8, schema-valid, exact offsets', (_name, family) => {
    let last: { input: string; result: ExtractionResult } | undefined;
    const run = (input: string) => {
      last = { input, result: extractor.extract(input) };
    };
    const s = scaling(family.make, run, family.n0, family.maxN ?? family.n0 * 64, family.minMs);
    const report = `${family.name} [${family.target}]: n=${s.n} t(n)=${s.tn.toFixed(0)}ms t(4n)=${s.t4n.toFixed(0)}ms ratio=${s.ratio.toFixed(1)}`;
    console.log(report);
    expect(problems(last!.input, last!.result), `${report} on ${describeInput(last!.input)}`).toEqual([]);
    expect(s.ratio, report).toBeLessThan(8);
  }, 300_000);
});

describe('the segmenter alone, on text with no sentence end to cut at', () => {
  // through the whole pipeline the linear stages hide this until ~8M characters
  it.each([['A'], ['7']])("%s.repeat(n) for n = 1M and 4M: t(4n)/t(n) < 8, tokens cover the text", (ch) => {
    let covered = true;
    const run = (s: string) => {
      const tokens = segment(s);
      covered &&= tokens.at(-1)?.end === s.length;
    };
    const s = scaling((n) => ch.repeat(n), run, 1_000_000, 1_000_000, 1);
    const report = `segment(${JSON.stringify(ch)}.repeat(n)): n=${s.n} t(n)=${s.tn.toFixed(0)}ms t(4n)=${s.t4n.toFixed(0)}ms ratio=${s.ratio.toFixed(1)}`;
    console.log(report);
    expect(covered).toBe(true);
    expect(s.ratio, report).toBeLessThan(8);
  }, 120_000);
});

describe('the same long article twice in a row (duplicates are common in archives)', () => {
  // per-article caches keyed on the text must not compare the text on every lookup: two
  // equal strings are compared character by character, which made this quadratic once
  it('the seed article repeated n times, extracted twice from distinct equal strings: t(4n)/t(n) < 8', () => {
    const run = (input: string) => {
      bundled.extract(input, { refDate: '2024-04' });
      bundled.extract(` ${input}`.slice(1), { refDate: '2024-04' });
    };
    const s = scaling((n) => Array.from({ length: n }, () => SEED).join('\n'), run, 2, 32, 200);
    const report = `repeated article: n=${s.n} t(n)=${s.tn.toFixed(0)}ms t(4n)=${s.t4n.toFixed(0)}ms ratio=${s.ratio.toFixed(1)}`;
    console.log(report);
    expect(s.ratio, report).toBeLessThan(8);
  }, 300_000);
});

describe('numbers too large for a double', () => {
  // a value must be a finite number (zod rejects Infinity): an overflowing amount may
  // be dropped or capped, but extraction must not throw
  const CASES: Record<string, string> = {
    '100k digits': '7'.repeat(100_000),
    '100k digits + 元': `${'9'.repeat(100_000)}元`,
    '400 digits + 元': `${'9'.repeat(400)}元`,
    '$ + 400 digits': `$${'9'.repeat(400)}`,
    '1 + 亿 x40 + 元': `1${'亿'.repeat(40)}元`,
    '一 + 亿 x40 + 美元': `一${'亿'.repeat(40)}美元`,
    '数 + 亿 x40 + 元 (vague count)': `数${'亿'.repeat(40)}元`,
    '400 digits + 年': `${'9'.repeat(400)}年`,
    'range of huge numbers': `1${'0'.repeat(400)}-2${'0'.repeat(400)}元`,
  };
  it.each(Object.entries(CASES))('%s: no throw, schema-valid, exact offsets', (_name, input) => {
    const result = bundled.extract(input);
    expect(problems(input, result)).toEqual([]);
  });
});

describe('rules from a user-supplied folder', () => {
  it('give exactly the output of the bundled rules (seed article and every hostile family)', () => {
    expect(fromUserFolder.extract(SEED, { refDate: '2024-04' })).toEqual(bundled.extract(SEED, { refDate: '2024-04' }));
    for (const f of FAMILIES) {
      const input = f.make(Math.min(f.n0, 2_000));
      expect(fromUserFolder.extract(input), f.name).toEqual(bundled.extract(input));
    }
  });
});

describe('a 20 MB article (the seed article repeated)', () => {
  it('is extracted once: schema-valid, exact offsets, as many mentions as its copies', () => {
    const copies = Math.ceil(20e6 / Buffer.byteLength(SEED));
    const input = SEED.repeat(copies);
    expect(Buffer.byteLength(input)).toBeGreaterThanOrEqual(20e6);
    const one = bundled.extract(SEED);
    const result = bundled.extract(input);
    expect(problems(input, result)).toEqual([]);
    // the copies are identical; mentions at the seams may merge or split, little else
    expect(Math.abs(result.mentions.length - copies * one.mentions.length)).toBeLessThanOrEqual(copies * 2);
  }, 600_000);
});
