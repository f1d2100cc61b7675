/**
 * CONVERT stage: traditional -> simplified at character level (opencc), then the
 * FIXUP table, with an exact offset map back to the original text and a guess of
 * the script the original was written in.
 */
import { openccTables, type OpenccTables } from './tables.js';
import { loadFixups, type FixupTable } from './fixups.js';
import { CodeSet } from '../text/codeSet.js';

/**
 * hant: some character was converted and none is simplified-only;
 * hans: some simplified-only character and nothing converted;
 * mixed: both (typical of mainland text run through a careless converter);
 * none: neither (ASCII, or Han characters written alike in both scripts).
 */
export type Script = 'hant' | 'hans' | 'mixed' | 'none';

export interface Conversion {
  readonly original: string;
  readonly simplified: string;
  readonly script: Script;
  /**
   * Maps the half-open span [start, end) of `simplified` to the smallest span of
   * `original` holding every source character of it (widened to a whole
   * surrogate pair or fixup segment when the span cuts into one).
   */
  toOriginal(start: number, end: number): [number, number];
}

// CJK compatibility ideographs: U+F900-U+FAFF and U+2F800-U+2FA1F (as surrogates).
const COMPAT = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;
// Either of COMPAT and SURROGATE: one scan of the article rules both out (almost always)
const RARE = /[\uD800-\uDFFF\uF900-\uFAFF]/;
// Below this no code point is Han, so neither script test can fire.
const FIRST_HAN = 0x2e80;

interface Mapped {
  text: string;
  /**
   * per code unit of `text`: the source span in the original; null when code unit j comes
   * from code unit j (most articles: no astral character, no fixup), which needs no arrays
   */
  offsets: { start: Int32Array; end: Int32Array } | null;
}

function scriptOf(converted: number, simplifiedOnly: number): Script {
  if (converted > 0) return simplifiedOnly > 0 ? 'mixed' : 'hant';
  return simplifiedOnly > 0 ? 'hans' : 'none';
}

/** Apply the fixups to `text` (already mapped), composing the offset maps. */
function applyFixups(m: Mapped, table: FixupTable): Mapped {
  const { pattern } = table;
  if (!pattern) return m;
  // exec in a loop, not matchAll: matchAll copies the regular expression on every call
  pattern.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let hit = pattern.exec(m.text); hit; hit = pattern.exec(m.text)) matches.push(hit);
  if (matches.length === 0) return m;
  let size = m.text.length;
  for (const hit of matches) size += table.byFrom.get(hit[0])!.to.length - hit[0].length;
  // null: code unit j comes from code unit j, read as such rather than written out
  const source = m.offsets;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const parts: string[] = [];
  let src = 0;
  let dst = 0;
  const copy = (from: number, to: number) => {
    for (let j = from; j < to; j++, dst++) {
      start[dst] = source ? source.start[j]! : j;
      end[dst] = source ? source.end[j]! : j + 1;
    }
  };
  for (const hit of matches) {
    const at = hit.index;
    const fix = table.byFrom.get(hit[0])!;
    parts.push(m.text.slice(src, at), fix.to);
    copy(src, at + fix.keepHead);
    // The rewritten middle comes from the whole middle of the match.
    const midStart = at + fix.keepHead;
    const midEnd = at + fix.from.length - fix.keepTail;
    const midLength = fix.to.length - fix.keepHead - fix.keepTail;
    start.fill(source ? source.start[midStart]! : midStart, dst, dst + midLength);
    end.fill(source ? source.end[midEnd - 1]! : midEnd, dst, dst + midLength);
    dst += midLength;
    copy(midEnd, at + fix.from.length);
    src = at + fix.from.length;
  }
  parts.push(m.text.slice(src));
  copy(src, m.text.length);
  return { text: parts.join(''), offsets: { start, end } };
}

// UTF-16 surrogates: a text without them maps one code unit to one code unit
const SURROGATE = /[\uD800-\uDFFF]/;

