/**
 * FIXUP table (rules/convert/fixups.yaml): known artifacts of machine conversion
 * to traditional, undone after opencc. Keys are in the form the artifact takes
 * AFTER our character conversion (領網域 is looked up as 领网域).
 */
import { loadRuleFile } from '../rules/load.js';
import { fixupsFile } from '../rules/schemas.js';

export const FIXUPS_FILE = 'convert/fixups.yaml';

export interface Fixup {
  readonly from: string;
  readonly to: string;
  /**
   * Code units shared at the start / end of `from` and `to` (never splitting a
   * surrogate pair). Those characters map one to one; only the middle is
   * rewritten, so 领网域 -> 领域 keeps 领 and 域 on their own source characters.
   */
  readonly keepHead: number;
  readonly keepTail: number;
}

export interface FixupTable {
  readonly fixups: readonly Fixup[];
  /** matches any `from`, longest first; null when the table is empty */
  readonly pattern: RegExp | null;
  /** `from` -> fixup, to resolve a pattern match */
  readonly byFrom: ReadonlyMap<string, Fixup>;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function align(from: string, to: string): Fixup {
  const max = Math.min(from.length, to.length);
  let head = 0;
  while (head < max && from.charCodeAt(head) === to.charCodeAt(head)) head++;
  if (head > 0 && isHigh(from.charCodeAt(head - 1))) head--; // never keep half a pair
  let tail = 0;
  while (tail < max - head && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(from.charCodeAt(from.length - tail))) tail--; // never keep half a pair
  // An insertion (nothing of `from` left between head and tail) has no source
  // characters for the new text: map the whole replacement to the whole match.
  if (head + tail === from.length) head = tail = 0;
  return { from, to, keepHead: head, keepTail: tail };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Load and validate the table. `toSimplified` is the opencc chain: a key that is
 * not already in converted form could never match, so it is an error, as are
 * duplicate keys and no-op entries.
 */
export function loadFixups(rulesDir: string, toSimplified: (s: string) => string): FixupTable {
  const schema = fixupsFile.superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.fixups.forEach(({ from, to }, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', message, path: ['fixups', i, field] });
      if (seen.has(from)) at('from', `duplicate fixup "${from}"`);
      seen.add(from);
      if (from === to) at('to', `fixup "${from}" does not change anything`);
      const fromConv = toSimplified(from);
      if (fromConv !== from) at('from', `"${from}" is not in converted form: key it as "${fromConv}"`);
      const toConv = toSimplified(to);
      if (toConv !== to) at('to', `"${to}" is not in converted form: write it as "${toConv}"`);
    });
  });
  const { fixups } = loadRuleFile(rulesDir, FIXUPS_FILE, schema);
  const aligned = fixups.map(({ from, to }) => align(from, to));
  const keys = aligned.map((f) => f.from).sort((a, b) => b.length - a.length);
  return {
    fixups: aligned,
    pattern: keys.length ? new RegExp(keys.map(escape).join('|'), 'g') : null,
    byFrom: new Map(aligned.map((f) => [f.from, f])),
  };
}
