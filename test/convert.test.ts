import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConverter, type Conversion } from '../src/convert/index.js';
import { BUNDLED_RULES_DIR, RuleFileError } from '../src/rules/load.js';

const convert = createConverter({ rulesDir: BUNDLED_RULES_DIR });

/** A rules dir holding only the given fixups.yaml text. */
function rulesWith(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhx-convert-'));
  mkdirSync(path.join(dir, 'convert'));
  writeFileSync(path.join(dir, 'convert', 'fixups.yaml'), yaml);
  return dir;
}

/** The original text behind simplified[start, end). */
const source = (c: Conversion, start: number, end: number) => c.original.slice(...c.toOriginal(start, end));

describe('character conversion', () => {
  it('converts character by character, not word by word', () => {
    // twp would give 内核 and 软件; character level keeps the writer's words.
    expect(convert('這個核心軟體').simplified).toBe('这个核心软体');
    // context from TSPhrases still applies: 乾 is 干 in 乾淨 but stays in 乾隆
    expect(convert('乾淨的乾隆年間').simplified).toBe('干净的乾隆年间');
  });

  it('maps a character whose simplified form is outside the BMP (暐 -> U+2C029)', () => {
    const c = convert('王暐說');
    expect(c.simplified).toBe('王\u{2C029}说');
    expect(c.simplified.length).toBe(4);
    expect(c.toOriginal(1, 3)).toEqual([1, 2]);
    expect(c.toOriginal(1, 2)).toEqual([1, 2]); // half a surrogate pair widens to the whole source
    expect(c.toOriginal(3, 4)).toEqual([2, 3]);
    expect(c.toOriginal(0, 4)).toEqual([0, 3]);
  });

  it('treats surrogate pairs in the input as one character', () => {
    const c = convert('\u{21ED5}月😀國'); // U+21ED5 simplifies to 岁 (BMP)
    expect(c.simplified).toBe('岁月😀国');
    expect(c.toOriginal(0, 1)).toEqual([0, 2]);
    expect(c.toOriginal(1, 2)).toEqual([2, 3]);
    expect(c.toOriginal(2, 4)).toEqual([3, 5]);
    expect(c.toOriginal(3, 4)).toEqual([3, 5]);
    expect(c.toOriginal(4, 5)).toEqual([5, 6]);
    expect(source(c, 1, 5)).toBe('月😀國');
  });

  it('normalises CJK compatibility ideographs, including astral ones', () => {
    const c = convert('\uF900\u{2F800}國'); // 豈 (compat) and 丽 (compat, astral)
    expect(c.simplified).toBe('岂丽国');
    expect(c.toOriginal(1, 2)).toEqual([1, 3]);
    expect(c.toOriginal(2, 3)).toEqual([3, 4]);
  });

  it('returns simplified text unchanged', () => {
    const text = '什么时候？著名学者在里面说，这家台湾公司于2024年发布了新产品，并将乾隆年间的土著文献数字化。';
    const c = convert(text);
    expect(c.simplified).toBe(text);
    for (let i = 0; i < text.length; i++) expect(c.toOriginal(i, i + 1)).toEqual([i, i + 1]);
  });

  it('rejects spans outside the text', () => {
    const c = convert('國家');
    expect(() => c.toOriginal(1, 0)).toThrow(RangeError);
    expect(() => c.toOriginal(0, 3)).toThrow(RangeError);
    expect(c.toOriginal(2, 2)).toEqual([2, 2]);
  });
});

describe('fixups', () => {
  it('undoes 領網域 and maps the shorter result back exactly', () => {
    const c = convert('AI領網域融資');
    expect(c.simplified).toBe('AI领域融资');
    expect(c.toOriginal(2, 4)).toEqual([2, 5]); // 领域 <- 領網域
    expect(c.toOriginal(2, 3)).toEqual([2, 3]); // 领 <- 領
    expect(c.toOriginal(3, 4)).toEqual([4, 5]); // 域 <- 域
    expect(source(c, 4, 6)).toBe('融資');
  });

  it('maps a rewritten middle and an insertion to their whole source', () => {
    const conv = createConverter({
      rulesDir: rulesWith('fixups:\n  - from: 小公尺\n    to: 小米\n  - from: 甲乙\n    to: 甲丙丙乙\n'),
    });
    const a = conv('小公尺手機');
    expect(a.simplified).toBe('小米手机');
    expect(a.toOriginal(1, 2)).toEqual([1, 3]); // 米 <- 公尺
    expect(a.toOriginal(0, 1)).toEqual([0, 1]);
    expect(a.toOriginal(2, 3)).toEqual([3, 4]);
    const b = conv('甲乙');
    expect(b.simplified).toBe('甲丙丙乙');
    expect(b.toOriginal(1, 2)).toEqual([0, 2]); // nothing of the source between 甲 and 乙: the whole match
  });

  it('aligns fixups on whole surrogate pairs', () => {
    // 𠀀𠀁 -> 𠀀𠀂: the two last characters share their high surrogate
    const conv = createConverter({ rulesDir: rulesWith('fixups:\n  - from: \u{20000}\u{20001}\n    to: \u{20000}\u{20002}\n') });
    const c = conv('a\u{20000}\u{20001}b');
    expect(c.simplified).toBe('a\u{20000}\u{20002}b');
    expect(c.toOriginal(1, 3)).toEqual([1, 3]);
    expect(c.toOriginal(3, 4)).toEqual([3, 5]);
    expect(c.toOriginal(5, 6)).toEqual([5, 6]);
  });

  it('rejects bad fixup files with the line', () => {
    const dup = () => createConverter({ rulesDir: rulesWith('fixups:\n  - from: 领网域\n    to: 领域\n  - from: 领网域\n    to: 域\n') });
    expect(dup).toThrow(RuleFileError);
    expect(dup).toThrow(/fixups\.yaml:4: duplicate fixup "领网域"/);
    // keyed on the traditional form: it could never match after conversion
    expect(() => createConverter({ rulesDir: rulesWith('fixups:\n  - from: 領網域\n    to: 领域\n') })).toThrow(
      /key it as "领网域"/,
    );
    expect(() => createConverter({ rulesDir: rulesWith('fixups:\n  - from: ""\n    to: 领域\n') })).toThrow(RuleFileError);
  });
});

