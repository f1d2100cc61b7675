/**
 * Strict byte-grammar validators. They only run off the fast path (input that
 * is not valid UTF-8, or an explicit legacy encoding), so they favour clarity.
 *
 * Each one counts malformed sequences and remembers where the first one starts.
 * After a malformed sequence the scan resumes at the next byte, so a bad lead
 * byte does not swallow the ASCII character after it (the usual resync rule).
 */
import { big5Unmapped } from './big5-table.js';

export interface Scan {
  /** number of malformed (or unmapped) sequences */
  errors: number;
  /** byte offset where the first one starts, -1 when the input is valid */
  firstBad: number;
}

class Tally implements Scan {
  errors = 0;
  firstBad = -1;
  bad(at: number): void {
    if (this.errors++ === 0) this.firstBad = at;
  }
}

/** UTF-8 per Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF. */
export function scanUtf8(bytes: Uint8Array, start: number): Scan {
  const t = new Tally();
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number; // continuation bytes still expected
    let lo = 0x80; // allowed range of the second byte (narrower after E0, ED, F0, F4)
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      t.bad(i);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < n ? bytes[j]! : -1;
      const min = k === 0 ? lo : 0x80;
      const max = k === 0 ? hi : 0xbf;
      if (c < min || c > max) {
        ok = false;
        break;
      }
    }
    if (ok) i = j;
    else {
      t.bad(i);
      // skip the lead and the continuation bytes that were acceptable so far
      i = Math.max(i + 1, j);
    }
  }
  return t;
}

/** GB18030 4-byte codes are assigned only in these linear ranges (BMP, then U+10000..U+10FFFF). */
const GB4_BMP_LAST = 39419; // 0x8431A439 = U+FFFF
const GB4_SUPP_FIRST = 189000; // 0x90308130 = U+10000
const GB4_SUPP_LAST = 189000 + 0xfffff; // 0xE3329A35 = U+10FFFF

/**
 * GB18030 (a superset of GBK and GB2312): ASCII; 2-byte lead 0x81-0xFE, trail
 * 0x40-0xFE except 0x7F; 4-byte lead 0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39.
 * Every 2-byte code is mapped; 4-byte codes outside the assigned ranges are
 * errors (iconv-lite would otherwise turn them into arbitrary characters).
 */
export function scanGb18030(bytes: Uint8Array, start: number): Scan {
  const t = new Tally();
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff || i + 1 >= n) {
      t.bad(i);
      i++;
      continue;
    }
    const b2 = bytes[i + 1]!;
    if (b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f) {
      i += 2;
      continue;
    }
    if (b2 >= 0x30 && b2 <= 0x39 && i + 3 < n) {
      const b3 = bytes[i + 2]!;
      const b4 = bytes[i + 3]!;
      if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        const linear = (((b - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
        if (linear > GB4_BMP_LAST && (linear < GB4_SUPP_FIRST || linear > GB4_SUPP_LAST)) t.bad(i);
        i += 4;
        continue;
      }
    }
    t.bad(i);
    i++;
  }
  return t;
}

/**
 * Big5 as iconv-lite decodes it (Big5-HKSCS with the CP950 additions): ASCII;
 * lead 0x81-0xFE, trail 0x40-0x7E or 0xA1-0xFE. About 1,200 codes in that
 * grid are unassigned and count as errors too.
 */
export function scanBig5(bytes: Uint8Array, start: number): Scan {
  const t = new Tally();
  const unmapped = big5Unmapped();
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b2 = i + 1 < n ? bytes[i + 1]! : -1;
    const trailIndex = b2 >= 0x40 && b2 <= 0x7e ? b2 - 0x40 : b2 >= 0xa1 && b2 <= 0xfe ? b2 - 0x62 : -1;
    if (b === 0x80 || b === 0xff || trailIndex < 0) {
      t.bad(i);
      i++;
      continue;
    }
    if (unmapped[(b - 0x81) * 157 + trailIndex] === 1) t.bad(i);
    i += 2;
  }
  return t;
}
