/**
 * Malformed or contradictory rule files fail at load (createExtractor) with a
 * RuleFileError naming the file, the line (or the entry) and a readable reason.
 * Each case copies rules/ to a temp dir and breaks exactly one file.
 * The rule files hold no regular expressions (patterns are composed in code from
 * word lists), so there is no invalid-regex case.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createExtractor, RuleFileError } from '../../src/index.js';
import { copyRules, SEED } from './support.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of rules/ with one file rewritten by `edit`. */
function broken(rel: string, edit: (text: string) => string | Buffer): { dir: string; file: string; text: string } {
  const dir = copyRules('zhx-rel-badrules-');
  dirs.push(dir);
  const file = path.join(dir, rel);
  const out = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, out);
  return { dir, file, text: typeof out === 'string' ? out : '' };
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test bug: ${needle} not in the edited file`);
  return text.slice(0, at).split('\n').length;
}

/** Replace exactly one occurrence (the test fails loudly if the rules changed shape). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`test bug: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The error createExtractor throws for this rules folder. */
function loadError(dir: string): unknown {
  try {
    createExtractor({ rulesDir: dir });
  } catch (err) {
    return err;
  }
  throw new Error('the broken rules folder loaded without an error');
}

/** Asserts a RuleFileError naming `file`, `:line` when given, and a reason matching `reason`. */
function expectRuleError(dir: string, file: string, line: number | undefined, reason: RegExp): RuleFileError {
  const err = loadError(dir);
  expect(err, String(err)).toBeInstanceOf(RuleFileError);
  const e = err as RuleFileError;
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  if (line !== undefined) {
    expect(e.line, e.message).toBe(line);
    expect(e.message).toContain(`${file}:${line}: `);
  }
  expect(e.reason, e.message).toMatch(reason);
  return e;
}

