/**
 * Person extractor. Rules:
 *  - person.chinese: surname + given name with a cue (创始人X, X表示) or jieba's reading;
 *  - person.list: a surname + given name in a list with an accepted name (孙茂松、唐杰);
 *  - person.transliterated: 萨姆·奥尔特曼, and later its last part alone (奥尔特曼);
 *  - person.latin: Latin names compromise reads as a person (Sam Altman);
 *  - person.repeat: every other occurrence of an accepted name.
 * Titles stay outside the span (创始人王小川 -> 王小川).
 */
import type { DocContext } from '../../context.js';
import type { PersonCandidate } from '../candidate.js';
import { latinNameKind } from '../../latin/index.js';
import { isHan } from '../../text/matchView.js';
import { acceptedAlone, nameAt, type NameCandidate } from './chinese.js';
import type { PersonTables } from './tables.js';

export interface PersonRules {
  person: PersonTables;
}

const TRANSLITERATED = /[\u4e00-\u9fff]{1,6}(?:[·•‧・][\u4e00-\u9fff]{1,8})+/g;
const LATIN_NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b/g;

/** Names adjacent through a list separator to an accepted name (孙茂松、唐杰、刘知远). */
function listNeighbours(ctx: DocContext, all: NameCandidate[], accepted: Set<NameCandidate>, t: PersonTables): void {
  let grew = true;
  while (grew) {
    grew = false;
    for (let k = 0; k + 1 < all.length; k++) {
      const [a, b] = [all[k]!, all[k + 1]!];
      if (accepted.has(a) === accepted.has(b)) continue;
      if (!t.listSeparators.has(ctx.view.slice(a.end, b.start))) continue;
      accepted.add(accepted.has(a) ? b : a);
      grew = true;
    }
  }
}

function chineseNames(ctx: DocContext, t: PersonTables): PersonCandidate[] {
  const all: NameCandidate[] = [];
  for (let i = 0; i < ctx.view.length; i++) {
    if (!isHan(ctx.view[i])) continue;
    const c = nameAt(ctx, i, t);
    if (c) all.push(c);
  }
  const accepted = new Set(all.filter(acceptedAlone));
  const alone = new Set(accepted);
  listNeighbours(ctx, all, accepted, t);
  return [...accepted].map((c) => ({ type: 'person', start: c.start, end: c.end, rule: alone.has(c) ? 'person.chinese' : 'person.list' }));
}

function transliterated(ctx: DocContext): PersonCandidate[] {
  return [...ctx.view.matchAll(TRANSLITERATED)].map((m) => ({ type: 'person', start: m.index, end: m.index + m[0].length, rule: 'person.transliterated' }));
}

function latinNames(ctx: DocContext): PersonCandidate[] {
  return [...ctx.view.matchAll(LATIN_NAME)]
    .filter((m) => latinNameKind(m[0]) === 'person')
    .map((m) => ({ type: 'person', start: m.index, end: m.index + m[0].length, rule: 'person.latin' }));
}

/** Every other occurrence of an accepted name, and the last part of a transliterated one. */
function repeats(ctx: DocContext, found: readonly PersonCandidate[]): PersonCandidate[] {
  const names = new Map<string, string>();
  for (const p of found) {
    const name = ctx.view.slice(p.start, p.end);
    names.set(name, 'person.repeat');
    if (p.rule === 'person.transliterated') {
      const last = name.split(/[·•‧・]/).at(-1)!;
      if (last.length >= 2 && !names.has(last)) names.set(last, 'person.surname-only');
    }
  }
  const out: PersonCandidate[] = [];
  for (const [name, rule] of names) {
    for (let at = ctx.view.indexOf(name); at !== -1; at = ctx.view.indexOf(name, at + name.length)) {
      const end = at + name.length;
      // a repeat must be a whole word: not the start of a longer name (张维 in 张维迎)
      if (isHan(ctx.view[end]) && ctx.boundary[end] !== 1) continue;
      if (isHan(ctx.view[at - 1]) && ctx.boundary[at] !== 1) continue;
      out.push({ type: 'person', start: at, end, rule });
    }
  }
  return out;
}

export function extractPeople(ctx: DocContext, rules: PersonRules): PersonCandidate[] {
  const found = [...transliterated(ctx), ...chineseNames(ctx, rules.person), ...latinNames(ctx)];
  return [...found, ...repeats(ctx, found)];
}
