/** UTF-16 decoding with strict checks, and BOM-less UTF-16 recognition. */
import { DecodeError } from './errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Decodes bytes[start..] as UTF-16; an odd length or an unpaired surrogate is an error. */
export function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean, source: string): string {
  const name = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  const len = bytes.length - start;
  if (len % 2 !== 0) {
    const reason = `truncated ${name}: odd number of bytes, the last one is half a code unit`;
    throw new DecodeError(source, reason, bytes.length - 1);
  }
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset + start, len);
  if (!littleEndian) buf = Buffer.from(buf).swap16(); // copy: never mutate the caller's bytes
  const text = buf.toString('utf16le');
  const lone = LONE_SURROGATE.exec(text);
  if (lone) throw new DecodeError(source, `invalid ${name}: unpaired surrogate`, start + 2 * lone.index);
  return text;
}

/** Code units a Chinese or English text is made of (ASCII, Latin-1, CJK, punctuation). */
function textLike(u: number): boolean {
  return (
    (u >= 0x20 && u <= 0x7e) ||
    u === 0x09 ||
    u === 0x0a ||
    u === 0x0d ||
    (u >= 0xa0 && u <= 0xff) ||
    (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xff00 && u <= 0xffef)
  );
}

/** Share of code units that look like text when bytes are read with the given byte order. */
function textLikeShare(bytes: Uint8Array, littleEndian: boolean): number {
  const units = bytes.length >> 1;
  let ok = 0;
  for (let i = 0; i < units; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (textLike(littleEndian ? a | (b << 8) : (a << 8) | b)) ok++;
  }
  return ok / units;
}

/**
 * Recognises UTF-16 without a BOM, only when it is unambiguous; callers try
 * this only when the bytes contain NUL (otherwise it is not UTF-16 text).
 *
 * - ASCII-heavy text: at least half of the high bytes (odd offsets for LE,
 *   even for BE) are 0x00 and almost none of the low bytes are.
 * - CJK-heavy text (zeros only from newlines, digits, U+xx00 characters):
 *   more zeros on the high side, >= 95% of the code units read as text in
 *   that byte order and < 50% in the other. The second condition rejects
 *   ASCII files with stray NULs, whose byte pairs read as CJK either way.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const units = bytes.length >> 1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const littleEndian = zeroOdd > zeroEven; // LE puts the (zero) high byte of ASCII second
  const high = Math.max(zeroOdd, zeroEven);
  const low = Math.min(zeroOdd, zeroEven);
  const verdict = littleEndian ? 'utf-16le' : 'utf-16be';
  // the minimum counts keep a few random bytes from looking "clear"
  if (high >= 4 && high >= units / 2 && low <= units / 20) return verdict;
  if (
    units >= 8 &&
    high >= 2 &&
    textLikeShare(bytes, littleEndian) >= 0.95 &&
    textLikeShare(bytes, !littleEndian) < 0.5
  ) {
    return verdict;
  }
  return undefined;
}
