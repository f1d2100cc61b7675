/**
 * Finding known phrases (company names and aliases) as runs of whole jieba tokens.
 * Matching whole tokens keeps 百度 out of 百度云 when jieba keeps 百度云 together,
 * and a space between CJK and Latin (智谱 AI) is ignored as the guideline's names are.
 */
import { isAsciiDigitCode, isHanCode, isLatin, isLatinCode } from '../../text/matchView.js';
import { CodePairFilter, CodeSet } from '../../text/codeSet.js';
import { FilteredMap, HASH_START, hashOf, hashStep } from '../../text/stringFilter.js';
import { KEY, KeyEntries, PREFIX, type KeyEntry } from './keyEntries.js';
import { PHRASE, simpleLower, type CompanyDoc } from './landmarks.js';
import { hasLatinLetter, hasWhiteSpace, isBlankRange, isWhiteSpaceCode } from './codeUnits.js';

const SPACE = 0x20;

/** Key of a surface: whitespace next to a CJK character removed, other runs folded to one space. */
export function phraseKey(surface: string): string {
  // most surfaces hold no white space at all: they are their own key (no regex passes)
  if (!hasWhiteSpace(surface)) return surface;
  // one walk instead of trim() and two regex replacements (a Latin name repeated through an
  // article is keyed once per mention): each run of white space inside the surface becomes
  // one space, kept only between two ASCII characters
  let from = 0;
  let to = surface.length;
  while (from < to && isWhiteSpaceCode(surface.charCodeAt(from))) from++;
  while (to > from && isWhiteSpaceCode(surface.charCodeAt(to - 1))) to--;
  let key = '';
  let piece = from;
  for (let i = from; i < to; i++) {
    if (!isWhiteSpaceCode(surface.charCodeAt(i))) continue;
    let next = i + 1;
    while (isWhiteSpaceCode(surface.charCodeAt(next))) next++; // (the run ends before `to`: the surface is trimmed)
    key += surface.slice(piece, i);
    if (surface.charCodeAt(i - 1) <= 0x7f && surface.charCodeAt(next) <= 0x7f) key += ' ';
    piece = next;
    i = next - 1;
  }
  return key + surface.slice(piece, to);
}

/** Phrases with every prefix of their keys, so a scan stops as soon as no phrase can match. */
export interface PhraseIndex<V> {
  phrases: ReadonlyMap<string, V>;
  /** Latin phrases of FOLD_MIN+ characters by lower-case key: news writes bwin, Bwin, BWIN */
  folded: FilteredMap<V>;
  /**
   * every key as written and every lower-cased proper prefix of a key, with what it is: one
   * lookup answers both "is it a phrase?" and "can a phrase go on from here?"
   */
  entries: KeyEntries<V>;
  /** first characters of the phrases (as typed, lower- and upper-cased): most tokens are skipped on one bit test */
  firstChars: CodeSet;
  /**
   * the first two code units of every phrase, as typed and lower-cased, and the phrases of
   * one code unit: a token whose first two characters are no white space (no space to skip)
   * opens a phrase only if their pair, as typed or lower-cased, is one of these (landmarks.ts)
   */
  openingPairs: CodePairFilter;
  /** (null when there are none, as in the bundled lexicon: no bitset read per token) */
  singles: CodeSet | null;
  /** every code unit of the keys, as typed and lower-cased: a scan ends at a word holding a unit of no key (，、) */
  keyUnits: CodeSet;
}

// a shorter Latin name must match in its own case (EA, LG, SAP are not ea, lg, sap)
const FOLD_MIN = 4;

export function phraseIndex<V>(phrases: ReadonlyMap<string, V>): PhraseIndex<V> {
  const entries = new Map<string, KeyEntry<V>>();
  const entry = (s: string) => {
    let e = entries.get(s);
    if (!e) entries.set(s, (e = { value: undefined, prefix: false }));
    return e;
  };
  const firstChars = new CodeSet();
  const openingPairs = new CodePairFilter();
  const singles = new CodeSet();
  const folded = new Map<string, V>();
  const keyUnits = new CodeSet();
  for (const [key, value] of phrases) {
    const lower = key.toLowerCase();
    for (let i = 0; i < key.length; i++) keyUnits.add(key.charCodeAt(i));
    for (let i = 0; i < lower.length; i++) keyUnits.add(lower.charCodeAt(i));
    if (key.length >= 2) {
      // as typed (an exact match) and lower-cased (a folded one)
      openingPairs.add(key.charCodeAt(0), key.charCodeAt(1));
      if (lower.length >= 2) openingPairs.add(lower.charCodeAt(0), lower.charCodeAt(1));
    } else singles.add(key.charCodeAt(0));
    firstChars.add(key.charCodeAt(0));
    firstChars.add(lower.charCodeAt(0));
    // (an upper case of more than one unit, ß -> SS, never equals a token's first unit)
    const upper = key[0]!.toUpperCase();
    if (upper.length === 1) firstChars.add(upper.charCodeAt(0));
    if (lower !== key && key.length >= FOLD_MIN && !folded.has(lower)) folded.set(lower, value);
    entry(key).value = value;
    for (let i = 1; i < key.length; i++) entry(lower.slice(0, i)).prefix = true;
  }
  const hasSingles = [...phrases.keys()].some((key) => key.length === 1);
  return { phrases, folded: new FilteredMap(folded), entries: new KeyEntries(entries), firstChars, openingPairs, singles: hasSingles ? singles : null, keyUnits };
}

export interface PhraseHit<V> {
  start: number;
  end: number;
  key: string;
  value: V;
}

const MAX_TOKENS = 8;
const MAX_LENGTH = 40;

