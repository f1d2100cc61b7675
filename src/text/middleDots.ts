/**
 * The middle dots that join the parts of a transliterated name (萨姆·奥尔特曼): the Latin-1
 * middle dot, the bullet, the hyphenation point and the katakana middle dot, all of which
 * Chinese news writes for it. One list, so the person rules and entity grouping agree.
 */
export const MIDDLE_DOTS = '\u00b7\u2022\u2027\u30fb';

/** Any one middle dot, for building regular expressions: [·•‧・] */
export const MIDDLE_DOT_CLASS = `[${MIDDLE_DOTS}]`;

/** Any one middle dot (not global: safe to share between callers). */
export const MIDDLE_DOT = new RegExp(MIDDLE_DOT_CLASS);

/** Whether a code unit is a middle dot: compared, not looked up, as it runs per character. */
export const isMiddleDot = (c: number): boolean => c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x30fb;
