/**
 * The seed article as the render tests see it: the real extraction of
 * corpus/000_774273c1435614fb.txt with the gold file's refDate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractionResult, Mention } from '../src/schema.js';
import { decodeFile } from '../src/decode/index.js';
import { extractor } from './helpers.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_GOLD = path.join(ROOT, 'test/gold/000_774273c1435614fb.json');

export interface SeedView {
  original: string;
  simplified: string;
  result: ExtractionResult;
  /** what the page must show: every mention the pipeline found */
  expected: Mention[];
}

export function seedView(): SeedView {
  const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { doc: string; refDate: string };
  const original = decodeFile(path.join(ROOT, gold.doc)).text;
  const { result, simplified } = extractor().extractWithText(original, { doc: gold.doc, refDate: gold.refDate });
  return { original, simplified, result, expected: result.mentions };
}