describe('malformed rule files', () => {
  it('bad YAML syntax: the line of the error', () => {
    const { dir, file, text } = broken('money/modifiers.yaml', (t) => replaceOnce(t, '  大约: APPROX\n', '  大约: APPROX: MORE\n'));
    expectRuleError(dir, file, lineOf(text, '大约: APPROX: MORE'), /^invalid YAML: /);
  });

  it('bad YAML syntax: an unclosed flow list', () => {
    const { dir, file } = broken('person/surnames.yaml', (t) => replaceOnce(t, '    第五\n  ]', '    第五\n'));
    expectRuleError(dir, file, undefined, /^invalid YAML: /);
  });

  it('a duplicate key in a map (the second one\'s line)', () => {
    const { dir, file, text } = broken('money/modifiers.yaml', (t) => replaceOnce(t, '  大约: APPROX\n', '  大约: APPROX\n  约: MORE_THAN\n'));
    expectRuleError(dir, file, lineOf(text, '  约: MORE_THAN'), /unique|duplicate/i);
  });

  it('an unknown field', () => {
    const { dir, file, text } = broken('company/lexicon.yaml', (t) => replaceOnce(t, '  - name: 百度\n', '  - name: 百度\n    colour: blue\n'));
    const e = expectRuleError(dir, file, undefined, /Unrecognized key: "colour"/);
    // the line of the entry holding the key, or of the key itself
    expect([lineOf(text, '- name: 百度\n    colour'), lineOf(text, 'colour: blue')], e.message).toContain(e.line);
  });

  it('a wrong type (a string where a boolean is expected)', () => {
    const { dir, file, text } = broken('company/patterns.yaml', (t) => replaceOnce(t, '{ suffix: 有限公司, legal: true }', '{ suffix: 有限公司, legal: maybe }'));
    expectRuleError(dir, file, lineOf(text, 'legal: maybe'), /boolean/);
  });

  it('a wrong type (a word where a number is expected)', () => {
    const { dir, file, text } = broken('date/keywords.yaml', (t) => replaceOnce(t, '今天: { unit: day, offset: 0 }', '今天: { unit: day, offset: zero }'));
    expectRuleError(dir, file, lineOf(text, 'offset: zero'), /number/);
  });

  it('a value outside its range (digit 10)', () => {
    const { dir, file, text } = broken('numeral/numerals.yaml', (t) => replaceOnce(t, '  九: 9\n', '  九: 10\n'));
    expectRuleError(dir, file, lineOf(text, '九: 10'), /9|big|less/i);
  });

  it('an unknown modifier', () => {
    const { dir, file, text } = broken('money/modifiers.yaml', (t) => replaceOnce(t, '  将近: APPROX\n', '  将近: ROUGHLY\n'));
    expectRuleError(dir, file, lineOf(text, 'ROUGHLY'), /APPROX|option|expected/);
  });

  it('a currency code that is not ISO 4217', () => {
    const { dir, file, text } = broken('money/currencies.yaml', (t) => replaceOnce(t, '  - code: EUR\n', '  - code: Euro\n'));
    expectRuleError(dir, file, lineOf(text, 'code: Euro'), /ISO 4217/);
  });

  it('a duplicate list entry (the line of the second one)', () => {
    const { dir, file, text } = broken('person/surnames.yaml', (t) => replaceOnce(t, '阎\n  ]', '阎, 冯\n  ]'));
    expectRuleError(dir, file, lineOf(text, '阎, 冯'), /duplicate entry "冯"/);
  });

  it('a company cue word longer than 15 characters (the cue table packs lengths in 4 bits)', () => {
    const long = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳';
    const { dir, file, text } = broken('company/patterns.yaml', (t) => replaceOnce(t, '  after: [宣布,', `  after: [宣布, ${long},`));
    expectRuleError(dir, file, lineOf(text, long), /at most 15 characters/);
  });

  it('more than 32 company list cues (lists.ts marks the cues an item holds in a 32-bit mask)', () => {
    const extra = Array.from({ length: 16 }, (_, i) => `列举${String.fromCharCode(0x7532 + i)}`).join(', ');
    const { dir, file, text } = broken('company/patterns.yaml', (t) => replaceOnce(t, 'listCues: [包括,', `listCues: [${extra}, 包括,`));
    expectRuleError(dir, file, lineOf(text, extra), /at most 32 list cues/);
  });

  it('a surname of the wrong length', () => {
    const { dir, file } = broken('person/surnames.yaml', (t) => replaceOnce(t, '阎\n  ]', '阎, 王小\n  ]'));
    expectRuleError(dir, file, undefined, /王小/);
  });

  it('a fixup key that is not in converted form', () => {
    const { dir, file, text } = broken('convert/fixups.yaml', (t) => `${t}\n  - from: 領網域域\n    to: 领域\n`);
    expectRuleError(dir, file, lineOf(text, 'from: 領網域域'), /converted form/);
  });

  it('a top-level list instead of a map', () => {
    const { dir, file } = broken('company/products.yaml', () => '- ChatGPT\n- 微信\n');
    expectRuleError(dir, file, 1, /object|expected/);
  });

  it('a missing file', () => {
    const dir = copyRules('zhx-rel-badrules-');
    dirs.push(dir);
    const file = path.join(dir, 'person/cues.yaml');
    rmSync(file);
    expectRuleError(dir, file, undefined, /cannot read rule file \(ENOENT\)/);
  });

  it('a rules folder that does not exist', () => {
    const dir = path.join(copyRules('zhx-rel-badrules-'), 'nope');
    expect(loadError(dir)).toBeInstanceOf(RuleFileError);
    expect(String((loadError(dir) as Error).message)).toContain(dir);
  });

  it('an empty file fails with its name', () => {
    const { dir, file } = broken('date/keywords.yaml', () => '');
    // today the reason is "Invalid input: expected object, received null"; "empty file" would be clearer
    expectRuleError(dir, file, undefined, /empty|expected object/i);
  });

  it('a comment-only file', () => {
    const { dir, file } = broken('company/not-companies.yaml', () => '# nothing here yet\n');
    expectRuleError(dir, file, undefined, /empty|expected object/i);
  });

  it('a file that is not UTF-8 (saved as GB18030) is refused, not read as mojibake', () => {
    const { dir, file } = broken('person/surnames.yaml', (t) => iconv.encode(t, 'gb18030'));
    expectRuleError(dir, file, undefined, /UTF-8/);
  });

  it('an alias bomb (billion laughs) is a RuleFileError, not a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => {
      const p = String.fromCharCode(97 + i);
      const n = String.fromCharCode(98 + i);
      return `${n}: &${n} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
    })].join('\n');
    const { dir, file } = broken('company/products.yaml', () => `${bomb}\nproducts: [ChatGPT]\n`);
    expectRuleError(dir, file, undefined, /alias|resource|unrecognized|key/i);
  });
});

describe('contradictory rule files', () => {
  it('a lexicon surface given two canonical names', () => {
    const { dir, file } = broken('company/lexicon.yaml', (t) => replaceOnce(t, '  - name: 百度\n', '  - name: 阿里影视\n    aliases: [阿里]\n  - name: 百度\n'));
    expectRuleError(dir, file, undefined, /"阿里" is listed for both 阿里巴巴 and 阿里影视/);
  });

  it('a company alias that is also a product (reported in the lexicon)', () => {
    const { dir } = broken('company/lexicon.yaml', (t) => replaceOnce(t, '  - name: 百度\n', '  - name: 微信科技\n    aliases: [微信]\n  - name: 百度\n'));
    const e = expectRuleError(dir, path.join(dir, 'company/lexicon.yaml'), undefined, /"微信" is both a company \(微信科技\) and a product/);
    expect(e.message).toContain('微信');
  });

  it('a currency unit given to two currencies', () => {
    const { dir, file } = broken('money/currencies.yaml', (t) => replaceOnce(t, 'units: [港元, 港币, 港纸]', 'units: [港元, 港币, 港纸, 美元]'));
    expectRuleError(dir, file, undefined, /unit "美元" is given to both USD and HKD/);
  });

  it('a currency prefix given to two currencies', () => {
    const { dir, file } = broken('money/currencies.yaml', (t) => replaceOnce(t, 'prefixes: [港元, 港币, HK$, HKD]', 'prefixes: [港元, 港币, HK$, HKD, US$]'));
    expectRuleError(dir, file, undefined, /prefix "US\$" is given to both USD and HKD/);
  });

  it('a unit that is both generic and a currency\'s', () => {
    const { dir, file } = broken('money/currencies.yaml', (t) => replaceOnce(t, 'units: [欧元]', 'units: [欧元, 元]'));
    expectRuleError(dir, file, undefined, /unit "元" is both generic and EUR/);
  });

  it('a surname in two lists', () => {
    const { dir, file } = broken('person/surnames.yaml', (t) => replaceOnce(t, '岂\n  ]', '岂, 王\n  ]'));
    expectRuleError(dir, file, undefined, /surname "王" is listed as both common and rare/);
  });

  it('a lexicon company also listed as not a company (not-companies.yaml names)', () => {
    // rules/company/not-companies.yaml: "keep lists free of ... anything that is a name or alias in lexicon.yaml"
    const { dir } = broken('company/not-companies.yaml', (t) => replaceOnce(t, 'names:\n', 'names:\n  - 百度\n'));
    const err = loadError(dir);
    expect(err).toBeInstanceOf(RuleFileError);
    expect((err as Error).message).toMatch(/百度/);
  });

  it('a year-part word given two different parts', () => {
    const { dir, file } = broken('date/keywords.yaml', (t) => replaceOnce(t, '  - { word: 上半年, part: H1 }\n', '  - { word: 上半年, part: H1 }\n  - { word: 上半年, part: H2 }\n'));
    expectRuleError(dir, file, undefined, /上半年/);
  });
});

describe('well-formed variations still load', () => {
  it('a UTF-8 BOM at the start of a rule file is accepted, and the rules behave the same', () => {
    const { dir } = broken('person/surnames.yaml', (t) => `\uFEFF${t}`);
    const withBom = createExtractor({ rulesDir: dir });
    expect(withBom.extract(SEED)).toEqual(createExtractor().extract(SEED));
  });

  it('CRLF line endings are accepted, and error lines still count right', () => {
    const { dir, file, text } = broken('money/modifiers.yaml', (t) => replaceOnce(t, '  将近: APPROX\n', '  将近: ROUGHLY\n').replace(/\n/g, '\r\n'));
    expectRuleError(dir, file, lineOf(text, 'ROUGHLY'), /APPROX|option|expected/);
  });
});