/** Longest known phrase starting at each token, scanning left to right without overlaps. */
export function findPhrases<V>(ctx: CompanyDoc, index: PhraseIndex<V>): PhraseHit<V>[] {
  const { view, words, marks, starts } = ctx;
  // a key the filter lets through is read off the phrases themselves: a smaller Map than the
  // entries (which hold every prefix too), and one the segmenter reads as well
  const { folded, entries, phrases } = index;
  const hits: PhraseHit<V>[] = [];
  for (let k = 0; k < words.length; ) {
    // most tokens open no phrase, and their first character tells (the landmark PHRASE is index.firstChars)
    if ((marks[k]! & PHRASE) === 0) {
      k++;
      continue;
    }
    // (starts[k] is where token k starts, starts[m + 1] where token m ends)
    const start = starts[k]!;
    let best: PhraseHit<V> | undefined;
    // While the key is Han characters and digits (most keys: no case to fold), it is known
    // by its hash and length, grown word by word: the filter turns nearly every key away
    // before a string is made for it. A key of that kind that the filter takes for a prefix
    // but is none cannot grow into a key or a prefix either: the scan goes on a little
    // further than it had to and stops with the same best.
    let caseless = true;
    let hash = HASH_START;
    let length = 0;
    // a space between CJK words is no part of the key (智谱 AI): the key's string is then joined from its words
    let spaced = false;
    // once a word with a case (or a symbol) joins it, the key is a string, looked up as written and lower-cased
    let key = '';
    // lower-casing is needed only once the key holds a Latin letter
    let latin = false;
    for (let m = k; m < words.length && m - k < MAX_TOKENS; m++) {
      // a caseless word is read off the text (warm after the other extractors), not off its
      // own string: the words are objects of their own, out of the cache by now
      const from = starts[m]!;
      const to = starts[m + 1]!;
      if (isBlankRange(view, from, to)) {
        if (m === k || to - from !== 1 || view.charCodeAt(from) !== SPACE) break; // a phrase never starts with or spans a line break
        spaced = true;
        continue;
      }
      if (caseless && isCaselessRange(view, from, to)) {
        for (let i = from; i < to; i++) hash = hashStep(hash, view.charCodeAt(i));
        length += to - from;
        if (length > MAX_LENGTH) break;
        const roles = entries.mayBe(hash);
        if (roles & KEY) {
          const text = caselessKey(ctx, k, m + 1, spaced);
          const value = phrases.get(text);
          if (value !== undefined) {
            best = { start, end: to, key: text, value };
            // a key that begins no longer key ends the scan (the filter never misses a prefix)
            if ((roles & PREFIX) === 0) break;
            continue;
          }
        }
        if ((roles & PREFIX) === 0) break;
        continue;
      }
      // a word holding a unit no key holds (，、。) ends the scan: no key or prefix goes on through it
      if (holdsUnitOfNoKey(view, from, to, index.keyUnits)) break;
      const word = words[m]!;
      if (caseless) {
        key = caselessKey(ctx, k, m, spaced);
        caseless = false;
      }
      // a space between two Latin words is part of the key (Thrive Capital); next to CJK it is not
      if (m > k && words[m - 1] === ' ' && isLatin(key[key.length - 1]) && isLatin(word[0])) key += ' ';
      key = m === k ? word : key + word;
      if (key.length > MAX_LENGTH) break;
      latin ||= hasLatinLetter(word);
      const lower = latin ? key.toLowerCase() : key;
      // the Map is read only for a likely key; "a prefix?" is the filter's answer: one it
      // takes for a prefix but is none only lets the scan go on to keys that are no entries
      const roles = entries.mayBe(hashOf(key));
      const value = (roles & KEY ? phrases.get(key) : undefined) ?? (latin ? folded.get(lower) : undefined);
      if (value !== undefined) best = { start, end: starts[m + 1]!, key, value };
      else if (((lower === key ? roles : entries.mayBe(hashOf(lower))) & PREFIX) === 0) break;
    }
    if (best && latinEdgesOk(view, best.start, best.end)) {
      hits.push(best);
      while (k < words.length && starts[k]! < best.end) k++;
    } else k++;
  }
  return hits;
}

/** The key of the caseless words [from, to): their text, without the spaces skipped between them. */
function caselessKey(ctx: CompanyDoc, from: number, to: number, spaced: boolean): string {
  if (from === to) return '';
  if (!spaced) return ctx.view.slice(ctx.starts[from]!, ctx.starts[to]!);
  let key = '';
  for (let m = from; m < to; m++) if (ctx.words[m] !== ' ') key += ctx.words[m]!;
  return key;
}

/** A Latin phrase must not continue into more Latin letters or digits (Meta in Metaverse). */
function latinEdgesOk(view: string, start: number, end: number): boolean {
  // (code units, not one-character strings and regular expressions: NaN past either end is neither)
  const inWord = (c: number) => isLatinCode(c) || isAsciiDigitCode(c);
  if (isLatinCode(view.charCodeAt(start)) && inWord(view.charCodeAt(start - 1))) return false;
  if (inWord(view.charCodeAt(end - 1)) && inWord(view.charCodeAt(end))) return false;
  return true;
}

/**
 * Does text[from, to) hold a unit that is in no key, as typed or lower-cased? Only units
 * that lower-case to themselves are asked about (a capital's lower case may be in a key).
 */
function holdsUnitOfNoKey(text: string, from: number, to: number, keyUnits: CodeSet): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (simpleLower(c) === c && !keyUnits.has(c)) return true;
  }
  return false;
}

/** Is text[from, to) made of Han characters and ASCII digits only (nothing that has a case)? */
function isCaselessRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isHanCode(c) && !isAsciiDigitCode(c)) return false;
  }
  return to > from;
}
