/**
 * One overlap policy for all types: the longer span wins; on equal length the type
 * listed first in PRIORITY wins, then the earlier rule in the list. So 智谱 AI beats
 * 智谱, 200 万美元至 1200 万美元 beats 200 万美元, and a company name beats a person
 * name of the same length (a brand named after its founder is reported once).
 */
import type { Candidate } from '../extractors/candidate.js';

const PRIORITY: Record<Candidate['type'], number> = { money: 0, date: 1, company: 2, person: 3 };

export function resolveOverlaps<C extends Candidate>(candidates: readonly C[], textLength: number): C[] {
  // Array.prototype.sort is stable: equal candidates keep their input (rule) order
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type]);
  const kept: C[] = [];
  // occupancy per character: linear in the total span length, whatever the mention count
  const taken = new Uint8Array(textLength);
  for (const c of ranked) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    kept.push(c);
    taken.fill(1, c.start, c.end);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
