/**
 * The seed article and a stand-in extraction for the render tests: the gold
 * file's required mentions, shaped as an ExtractionResult (optional mentions
 * dropped, entities grouped by name), until the pipeline exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { resultSchema, type Entity, type ExtractionResult, type Mention } from '../src/schema.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_GOLD = path.join(ROOT, 'test/gold/000_774273c1435614fb.json');

interface Gold {
  doc: string;
  refDate: string;
  mentions: (Mention & { optional?: boolean })[];
}

export interface SeedView {
  original: string;
  simplified: string;
  result: ExtractionResult;
  /** the required gold mentions, what the page must show */
  expected: Mention[];
}

/** Entities as the pipeline groups them, approximately: one per canonical name. */
function entitiesOf(mentions: readonly Mention[]): Entity[] {
  const byName = new Map<string, Entity>();
  for (const m of mentions) {
    if (m.type !== 'company' && m.type !== 'person') continue;
    const e = byName.get(`${m.type}:${m.name}`) ?? { type: m.type, name: m.name, aliases: [], count: 0 };
    e.count++;
    if (m.text !== m.name && !e.aliases.includes(m.text)) e.aliases.push(m.text);
    byName.set(`${m.type}:${m.name}`, e);
  }
  return [...byName.values()];
}

export function seedView(): SeedView {
  const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as Gold;
  const original = readFileSync(path.join(ROOT, gold.doc), 'utf8').replace(/^\uFEFF/, '');
  // PIPELINE: replace the gold stand-in below with the real extraction, e.g.
  //   const { original, simplified, result } = await extractFile(path.join(ROOT, gold.doc), gold.refDate);
  // and keep `expected` = result.mentions (the page must show what the pipeline found).
  const expected = gold.mentions.filter((m) => !m.optional).map(({ optional: _optional, ...m }) => m as Mention);
  const result = resultSchema.parse({ doc: gold.doc, script: 'hant', refDate: gold.refDate, mentions: expected, entities: entitiesOf(expected) });
  const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(original);
  return { original, simplified, result, expected };
}
