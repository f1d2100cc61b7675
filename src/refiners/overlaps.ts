/**
 * One overlap policy for all types: the longer span wins; on equal length the type
 * listed first in PRIORITY wins, then the earlier rule in the list. So 智谱 AI beats
 * 智谱, 200 万美元至 1200 万美元 beats 200 万美元, and a company name beats a person
 * name of the same length (a brand named after its founder is reported once).
 */
import type { Candidate } from '../extractors/candidate.js';

const PRIORITY: Record<Candidate['type'], number> = { money: 0, date: 1, company: 2, person: 3 };
const TYPES = 4;

// Work arrays shared by all calls, grown when an article needs more: a typed array costs
// about as much to allocate as this whole policy on fifty candidates. Each call writes
// what it reads first, so a call that threw leaves no trace.
let spans = new Int32Array(256);
let ranks = new Int32Array(128);
let order = new Int32Array(128);
let counts = new Int32Array(256);
let keys = new Float64Array(128);
let taken = new Uint8Array(4096);

export function resolveOverlaps<C extends Candidate>(candidates: readonly C[], textLength: number): C[] {
  const n = candidates.length;
  if (ranks.length < n) {
    ranks = new Int32Array(2 * n);
    order = new Int32Array(2 * n);
    keys = new Float64Array(2 * n);
    spans = new Int32Array(4 * n);
  }
  if (taken.length < textLength) taken = new Uint8Array(2 * textLength);
  // The candidates' fields are read once (they come in four shapes, and a comparator
  // reading them at every comparison cost more than the rest of this function)
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    spans[2 * i] = c.start;
    spans[2 * i + 1] = c.end;
    ranks[i] = PRIORITY[c.type];
    longest = Math.max(longest, c.end - c.start);
  }
  // Longer first, then PRIORITY, then input (rule) order: a stable counting sort on
  // length and type. Spans are a few characters, so there are few buckets and no
  // comparisons; the bucket count is bounded by the text length, so linear however long.
  const buckets = (longest + 1) * TYPES;
  if (counts.length < buckets + 1) counts = new Int32Array(2 * (buckets + 1));
  counts.fill(0, 0, buckets + 1);
  for (let i = 0; i < n; i++) {
    ranks[i] = (longest - (spans[2 * i + 1]! - spans[2 * i]!)) * TYPES + ranks[i]!;
    counts[ranks[i]! + 1]!++;
  }
  for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
  for (let i = 0; i < n; i++) order[counts[ranks[i]!]!++] = i;

  const kept: number[] = [];
  // occupancy per character: linear in the total span length, whatever the mention count
  taken.fill(0, 0, textLength);
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const start = spans[2 * i]!;
    const end = spans[2 * i + 1]!;
    let free = true;
    for (let j = start; j < end && free; j++) free = taken[j] === 0;
    if (!free) continue;
    kept.push(i);
    for (let j = start; j < end; j++) taken[j] = 1;
  }
  // text order, as numbers ending in the rank (key * k + rank) sorted without a comparator:
  // kept spans are disjoint, so only an empty span can share a start with another (it goes
  // first: the shorter end); equal spans keep their rank order
  const k = kept.length;
  for (let r = 0; r < k; r++) {
    const i = kept[r]!;
    const start = spans[2 * i]!;
    keys[r] = (2 * start + (spans[2 * i + 1]! > start ? 1 : 0)) * k + r;
  }
  const out: C[] = [];
  for (const key of keys.subarray(0, k).sort()) out.push(candidates[kept[key % k]!]!);
  return out;
}
