/** The cache-friendly lookups in src/text: a filter may say yes wrongly, never no wrongly. */
import { describe, expect, it } from 'vitest';
import { CodePairFilter, CodeSet, codeSetOf } from '../src/text/codeSet.js';
import { FilteredMap, StringFilter } from '../src/text/stringFilter.js';

// invented word-like strings: two to six characters from a slice of the Han block
function words(n: number, seed: number): string[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  return Array.from({ length: n }, () => String.fromCharCode(...Array.from({ length: 2 + (next() % 5) }, () => 0x4e00 + (next() % 6000))));
}

describe('StringFilter', () => {
  it('never rejects an added string, and rejects most others', () => {
    const filter = new StringFilter();
    const added = words(16_000, 1);
    for (const w of added) filter.add(w);
    for (const w of added) expect(filter.mayHave(w)).toBe(true);
    const inSet = new Set(added);
    const others = words(20_000, 2).filter((w) => !inSet.has(w));
    const wrongYes = others.filter((w) => filter.mayHave(w)).length / others.length;
    expect(wrongYes).toBeLessThan(0.07);
  });

  it('a small filter (2^13 bits) keeps both promises at a few hundred strings, and refuses sizes it cannot block', () => {
    const filter = new StringFilter(13);
    const added = words(500, 5);
    for (const w of added) filter.add(w);
    for (const w of added) expect(filter.mayHave(w)).toBe(true);
    const inSet = new Set(added);
    const others = words(20_000, 6).filter((w) => !inSet.has(w));
    expect(others.filter((w) => filter.mayHave(w)).length / others.length).toBeLessThan(0.05);
    expect(() => new StringFilter(9)).toThrow(RangeError);
    expect(() => new StringFilter(27)).toThrow(RangeError);
  });

  it('FilteredMap answers exactly as its Map', () => {
    const map = new Map(words(3000, 3).map((w, i) => [w, i]));
    const filtered = new FilteredMap(map);
    for (const w of [...map.keys(), ...words(3000, 4)]) expect(filtered.get(w)).toBe(map.get(w));
  });
});

describe('CodeSet and CodePairFilter', () => {
  it('CodeSet holds exactly what was added, and is false outside the text', () => {
    const set = new CodeSet('公司集团');
    expect([...'公司集团银行'].map((c) => set.has(c.charCodeAt(0)))).toEqual([true, true, true, true, false, false]);
    expect(set.has(Number.NaN)).toBe(false);
    expect(set.at('银行公司', 2)).toBe(true);
    expect(set.at('公司', 5)).toBe(false);
    expect(set.allIn('集团公司银行', 0, 4)).toBe(true);
    expect(set.allIn('集团公司银行', 0, 5)).toBe(false);
    set.delete('公'.charCodeAt(0));
    expect(set.has('公'.charCodeAt(0))).toBe(false);
    expect(codeSetOf(['科技', '资本'], 'last').has('本'.charCodeAt(0))).toBe(true);
  });

  it('CodePairFilter never rejects an added pair', () => {
    const filter = new CodePairFilter();
    const added = words(4000, 5);
    for (const w of added) filter.add(w.charCodeAt(0), w.charCodeAt(1));
    for (const w of added) expect(filter.mayHave(w.charCodeAt(0), w.charCodeAt(1))).toBe(true);
  });
});
