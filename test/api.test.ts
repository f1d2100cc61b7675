/** The public API: its exports are pinned, and it behaves as documented in the README. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { extractor } from './helpers.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['DecodeError', 'MENTION_TYPES', 'RuleFileError', 'createExtractor', 'decode', 'decodeFile', 'entitySchema', 'extract', 'mentionSchema', 'normalizeDate', 'resultJsonSchema', 'resultSchema'].sort(),
    );
  });

  it('extracts a short article with offsets into the original (traditional) text', () => {
    const text = '騰訊宣布以 5 億美元投資遠帆科技，創始人李明表示，交易預計於 2025 年第一季度完成。';
    const result = extractor().extract(text, { refDate: '2024-11-20' });
    expect(result.script).toBe('hant');
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const byType = (t: string) => result.mentions.filter((m) => m.type === t).map((m) => m.text);
    expect(byType('company')).toEqual(['騰訊', '遠帆科技']);
    expect(byType('person')).toEqual(['李明']);
    expect(result.mentions.find((m) => m.type === 'money')).toMatchObject({ text: '5 億美元', value: 500_000_000, currency: 'USD' });
    expect(result.mentions.find((m) => m.type === 'date')).toMatchObject({ text: '2025 年第一季度', value: '2025-Q1' });
    expect(result.entities.find((e) => e.name === '腾讯')).toMatchObject({ type: 'company', count: 1 });
  });

  it('keeps offsets when conversion changes UTF-16 length (暐 becomes an astral character)', () => {
    const text = '暐暐暐公司董事長王小明表示，百度去年營收超過 1000 億元。';
    const result = extractor().extract(text, { refDate: '2024' });
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(result.mentions.find((m) => m.type === 'money')).toMatchObject({ text: '1000 億元', value: 1e11, mod: 'MORE_THAN' });
    expect(result.mentions.find((m) => m.type === 'date')).toMatchObject({ text: '去年', value: '2023', relative: true });
  });

  it('the convenience extract() equals a created extractor', () => {
    const text = '阿里巴巴发布财报，营收约 2000 亿元。';
    expect(api.extract(text, { refDate: '2024-05' })).toEqual(extractor().extract(text, { refDate: '2024-05' }));
  });

  it('extractMany gives the results of extract() on each article, an Error in place of one that fails', () => {
    const articles = [
      { text: '華星電子董事長陳志遠表示，公司去年營收約 80 億元。', options: { refDate: '2024-03-01', id: 'a' } },
      { text: '今年', options: { refDate: '2024-13' } },
      { text: '星河资本领投云帆科技 2 亿元 A 轮融资，上月完成交割。', options: { refDate: '2023-09-15' } },
      { text: '' },
    ];
    const many = extractor().extractMany(articles);
    expect(many).toHaveLength(4);
    expect(many[1]).toBeInstanceOf(Error);
    expect((many[1] as Error).message).toMatch(/invalid reference date "2024-13"/);
    for (const i of [0, 2, 3]) expect(many[i]).toEqual(extractor().extract(articles[i]!.text, articles[i]!.options));
    expect((many[0] as api.ExtractionResult).mentions.length).toBeGreaterThan(2);
  });

  it('rejects an invalid refDate with a clear message', () => {
    expect(() => extractor().extract('今年', { refDate: '2024-13' })).toThrow(/invalid reference date "2024-13"/);
  });

  it('exports a JSON Schema of the result', () => {
    const schema = api.resultJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['mentions', 'entities', 'script']));
  });

  it('an empty article is a valid result with no mentions', () => {
    expect(extractor().extract('')).toEqual({ script: 'none', mentions: [], entities: [] });
  });
});
