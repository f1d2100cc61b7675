/**
 * Latin-script names that an English reader knows as organisations (Google, Starbucks,
 * Goldman Sachs): compromise's organisation tagging, on runs of capitalised words
 * (at most three, single spaces between them) that stand on their own in the Chinese text.
 * All-capital acronyms are left out: compromise tags leagues and agencies (NBA, FBI) as
 * organisations too, and an acronym company needs the lexicon or a cue.
 */
import type { CompanyCandidate } from '../candidate.js';
import { latinNameKind } from '../../latin/index.js';
import { LATIN, type CompanyDoc } from './landmarks.js';

const MAX_WORDS = 3;
// capitalised, or all lower-case from four letters (some sources lower-case Latin: visa, google)
const WORD = /^(?:[A-Z][a-z][A-Za-z&-]*|[a-z]{4,})$/;

export function extractLatinOrganisations(ctx: CompanyDoc): CompanyCandidate[] {
  const found: CompanyCandidate[] = [];
  if ((ctx.present & LATIN) === 0) return found;
  const { words, view, marks, starts } = ctx;
  for (let k = 0; k < words.length; k++) {
    // (the landmark LATIN: an ASCII letter first)
    if ((marks[k]! & LATIN) === 0 || !WORD.test(words[k]!)) continue;
    // a run of capitalised words: Goldman Sachs, Thrive Capital
    let last = k;
    for (let p = k + 2, n = 1; p < words.length && n < MAX_WORDS && words[p - 1] === ' ' && WORD.test(words[p]!); p += 2, n++) last = p;
    const start = starts[k]!;
    const end = starts[last + 1]!;
    k = last;
    // glued to more Latin or digits, it is part of something longer (Windows11, iPhone)
    if (/[A-Za-z0-9.]/.test(view[start - 1] ?? '') || /[A-Za-z0-9]/.test(view[end] ?? '')) continue;
    if (latinNameKind(view.slice(start, end)) === 'organization') found.push({ type: 'company', start, end, rule: 'company.latin' });
  }
  return found;
}
