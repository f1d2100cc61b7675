import { describe, it, expect } from 'vitest';
import { Trie } from 'opencc-js/core';
import { PrefilteredTrie } from '../src/convert/prefilteredTrie.js';
import { openccTables } from '../src/convert/tables.js';

/** A trie from pairs, with and without the filter in front. */
function both(pairs: readonly [string, string][]): { plain: Trie; filtered: PrefilteredTrie } {
  const plain = new Trie();
  for (const [a, b] of pairs) plain.addWord(a, b);
  return { plain, filtered: new PrefilteredTrie(plain, pairs.map(([a]) => a)) };
}

describe('PrefilteredTrie converts exactly as opencc Trie.convert', () => {
  const { plain, filtered } = both([
    ['甲', '乙'],
    ['甲乙丙', '丁戊己'],
    ['丁', '戊'], // a one-unit key that opens no longer one (read from the table of singles)
    ['𠀀', '𠀁'], // astral key
    ['\u2ff0甲', 'XY'], // a key that opens with an ideographic description character
  ]);
  const cases = [
    '',
    '无关的文字',
    '甲',
    '甲乙丙甲乙甲',
    '前甲乙丙后',
    '丁甲丁乙丙丁',
    '𠀀甲𠀀',
    '\ud840前\udc00后', // lone surrogates
    '\u2ff0甲后', // a key at a description character
    '前\u2ff1甲乙后甲', // an unmatched description sequence swallows 甲 and 乙
    '\u2ff2甲乙丙甲', // a three-part sequence
    '甲\u2ff1', // a sequence cut off by the end of the text
  ];
  for (const text of cases) {
    it(JSON.stringify(text), () => expect(filtered.convert(text)).toBe(plain.convert(text)));
  }

  it('agrees with the trie behind each of our opencc tables on a mixed text', () => {
    const text = '這個核心軟體乾淨的乾隆年間，臺灣與香港的衞生部門說：「著名的於梨華」。王暐、\uFA11、\u2ff0木目';
    for (const table of [openccTables().normalize, openccTables().variants, openccTables().toSimplified]) {
      expect(table.convert(text)).toBe(table.trie.convert(text));
      expect(table.convert(text.repeat(3))).toBe(table.trie.convert(text.repeat(3)));
    }
  });
});
