/**
 * Where the person rules can start, found in one pass over the article. Each rule used to
 * scan the whole text for its own characters (surnames, middle dots, capitals, tokens of
 * transliteration characters); one look at each character serves them all.
 */
import type { DocContext } from '../../context.js';
import type { PersonTables } from './tables.js';

export interface Landmarks {
  /** offsets of characters that open a surname (张, and 欧 of 欧阳) */
  surnames: number[];
  /** offsets of middle dots (萨姆·奥尔特曼) */
  dots: number[];
  /** offsets of ASCII capital letters */
  capitals: number[];
  /** the jieba tokens made only of transliteration characters (奥巴马, 斯), in order */
  foreignTokens: { start: number; end: number }[];
  /** a fixture marker (vs, VS, Vs, 对阵) somewhere in the text: sides of a fixture are teams (see fixture) */
  fixtureMark: boolean;
}

/** The middle dots of transliterated names: · • ‧ ・ */
export const isMiddleDot = (c: number) => c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x30fb;

const V = 0x76, V_UPPER = 0x56, DUI = '对'.charCodeAt(0);

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
  const { view, boundary } = ctx;
  const { surnameStart, foreignName } = t.chars;
  const found: Landmarks = { surnames: [], dots: [], capitals: [], foreignTokens: [], fixtureMark: false };
  // the token being read (tokens meet at the boundaries), and whether all its characters so far are transliteration characters
  let tokenStart = 0;
  let foreign = true;
  for (let i = 0; i < view.length; i++) {
    if (boundary[i] === 1 && i > tokenStart) {
      if (foreign) found.foreignTokens.push({ start: tokenStart, end: i });
      tokenStart = i;
      foreign = true;
    }
    const c = view.charCodeAt(i);
    if (surnameStart.has(c)) found.surnames.push(i);
    if (foreign && !foreignName.has(c)) foreign = false;
    // both below U+3100, where Han text has only punctuation and digits
    if (c < 0x3100) {
      if (c >= 0x41 && c <= 0x5a) found.capitals.push(i);
      else if (isMiddleDot(c)) found.dots.push(i);
      if ((c === V || c === V_UPPER) && !found.fixtureMark) found.fixtureMark = fixtureMarkAt(view, i);
    } else if (c === DUI && !found.fixtureMark) found.fixtureMark = fixtureMarkAt(view, i);
  }
  if (view.length > tokenStart && foreign) found.foreignTokens.push({ start: tokenStart, end: view.length });
  return found;
}
