/**
 * Regression against the hand-labelled gold files, and the committed output/:
 * - every gold article scores at or above the gates of the pipeline issue;
 * - output/ is exactly what `zhx extract corpus --out output` writes now, so every
 *   change in behaviour shows up in review as a diff of output/;
 * - offsets point into the original text for every mention of every output.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { decodeFile } from '../src/decode/index.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, extractor } from './helpers.js';
import { scoreDocuments } from '../src/eval/score.js';
import { resultSchema } from '../src/schema.js';

const goldDir = path.join(REPO, 'test/gold');
const golds = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('gold articles', () => {
  it('has the seed article', () => {
    expect(golds).toContain('000_774273c1435614fb.json');
  });

  for (const file of golds) {
    it(`${file}: mention F1 and value accuracy >= 0.95 per type (seed) / 0.90 (dev set)`, () => {
      const gold = load(path.join(goldDir, file));
      const text = decodeFile(path.join(REPO, gold.doc)).text;
      const result = extractor().extract(text, { refDate: gold.refDate });
      const { perType } = scoreDocuments([{ id: file, gold: gold.mentions, pred: result.mentions }]);
      const gate = file.startsWith('000_') ? 0.95 : 0.9;
      for (const [type, s] of Object.entries(perType)) {
        if (s.tp + s.fn === 0) continue;
        expect.soft(s.F1, `${file} ${type} F1`).toBeGreaterThanOrEqual(gate);
        if (s.valueAcc !== undefined) expect.soft(s.valueAcc, `${file} ${type} value accuracy`).toBeGreaterThanOrEqual(gate);
      }
    });
  }
});

describe('committed output/', () => {
  const outputs = readdirSync(path.join(REPO, 'output')).filter((f) => f.endsWith('.json') && !f.startsWith('bench'));

  it('holds one result per corpus article', () => {
    const corpus = readdirSync(path.join(REPO, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '.json'));
    expect(outputs.sort()).toEqual(corpus.sort());
  });

  for (const file of outputs) {
    it(`${file} is fresh (re-run: npm run extract) and its offsets hold`, () => {
      const committed = load(path.join(REPO, 'output', file));
      const doc = committed.doc as string;
      const original = decodeFile(path.join(REPO, doc)).text;
      const meta = path.join(REPO, doc.replace(/\.txt$/, '.meta.json'));
      const refDate = existsSync(meta) ? load(meta).refDate : undefined;
      const now = extractor().extract(original, { doc, ...(refDate && { refDate }) });
      expect(committed, 'output/ is stale: run `npm run extract` and commit the diff').toEqual(JSON.parse(JSON.stringify(now)));
      resultSchema.parse(committed);
      for (const m of committed.mentions) expect(original.slice(m.start, m.end)).toBe(m.text);
    });
  }
});
