/** Shared test helpers: repo paths and one extractor per process (rules and jieba load once). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractor, type Extractor } from '../src/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(REPO, '../shared');

let withLexicon: Extractor | undefined;
let withoutLexicon: Extractor | undefined;

export function extractor(useLexicon = true): Extractor {
  if (useLexicon) return (withLexicon ??= createExtractor());
  return (withoutLexicon ??= createExtractor({ useLexicon: false }));
}
