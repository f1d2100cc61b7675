/**
 * "Is this a text file at all?" Archives contain stray images, PDFs and
 * truncated downloads; decoding those would feed garbage to the extractors.
 */

/** NUL and the C0 controls that never occur in text (TAB, LF, FF and CR do). */
const CONTROL = /[\0-\x08\x0B\x0E-\x1F]/g;

/**
 * A few stray controls (a DOS ^Z at the end, a vertical tab from a word
 * processor) are tolerated; above this share of the characters the input is
 * treated as binary. A single NUL is always binary.
 */
const MAX_CONTROL_SHARE = 0.05;
const MIN_CONTROLS = 3;

export interface BinaryContent {
  reason: string;
  /** index of the offending character in the decoded text */
  charIndex: number;
  /** how many control characters precede it (to map back to a byte offset) */
  ordinal: number;
  nul: boolean;
}

/** Finds a NUL or an excess of control characters; undefined for ordinary text. */
export function findBinary(text: string): BinaryContent | undefined {
  CONTROL.lastIndex = 0;
  let m = CONTROL.exec(text); // one native scan; the common case stops here
  if (m === null) return undefined;
  const firstIndex = m.index;
  let count = 0;
  for (; m !== null; m = CONTROL.exec(text)) {
    if (m[0] === '\0') {
      return { reason: 'not a text file (binary content: NUL byte)', charIndex: m.index, ordinal: count, nul: true };
    }
    count++;
  }
  if (count >= MIN_CONTROLS && count > text.length * MAX_CONTROL_SHARE) {
    const reason = `not a text file (binary content: ${count} control characters in ${text.length})`;
    return { reason, charIndex: firstIndex, ordinal: 0, nul: false };
  }
  return undefined;
}

/**
 * For byte-oriented encodings (UTF-8, GB18030, Big5) every byte below 0x20 is
 * a character of its own, never part of a multi-byte sequence, so the n-th
 * control character is the n-th control byte.
 */
export function nthControlByte(bytes: Uint8Array, start: number, n: number): number {
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && n-- === 0) return i;
  }
  return -1;
}
