/**
 * Encoding choice for input that is not valid UTF-8 (and has no BOM).
 *
 * 1. Validate the bytes under the GB18030 and Big5 grammars (scan.ts).
 * 2. If one or both are valid, decode the valid ones and keep the one whose text
 *    is more plausible Chinese (plausibility.ts); a tie goes to GB18030, the
 *    more common encoding in mainland archives and the superset of GBK/GB2312.
 *    Validity alone cannot decide: every Big5 byte stream is also valid GB18030.
 * 3. Exception: if an encoding under which the bytes are *invalid* (UTF-8
 *    included) reads as clearly better Chinese than the valid choice, the file
 *    is damaged text in that encoding, not a clean file in the other one; that
 *    is reported as an error rather than returning mojibake.
 * 4. If nothing is valid, report the encoding with the fewest invalid sequences
 *    (ties: the more plausible text), at its first bad byte.
 *
 * Measured on sliding windows of sample news (simplified text as GB18030,
 * traditional as Big5 and as GB18030): with 5+ CJK characters >= 99.8% right,
 * with 9+ no error seen; with 1-4 CJK characters (e.g. "圖源:Pixabay") it is
 * unreliable (83-99% right). chardet, for comparison, is unreliable below about
 * 12 CJK characters (it answers Shift_JIS, EUC-JP, KOI8-R...).
 */
import { DecodeError } from './errors.js';
import { decodeLegacy, type LegacyEncoding } from './legacy.js';
import { plausibility } from './plausibility.js';
import { scanBig5, scanGb18030, scanUtf8, type Scan } from './scan.js';

type Candidate = { encoding: 'utf-8' | LegacyEncoding; scan: Scan; text: string; score: number; judged: number };

const NAMES = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' } as const;

/**
 * When an invalid reading counts as damaged text rather than the wrong
 * encoding: it must score this much better (plausibility.ts units) than the
 * valid reading, and the damage must be sparse (at most one bad sequence per
 * this many judged characters) -- on a few characters, chance decides.
 */
const DAMAGED_MARGIN = 0.25;
const DAMAGED_MIN_CHARS_PER_ERROR = 3;

const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function candidate(encoding: Candidate['encoding'], bytes: Uint8Array, scan: Scan): Candidate {
  const text = encoding === 'utf-8' ? lossyUtf8.decode(bytes) : decodeLegacy(bytes, 0, encoding);
  // Judge a damaged reading on the part that does decode: its errors are already
  // counted in `scan`, and one U+FFFD would otherwise sink a short text's score.
  const judged = scan.errors > 0 ? text.replaceAll('\uFFFD', '') : text;
  const { score, judged: judgedChars } = plausibility(judged);
  return { encoding, scan, text, score, judged: judgedChars };
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function detectLegacy(bytes: Uint8Array, source: string): { encoding: LegacyEncoding; text: string } {
  const all = [
    candidate('gb18030', bytes, scanGb18030(bytes, 0)),
    candidate('big5', bytes, scanBig5(bytes, 0)),
    candidate('utf-8', bytes, scanUtf8(bytes, 0)),
  ];
  const byScore = (a: Candidate, b: Candidate) => b.score - a.score; // stable: GB18030 wins ties
  // precondition: the caller found the bytes invalid as UTF-8
  const valid = all.filter((c) => c.encoding !== 'utf-8' && c.scan.errors === 0).sort(byScore);
  const invalid = all.filter((c) => c.scan.errors > 0).sort(byScore);

  const best = valid[0];
  if (best) {
    const rival = invalid[0];
    const sparse = rival !== undefined && rival.judged >= DAMAGED_MIN_CHARS_PER_ERROR * rival.scan.errors;
    if (rival && sparse && rival.score - best.score >= DAMAGED_MARGIN) {
      const name = NAMES[rival.encoding];
      throw new DecodeError(
        source,
        `invalid ${name} byte sequence (${plural(rival.scan.errors, 'bad sequence')}; the text reads as damaged ` +
          `${name}, and as ${NAMES[best.encoding]} it would be garbled)`,
        rival.scan.firstBad,
      );
    }
    return { encoding: best.encoding as LegacyEncoding, text: best.text };
  }

  const closest = invalid.sort((a, b) => a.scan.errors - b.scan.errors || b.score - a.score)[0]!;
  const name = NAMES[closest.encoding];
  throw new DecodeError(
    source,
    `neither valid UTF-8, GB18030 nor Big5 (closest: ${name}, ${plural(closest.scan.errors, 'invalid sequence')}); ` +
      `first invalid ${name} sequence`,
    closest.scan.firstBad,
  );
}
