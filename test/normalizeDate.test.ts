/**
 * normalizeDate reads a string already known to be one time expression: the grammar
 * of extract() with the running-text guards relaxed (bare years, 24年, 09-01, 2008.03).
 */
import { describe, expect, it } from 'vitest';
import { createExtractor, normalizeDate } from '../src/index.js';

describe('normalizeDate', () => {
  const extractor = createExtractor();
  it.each([
    ['2018', '2021-06-14', { value: '2018' }],
    ['24年', '2021-06-14', { value: '2024' }],
    ['3/1', '2021-06-14', { value: 'XXXX-03-01', resolved: '2021-03-01' }],
    ['2008.03', '2021-06-14', { value: '2008-03' }],
    ['下个月9号', '2021-06-14', { value: '2021-07-09', relative: true }],
  ])('%s (refDate %s)', (expression, refDate, fields) => {
    expect(extractor.normalizeDate(expression, { refDate })).toMatchObject({ type: 'date', start: 0, text: expression, ...fields });
  });

  it('finds in running text only what extract() finds there', () => {
    for (const text of ['2018', '24年', '3/1']) expect(extractor.extract(text).mentions.filter((m) => m.type === 'date')).toEqual([]);
  });

  it('returns null when the expression holds no date or several', () => {
    expect(normalizeDate('公司营收增长')).toBeNull();
    expect(normalizeDate('2019年和2021年', '2021-06-14')).toBeNull();
  });
});
