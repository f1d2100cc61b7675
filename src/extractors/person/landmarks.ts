/**
 * Where the person rules can start, found in one pass over the article. Each rule used to
 * scan the whole text for its own characters (surnames, middle dots, capitals, transliteration
 * characters); one look at each character serves them all.
 */
import type { DocContext } from '../../context.js';
import type { PersonTables } from './tables.js';
import { isMiddleDot, MIDDLE_DOTS } from '../../text/middleDots.js';

export interface Landmarks {
  /** offsets of characters that open a surname (张, and 欧 of 欧阳) */
  surnames: number[];
  /** offsets of middle dots (萨姆·奥尔特曼) */
  dots: number[];
  /** offsets of ASCII capital letters */
  capitals: number[];
  /** offsets of transliteration characters Chinese given names do not use (尔, 斯): where a foreign name can stand */
  foreignAnchors: number[];
  /**
   * offsets of the first characters of 先生, 女士, 同志 (PersonChars.wordAfterNameStart): where
   * the honorific and given-name rules look. A search of the article per word (indexOf) cost
   * more than this whole pass: for a Han word it stops at every character sharing a byte with
   * the word's first one.
   */
  wordsAfterName: number[];
  /** a fixture marker (vs, VS, Vs, 对阵) somewhere in the text: sides of a fixture are teams (see fixture) */
  fixtureMark: boolean;
}

/**
 * Where `word` stands, without overlap and in order (as a walk with indexOf finds it), among
 * `starts`: offsets of its first character (Landmarks.wordsAfterName for 先生, 同志).
 */
export function occurrencesAmong(view: string, word: string, starts: readonly number[]): number[] {
  const found: number[] = [];
  let next = 0;
  for (const at of starts) {
    if (at < next || !view.startsWith(word, at)) continue;
    found.push(at);
    next = at + word.length;
  }
  return found;
}

const V = 0x76, V_UPPER = 0x56, DUI = '对'.charCodeAt(0);

/**
 * The characters the pass looks at besides surnames and anchors (tables.ts puts them all in
 * PersonChars.landmark): capitals, middle dots, and the first characters of the fixture markers.
 */
export const OTHER_LANDMARKS = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${MIDDLE_DOTS}v对`;

/** vs, VS, Vs or 对阵 at i: what fixture() looks for next to a name */
function fixtureMarkAt(view: string, i: number): boolean {
  const next = view[i + 1];
  switch (view[i]) {
    case 'v': return next === 's';
    case 'V': return next === 'S' || next === 's';
    default: return next === '阵';
  }
}

export function landmarks(ctx: DocContext, t: PersonTables): Landmarks {
  const { view } = ctx;
  const { landmark, surnameStart, foreignAnchor, wordAfterNameStart } = t.chars;
  const found: Landmarks = { surnames: [], dots: [], capitals: [], foreignAnchors: [], wordsAfterName: [], fixtureMark: false };
  for (let i = 0; i < view.length; i++) {
    const c = view.charCodeAt(i);
    // most characters are none of these: one bit test passes them over
    if (!landmark.has(c)) continue;
    if (surnameStart.has(c)) found.surnames.push(i);
    if (foreignAnchor.has(c)) found.foreignAnchors.push(i);
    if (wordAfterNameStart.has(c)) found.wordsAfterName.push(i);
    // both below U+3100, where Han text has only punctuation and digits
    if (c < 0x3100) {
      if (c >= 0x41 && c <= 0x5a) found.capitals.push(i);
      else if (isMiddleDot(c)) found.dots.push(i);
      if ((c === V || c === V_UPPER) && !found.fixtureMark) found.fixtureMark = fixtureMarkAt(view, i);
    } else if (c === DUI && !found.fixtureMark) found.fixtureMark = fixtureMarkAt(view, i);
  }
  return found;
}
