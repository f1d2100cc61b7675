/**
 * The shared numeral scanner (src/numeral): one grammar for money and dates.
 * scanNumber reads the match view (full-width digits already folded to ASCII).
 */
import { describe, it, expect } from 'vitest';
import { loadRules } from '../src/rules/index.js';
import { compileNumerals, scanNumber, type NumberExpr } from '../src/numeral/index.js';
import { loadRuleFile, BUNDLED_RULES_DIR } from '../src/rules/load.js';
import { numeralsFile } from '../src/rules/schemas.js';
import { toMatchView } from '../src/text/matchView.js';

const { numerals } = loadRules();

/** Scan from the start of `text`; the expression must be found. */
function scan(text: string, at = 0): NumberExpr {
  const n = scanNumber(text, at, numerals);
  expect(n, `no number found in "${text}"`).not.toBeNull();
  return n!;
}

describe('scanNumber: exact amounts', () => {
  it.each([
    // text,          value,     end (exclusive)
    ['二十亿', 2e9, 3],
    ['一百二十万', 1.2e6, 5],
    ['三千万', 3e7, 3],
    ['百亿', 1e10, 2],
    ['两亿', 2e8, 2],
    ['一点五亿', 1.5e8, 4],
    ['1.75 万亿', 1.75e12, 7],
    ['1.75万亿', 1.75e12, 6],
    ['5,000万', 5e7, 6],
    ['1亿2000万', 1.2e8, 7],
    ['3兆', 3e12, 2],
    ['18 亿', 1.8e9, 4],
    ['0.5', 0.5, 3],
  ] as const)('%s = %d', (text, value, end) => {
    const n = scan(text);
    expect(n.start).toBe(0);
    expect(n.end).toBe(end);
    expect(n.min).toBeCloseTo(value, 0);
    expect(n.max).toBeCloseTo(value, 0);
    expect(n.vague).toBe(false);
    expect(n.moreThan).toBe(false);
    expect(n.plainDigits).toBe(false);
  });

  it('stops before the currency or unit that follows', () => {
    expect(scan('二十亿美元').end).toBe(3);
    expect(scan('5,000万美元').end).toBe(6);
    expect(scan('1亿2000万元').end).toBe(7);
  });

  it('reads from an offset inside a sentence', () => {
    const text = '公司获得三千万元投资';
    const n = scan(text, 4);
    expect([n.start, n.end, n.min]).toEqual([4, 7, 3e7]);
  });

  it('reads full-width digits through the match view', () => {
    const n = scan(toMatchView('５亿元'));
    expect([n.end, n.min]).toEqual([2, 5e8]);
  });

  it('keeps the final multiplier as scale (a range may borrow it)', () => {
    expect(scan('20亿').scale).toBe(1e8);
    expect(scan('二十亿').scale).toBe(1e8);
    expect(scan('20').scale).toBe(1);
  });
});

describe('scanNumber: vague counts', () => {
  it.each([
    ['数亿', 2e8, 9e8],
    ['几千万', 2e7, 9e7],
    ['数十亿', 2e9, 9e9],
    ['十几亿', 1.1e9, 1.9e9],
  ] as const)('%s = %d..%d', (text, min, max) => {
    const n = scan(text);
    expect(n.end).toBe(text.length);
    expect(n.vague).toBe(true);
    expect(n.min).toBeCloseTo(min, 0);
    expect(n.max).toBeCloseTo(max, 0);
  });
});

describe('scanNumber: 余 / 多 inside an amount', () => {
  it('100余万: more than 10^6, 余 inside the span', () => {
    const n = scan('100余万元');
    expect([n.end, n.min, n.max, n.moreThan]).toEqual([5, 1e6, 1e6, true]);
  });

  it('1亿多元: 多 after the unit, before the currency', () => {
    const n = scan('1亿多元');
    expect([n.end, n.min, n.moreThan]).toEqual([3, 1e8, true]);
  });

  it('三十多万', () => {
    const n = scan('三十多万');
    expect([n.end, n.min, n.moreThan]).toEqual([4, 3e5, true]);
  });

  it('a bare number followed by 多 without a unit keeps 多 out', () => {
    expect(scan('100多个').end).toBe(3);
  });
});

describe('scanNumber: plain digit strings (years)', () => {
  it('二〇二四 reads as the digit string 2024', () => {
    const n = scan('二〇二四年');
    expect([n.end, n.min, n.plainDigits, n.digitCount]).toEqual([4, 2024, true, 4]);
  });

  it('2024 is plain digits', () => {
    const n = scan('2024年');
    expect([n.end, n.min, n.plainDigits, n.digitCount]).toEqual([4, 2024, true, 4]);
  });

  it('a number with a unit or separator is not plain', () => {
    expect(scan('2024万').plainDigits).toBe(false);
    expect(scan('2,024').plainDigits).toBe(false);
    expect(scan('二十').plainDigits).toBe(false);
  });
});

describe('scanNumber: not numbers', () => {
  // a lone 数 / 几 is a vague count (数个, 几家): what may follow is the caller's decision
  it.each(['百川智能', '千里科技', '亿元', '元', '万', '，3亿'])('%s -> null', (text) => {
    expect(scanNumber(text, 0, numerals)).toBeNull();
  });

  it('十 alone is a number (十月)', () => {
    expect(scan('十月').min).toBe(10);
  });
});

describe('scanNumber: hostile input returns (linear scan)', () => {
  const inputs = [
    '亿'.repeat(100_000),
    `一${'亿'.repeat(100_000)}`,
    `1${'亿'.repeat(100_000)}`,
    '9'.repeat(100_000),
    `1${',000'.repeat(30_000)}万`,
    '1亿'.repeat(30_000),
    '数'.repeat(100_000),
    '十几'.repeat(50_000),
    '一点'.repeat(50_000),
    `${'1'.repeat(50_000)}.${'2'.repeat(50_000)}`,
  ];
  it.each(inputs.map((s, i) => [i, s] as const))('input %i', (_i, s) => {
    for (let at = 0; at < 50; at++) scanNumber(s, at, numerals);
  });
});

describe('compileNumerals', () => {
  it('builds the tables from the bundled numerals.yaml', () => {
    const t = compileNumerals(loadRuleFile(BUNDLED_RULES_DIR, 'numeral/numerals.yaml', numeralsFile));
    expect(t.digits.get('〇')).toBe(0);
    expect(t.digits.get('两')).toBe(2);
    expect(t.bigUnits.get('亿')).toBe(1e8);
    expect(t.bigUnits.get('兆')).toBe(1e12);
    expect(t.vague.get('数')).toEqual([2, 9]);
    expect(t.moreThan.has('余')).toBe(true);
    expect(t.point).toBe('点');
    expect(scanNumber('二十亿', 0, t)?.min).toBe(2e9);
  });
});
