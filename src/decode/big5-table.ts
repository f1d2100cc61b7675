/**
 * Which Big5 codes iconv-lite cannot map. Big5 has no replacement character of
 * its own, so any U+FFFD in iconv-lite's output means an unassigned code; we
 * want those reported with an offset, not silently replaced. The table is
 * derived once, lazily, from iconv-lite itself so the validator and the decoder
 * can never disagree.
 */
import iconv from 'iconv-lite';

/** 126 leads (0x81-0xFE) x 157 trails (0x40-0x7E, 0xA1-0xFE) */
const LEADS = 126;
const TRAILS = 157;

let table: Uint8Array | undefined;

export function big5Unmapped(): Uint8Array {
  if (table) return table;
  // All codes in one buffer, each followed by '\n' so the output splits back
  // into one piece per code (an unmapped code never eats the newline).
  const buf = Buffer.alloc(LEADS * TRAILS * 3);
  let p = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let k = 0; k < TRAILS; k++) {
      buf[p++] = lead;
      buf[p++] = k < 63 ? 0x40 + k : 0x62 + k;
      buf[p++] = 0x0a;
    }
  }
  const pieces = iconv.decode(buf, 'big5').split('\n');
  const t = new Uint8Array(LEADS * TRAILS);
  for (let i = 0; i < t.length; i++) if (pieces[i]!.includes('\uFFFD')) t[i] = 1;
  table = t;
  return t;
}
