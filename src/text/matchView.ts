/**
 * The text the rules match against: the simplified text with full-width ASCII
 * (０-９, Ａ-Ｚ, ＄, ，, ．...) and the ideographic space folded to their ASCII forms.
 * Every folded character is one UTF-16 unit on both sides, so offsets are unchanged.
 */
export function toMatchView(text: string): string {
  // fast path: most articles have no full-width ASCII outside punctuation we keep
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      // keep full-width parentheses, comma, colon and semicolon: they are CJK punctuation in practice
      out += c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1a || c === 0xff1b ? text[i] : String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** A Han ideograph's code unit (CJK unified, extension A, compatibility); false for NaN. */
// code-unit comparisons, not regular expressions: these run once per character of every article
export const isHanCode = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** An ASCII letter's code unit; false for NaN. */
export const isLatinCode = (c: number): boolean => {
  const folded = c | 0x20; // folds A-Z onto a-z
  return folded >= 0x61 && folded <= 0x7a;
};
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
