/**
 * The opencc tables behind the CONVERT stage, built once per process on first
 * use (~40 ms, plus ~80 ms to import the dict modules) and shared by every converter.
 *
 * Everything here is CHARACTER level: we use the dictionaries of the opencc-js
 * presets from 'tw' and 'hk' to 'cn' (regional variants, then TSPhrases +
 * TSCharacters), never the regional-vocabulary tables (TWPhrasesRev would turn
 * 核心 into 内核). Every entry we load maps N code points to N code points
 * (checked below), so conversion never moves a character: code point k of the
 * output comes from code point k of the input. That is what makes the offset
 * map exact, however many dict groups are chained.
 */
import { Trie, type DictLike } from 'opencc-js/core';
import { PrefilteredTrie } from './prefilteredTrie.js';
import { from, to } from 'opencc-js/preset';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

export interface OpenccTables {
  /** CJK compatibility ideographs (U+F900.., often left by Big5 decoding) -> unified ones */
  readonly normalize: PrefilteredTrie;
  /** Taiwan / Hong Kong variant forms -> opencc standard traditional */
  readonly variants: PrefilteredTrie;
  /** traditional -> simplified (TSPhrases for context, then TSCharacters) */
  readonly toSimplified: PrefilteredTrie;
  /** code points that only simplified text uses (see buildSimplifiedOnly) */
  readonly simplifiedOnly: ReadonlySet<number>;
  /** the whole chain on a string (no offsets), for checks such as rule validation */
  convert(text: string): string;
}

/**
 * Variant reversals we do not apply, although the tw/hk presets have them: their
 * source is an ordinary simplified character, so applying them would corrupt
 * simplified and mixed text (怎么 -> 怎幺, 土著 -> 土着). The cost: Taiwan 看著
 * stays 看著 rather than mainland 看着, readable either way.
 */
const SIMPLIFIED_VARIANT_SOURCES = new Set(['么', '著']);

type Pair = readonly [string, string];

function entries(dict: DictLike): Pair[] {
  if (typeof dict !== 'string') return dict.map(([a, b]) => [a, b] as const);
  if (dict === '') return [];
  return dict.split('|').map((line) => {
    const [a = '', b = ''] = line.split(' ');
    return [a, b] as const;
  });
}

function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * A trie from dicts in priority order (first wins on equal keys, as in opencc's
 * loadDictGroup). Refuses an entry that changes the number of code points:
 * the offset map relies on it, and a future opencc release must fail loudly here.
 */
function trieOf(dicts: readonly (readonly Pair[])[]): PrefilteredTrie {
  const merged = new Map<string, string>();
  for (const dict of dicts) {
    for (const [a, b] of dict) {
      if (codePointCount(a) !== codePointCount(b)) {
        throw new Error(`opencc entry "${a}" -> "${b}" changes the number of characters; the convert stage assumes it never does`);
      }
      if (!merged.has(a)) merged.set(a, b);
    }
  }
  const trie = new Trie();
  for (const [a, b] of merged) trie.addWord(a, b);
  return new PrefilteredTrie(trie, merged.keys());
}

/** The dicts of a preset side, which must be a single dict group (true in opencc-js 1.4). */
function presetGroup(groups: readonly (readonly DictLike[])[] | undefined, name: string): Pair[][] {
  if (!groups || groups.length !== 1) throw new Error(`opencc-js preset ${name}: expected one dict group`);
  return groups[0]!.map(entries);
}

function addCodePoints(s: string, into: Set<number>, from = 0, to = s.length): void {
  for (let i = from; i < to; ) {
    const cp = s.codePointAt(i)!;
    into.add(cp);
    i += cp > 0xffff ? 2 : 1;
  }
}

/** Code points of every target of a dict ("a b|c d": b and d), scanned in place: STPhrases is 1 MB. */
function addTargetCodePoints(dict: DictLike, into: Set<number>): void {
  if (typeof dict !== 'string') {
    for (const [, b] of dict) addCodePoints(b, into);
    return;
  }
  for (let i = 0; i < dict.length; ) {
    const space = dict.indexOf(' ', i);
    if (space < 0) break;
    const bar = dict.indexOf('|', space);
    const end = bar < 0 ? dict.length : bar;
    addCodePoints(dict, into, space + 1, end);
    i = end + 1;
  }
}

/**
 * A code point is simplified-only when opencc's s2t table rewrites it AND no
 * traditional text uses it: it is not a traditional source of t2s, not a target
 * of s2t (characters or phrases: 干 survives in 若干, 里 in 公里), and not a
 * Taiwan / Hong Kong standard form (群, 峰, HK 温, 户). What remains (国, 说, 内,
 * 争) cannot come from a traditional writer or a traditional converter.
 */
function buildSimplifiedOnly(st: readonly Pair[], traditional: Set<number>): Set<number> {
  const only = new Set<number>();
  for (const [a, b] of st) {
    const cp = a.codePointAt(0)!;
    if (a !== b && !traditional.has(cp)) only.add(cp);
  }
  return only;
}

function build(): OpenccTables {
  const ts = entries(TSCharacters);
  const tsMap = new Map(ts);
  const tsChar = (c: string) => tsMap.get(c) ?? c;

  // tw before hk, phrases before characters (each preset group lists phrases first).
  const [twPhrases = [], twChars = []] = presetGroup(from['tw'], 'from.tw');
  const [hkPhrases = [], hkChars = []] = presetGroup(from['hk'], 'from.hk');
  // A single-character variant reversal is kept only when t2s would leave its
  // source unconverted (痺 -> 痹, HK 衞 -> 衛 -> 卫); where TSCharacters already
  // simplifies the source (顎 -> 颚), the regional guess must not override it.
  const keepChar = ([a, b]: Pair) =>
    !SIMPLIFIED_VARIANT_SOURCES.has(a) && (tsChar(b) === tsChar(a) || !tsMap.has(a));
  const variants = trieOf([twPhrases, hkPhrases, twChars.filter(keepChar), hkChars.filter(keepChar)]);

  const [tsPhrases = [], tsChars = []] = presetGroup(to['cn'], 'to.cn');
  // The simplified side of each TSPhrases entry maps to itself, so that words
  // like 乾县 or 於梨华 already in simplified (or mixed) text keep their 乾/於
  // instead of being re-converted character by character.
  const tsBase = trieOf([tsPhrases, tsChars]);
  const selfPhrases = tsPhrases
    .map(([, simp]) => [simp, simp] as const)
    .filter(([simp]) => tsBase.convert(simp) !== simp);
  const toSimplified = trieOf([tsPhrases, tsChars, selfPhrases]);

  const normalize = trieOf([entries(CJKCompatibility)]);
  const st = entries(STCharacters);
  const traditional = new Set<number>();
  for (const [a] of ts) addCodePoints(a, traditional);
  for (const dict of [st, STPhrases]) addTargetCodePoints(dict, traditional);
  for (const dict of [twChars, hkChars, twPhrases, hkPhrases]) for (const [a] of dict) addCodePoints(a, traditional);
  const simplifiedOnly = buildSimplifiedOnly(st, traditional);

  const convert = (text: string) => toSimplified.convert(variants.convert(normalize.convert(text)));
  return { normalize, variants, toSimplified, simplifiedOnly, convert };
}

let tables: OpenccTables | undefined;

/** The shared tables, built on first use. */
export function openccTables(): OpenccTables {
  return (tables ??= build());
}
