/**
 * The text the rules match against: the simplified text with full-width ASCII
 * (０-９, Ａ-Ｚ, ＄, ．...) and the ideographic space folded to their ASCII forms.
 * Every folded character is one UTF-16 unit on both sides, so offsets are unchanged.
 */
export function toMatchView(text: string): string {
  // one regular-expression pass: most articles have nothing to fold (the full-width
  // punctuation of every Chinese text is kept), and the rest only a few characters
  return text.replace(FOLDED, foldChar);
}

// full-width ASCII except the parentheses, comma, colon and semicolon (U+FF08, FF09, FF0C,
// FF1A, FF1B), which are CJK punctuation in practice and stay; and the ideographic space
const FOLDED = /[\uFF01-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF5E\u3000]/g;
const foldChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0);
};

/** A Han ideograph's code unit (CJK unified, extension A, compatibility); false for NaN. */
// code-unit comparisons, not regular expressions: these run once per character of every article
export const isHanCode = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** An ASCII letter's code unit; false for NaN. */
export const isLatinCode = (c: number): boolean => {
  const folded = c | 0x20; // folds A-Z onto a-z
  return folded >= 0x61 && folded <= 0x7a;
};
/** An ASCII digit's code unit; false for NaN. */
export const isAsciiDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Han ideographs (CJK unified, extension A, compatibility). */
export const isHan = (ch: string | undefined): boolean => !!ch && isHanCode(ch.charCodeAt(0));
export const isAsciiDigit = (ch: string | undefined): boolean => !!ch && ch >= '0' && ch <= '9';
export const isLatin = (ch: string | undefined): boolean => !!ch && isLatinCode(ch.charCodeAt(0));
/** horizontal white space between a number and its unit, as news sites write it (18 亿美元) */
export const isInlineSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\u00a0' || ch === '\t';

/** Index after skipping at most `max` inline spaces forward from `i`. */
export function skipSpaces(text: string, i: number, max = 2): number {
  let j = i;
  while (j < text.length && j - i < max && isInlineSpace(text[j])) j++;
  return j;
}

/** Index after skipping at most `max` inline spaces backward from `i` (exclusive end). */
export function skipSpacesBack(text: string, i: number, max = 2): number {
  let j = i;
  while (j > 0 && i - j < max && isInlineSpace(text[j - 1])) j--;
  return j;
}