describe('script detection', () => {
  it.each([
    ['臺灣的經濟發展', 'hant'],
    ['台湾的经济发展', 'hans'],
    ['國内經濟', 'mixed'], // 内 is simplified-only (traditional 內)
    ['Hello, 2024!', 'none'],
    ['中文人口上下', 'none'], // written alike in both scripts
    ['若干公里', 'none'], // 干 and 里 are rewritten by s2t, but traditional text uses them too
    ['台灣群峰', 'hant'], // 台 and 群 峰 are Taiwan standard forms, not simplified evidence
  ] as const)('%s is %s', (text, script) => {
    expect(convert(text).script).toBe(script);
  });
});

describe('offset map properties', () => {
  // Characters chosen outside opencc phrase entries, so each converts alone as in context.
  const pool = [
    ...'國說經濟發展領網域區海資暐顗鰂',
    ...'国说经济发展内争领网域区海资',
    ...'aZ1 ,。',
    '😀', '\u{21ED5}', '\u{2005E}', '\u{20000}', '\uF900', '\u{2F800}', '\uD800', '\uDC00',
    '領網域', '区网域', '小公尺', '甲乙',
  ];
  const conv = createConverter({
    rulesDir: rulesWith(
      `${readFileSync(path.join(BUNDLED_RULES_DIR, 'convert/fixups.yaml'), 'utf8')}` +
        '  - from: 小公尺\n    to: 小米\n  - from: 甲乙\n    to: 甲丙丙乙\n',
    ),
  });
  // Output of a fixup middle maps to the whole middle of the source, whose own
  // conversion is given here (甲乙 is an insertion: its middle is the whole match).
  const middles = new Map([['公尺', '米'], ['甲丙丙乙', '甲丙丙乙']]);
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };

  it('maps every simplified character to a monotone, in-bounds source that converts back to it', () => {
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let k = random(30); k > 0; k--) text += pool[random(pool.length)];
      const c = conv(text);
      let prev: [number, number] = [0, 0];
      for (let i = 0; i < c.simplified.length; i++) {
        const span = c.toOriginal(i, i + 1);
        expect(span[0]).toBeGreaterThanOrEqual(prev[0]);
        expect(span[1]).toBeGreaterThanOrEqual(prev[1]);
        expect(span[0]).toBeLessThan(span[1]);
        expect(span[1]).toBeLessThanOrEqual(text.length);
        prev = span;
      }
      for (let i = 0; i < c.simplified.length; ) {
        const width = c.simplified.codePointAt(i)! > 0xffff ? 2 : 1;
        const ch = c.simplified.slice(i, i + width);
        const back = conv(source(c, i, i + width)).simplified;
        if (back !== ch) expect(middles.get(back), `${JSON.stringify(text)} at ${i}`).toContain(ch);
        i += width;
      }
      expect(c.toOriginal(0, c.simplified.length)).toEqual(c.simplified ? [0, text.length] : [0, 0]);
    }
  });
});

describe('seed article', () => {
  const original = readFileSync(new URL('../corpus/000_774273c1435614fb.txt', import.meta.url), 'utf8');

  it('undoes 領網域 and detects mixed script', () => {
    const c = convert(original);
    expect(c.simplified).toContain('领域');
    expect(c.simplified).not.toContain('领网域');
    expect(c.simplified).not.toContain('網');
    // traditional throughout, but 内, 争, 将, 财 ... were left unconverted by the source
    expect(c.script).toBe('mixed');
    const at = c.simplified.indexOf('领域');
    expect(source(c, at, at + 2)).toBe('領網域');
  });
});