function convert(original: string, tables: OpenccTables, simplifiedOnlyBmp: CodeSet, fixups: FixupTable): Conversion {
  const rare = RARE.test(original);
  const normalized = rare && COMPAT.test(original) ? tables.normalize.convert(original) : original;
  const converted = tables.toSimplified.convert(tables.variants.convert(normalized));
  const n = converted.length;
  let changed = 0;
  let simplified = 0;
  let offsets: Mapped['offsets'] = null;

  // Every opencc entry keeps the number of code points (checked in tables.ts): with the
  // same length and no surrogate in the original (then none in the output either), code
  // unit j of the output comes from code unit j, the identity map
  if (normalized === original && n === original.length && !(rare && SURROGATE.test(original))) {
    // the common case (no astral characters): one code unit for one, compared in place.
    // scriptOf reads only whether each count is nonzero, so each test stops once it has
    // fired and the scan once both have; the tries hand back their very input when they
    // convert nothing (a simplified article), which then needs no comparing at all
    let compare = converted !== original;
    let lookUp = true;
    for (let j = 0; j < n && (compare || lookUp); j++) {
      const c = original.charCodeAt(j);
      if (c < FIRST_HAN) continue;
      if (compare && c !== converted.charCodeAt(j)) {
        changed++;
        compare = false;
      }
      if (lookUp && simplifiedOnlyBmp.has(c)) {
        simplified++;
        lookUp = false;
      }
    }
  } else {
    // The three strings are walked in step, one code point at a time; only their
    // UTF-16 lengths may differ (暐 -> U+2B4E7).
    const simplifiedOnly = tables.simplifiedOnly;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let j = 0, i = 0, k = 0; j < n; ) {
      const out = converted.codePointAt(j)!;
      const norm = normalized.codePointAt(k)!;
      const next = i + (original.codePointAt(i)! > 0xffff ? 2 : 1);
      if (norm >= FIRST_HAN) {
        if (norm !== out) changed++;
        if (simplifiedOnly.has(norm)) simplified++;
      }
      start[j] = i;
      end[j] = next;
      if (out > 0xffff) {
        start[j + 1] = i;
        end[j + 1] = next;
        j += 2;
      } else j++;
      i = next;
      k += norm > 0xffff ? 2 : 1;
    }
    offsets = { start, end };
  }

  const mapped = applyFixups({ text: converted, offsets }, fixups);
  const length = mapped.text.length;
  const origStart = mapped.offsets?.start;
  const origEnd = mapped.offsets?.end;
  return {
    original,
    simplified: mapped.text,
    script: scriptOf(changed, simplified),
    toOriginal(from: number, to: number): [number, number] {
      if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= length)) {
        throw new RangeError(`span [${from}, ${to}) is not within the simplified text (length ${length})`);
      }
      // the identity map: the same span (and the same length, so the empty span at the end stays there)
      if (!origStart || !origEnd) return [from, to];
      if (from === to) {
        const at = from < length ? origStart[from]! : original.length;
        return [at, at];
      }
      return [origStart[from]!, origEnd[to - 1]!];
    },
  };
}

/**
 * Build a converter. The opencc tables are shared by all converters; the fixup
 * table is read from `rulesDir` now, so a bad rule file fails at start-up.
 */
export function createConverter(options: { rulesDir: string }): (original: string) => Conversion {
  const tables = openccTables();
  const fixups = loadFixups(options.rulesDir, tables.convert);
  // BMP code points that only simplified text uses, read once per Han character: an 8 KB
  // bitset stays cached after jieba has run, where a 64 KB byte map (or the Set) would not
  const simplifiedOnlyBmp = new CodeSet();
  for (const cp of tables.simplifiedOnly) simplifiedOnlyBmp.add(cp); // (add ignores astral code points)
  return (original) => convert(original, tables, simplifiedOnlyBmp, fixups);
}
