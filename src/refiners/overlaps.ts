/**
 * One overlap policy for all types: the longer span wins; on equal length the type
 * listed first in PRIORITY wins, then the earlier rule in the list. So 智谱 AI beats
 * 智谱, 200 万美元至 1200 万美元 beats 200 万美元, and a company name beats a person
 * name of the same length (a brand named after its founder is reported once).
 */
import type { Candidate } from '../extractors/candidate.js';

const PRIORITY: Record<Candidate['type'], number> = { money: 0, date: 1, company: 2, person: 3 };

// Work arrays shared by all calls, grown when an article needs more: a typed array costs
// about as much to allocate as this whole policy on fifty candidates. Each call writes
// what it reads first (occupancy is cleared up front), so a call that threw leaves no trace.
let spans = new Int32Array(256);
let keys = new Float64Array(128);
let taken = new Uint8Array(4096);

/**
 * Sort keys[0, n) as numbers. Both sorts below order candidates by a number that ends in
 * the candidate's index (key * n + index): numbers sort without a comparator, while a
 * comparator reading the fields of candidates of four shapes cost more than the rest here.
 */
const sortedKeys = (n: number) => keys.subarray(0, n).sort();

export function resolveOverlaps<C extends Candidate>(candidates: readonly C[], textLength: number): C[] {
  const n = candidates.length;
  if (keys.length < n) {
    keys = new Float64Array(2 * n);
    spans = new Int32Array(4 * n);
  }
  if (taken.length < textLength) taken = new Uint8Array(2 * textLength);
  // rank: longer first, then PRIORITY, then input (rule) order
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    spans[2 * i] = c.start;
    spans[2 * i + 1] = c.end;
    keys[i] = ((textLength - (c.end - c.start)) * 4 + PRIORITY[c.type]) * n + i;
  }
  const kept: number[] = [];
  // occupancy per character: linear in the total span length, whatever the mention count
  taken.fill(0, 0, textLength);
  for (const key of sortedKeys(n)) {
    const i = key % n;
    const start = spans[2 * i]!;
    const end = spans[2 * i + 1]!;
    let free = true;
    for (let j = start; j < end && free; j++) free = taken[j] === 0;
    if (!free) continue;
    kept.push(i);
    for (let j = start; j < end; j++) taken[j] = 1;
  }
  // text order: kept spans are disjoint, so only an empty span can share a start with
  // another (it goes first: the shorter end); equal spans keep their rank order
  const k = kept.length;
  for (let r = 0; r < k; r++) {
    const i = kept[r]!;
    const start = spans[2 * i]!;
    keys[r] = (2 * start + (spans[2 * i + 1]! > start ? 1 : 0)) * k + r;
  }
  const out: C[] = [];
  for (const key of sortedKeys(k)) out.push(candidates[kept[key % k]!]!);
  return out;
}
