/**
 * Where the person rules can start, found in one pass over the jieba tokens. Each rule used
 * to scan the whole article for its own characters (surnames, middle dots, capitals, tokens
 * of transliteration characters); reading each character's role once serves them all.
 */
import type { DocContext } from '../../context.js';
import { FOREIGN_NAME_CHAR, SURNAME_START, type PersonTables } from './tables.js';

export interface Landmarks {
  /** offsets of characters that open a surname (张, and 欧 of 欧阳) */
  surnames: number[];
  /** offsets of middle dots (萨姆·奥尔特曼) */
  dots: number[];
  /** offsets of ASCII capital letters */
  capitals: number[];
  /** indexes of the tokens made only of transliteration characters (奥巴马, 斯) */
  foreignTokens: number[];
}

/** The middle dots of transliterated names: · • ‧ ・ */
export const isMiddleDot = (c: number) => c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x30fb;

export function landmarks(ctx: DocContext, t: PersonTables): Landmarks {
  const { view, tokens } = ctx;
  const roles = t.charRoles;
  const found: Landmarks = { surnames: [], dots: [], capitals: [], foreignTokens: [] };
  for (let k = 0; k < tokens.length; k++) {
    let foreign = true;
    for (let i = tokens[k]!.start, end = tokens[k]!.end; i < end; i++) {
      const c = view.charCodeAt(i);
      const role = roles[c]!;
      if (role & SURNAME_START) found.surnames.push(i);
      if (!(role & FOREIGN_NAME_CHAR)) foreign = false;
      // both below U+3100, where Han text has only punctuation and digits
      if (c < 0x3100) {
        if (c >= 0x41 && c <= 0x5a) found.capitals.push(i);
        else if (isMiddleDot(c)) found.dots.push(i);
      }
    }
    if (foreign) found.foreignTokens.push(k);
  }
  return found;
}
