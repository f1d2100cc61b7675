/**
 * Character classes on UTF-16 code units, for the company passes' hot loops: a string
 * per character (text[i]) and a regular expression per test cost more than the test.
 */
import { isHanCode, isLatinCode } from '../../text/matchView.js';


/** Is the word all Han ideographs? */
export function isHanWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) if (!isHanCode(word.charCodeAt(i))) return false;
  return true;
}


/** Does the word hold an ASCII letter? (a loop: this runs on every token that may open a phrase) */
export function hasLatinLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isLatinCode(word.charCodeAt(i))) return true;
  return false;
}

/** Is the token text[from, to) empty or white space only (a space, a line break)? Read off the text. */
export function isBlankRange(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  // a token opening with a letter or a Han character (nearly all) needs no slice and no trim()
  return !(first > 32) || (isWhiteSpaceUnit(first) && text.slice(from, to).trim() === '');
}

/** The code units that String.prototype.trim() removes and /\s/ matches, above U+0020. */
function isWhiteSpaceUnit(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff; // Han and most CJK: one comparison
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A code unit that /\s/ matches (false for NaN) */
export function isWhiteSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && isWhiteSpaceUnit(c));
}

/** Does the text hold white space that phraseKey() would fold or drop? */
export function hasWhiteSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWhiteSpaceCode(text.charCodeAt(i))) return true;
  return false;
}
