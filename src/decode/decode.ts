/**
 * DECODE stage: article bytes -> text. Refuses anything it cannot decode
 * exactly (errors carry the byte offset) and changes nothing else: no
 * trimming, no newline or width normalisation, so offsets computed on `text`
 * stay valid against the original article (BOM removed).
 *
 * Order of decisions (auto):
 * 1. size limit; empty input is '' (valid)
 * 2. BOM: UTF-8, UTF-16LE/BE, GB18030 (84 31 95 33); UTF-32 is refused
 * 3. valid UTF-8 -> UTF-8 (the fast path), unless it holds NULs: then
 *    BOM-less UTF-16 if unambiguous (utf16.ts), else binary
 * 4. otherwise NUL -> BOM-less UTF-16 or binary; no NUL -> GB18030 vs Big5
 *    (detect.ts)
 * Every result is checked for binary content (binary.ts).
 */
import { findBinary, nthControlByte } from './binary.js';
import { detectLegacy } from './detect.js';
import { DecodeError } from './errors.js';
import { decodeLegacy } from './legacy.js';
import { scanBig5, scanGb18030, scanUtf8 } from './scan.js';
import { decodeUtf16, sniffUtf16 } from './utf16.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** a byte order mark was present (and removed from `text`) */
  bom: boolean;
}

export interface DecodeOptions {
  /** names the input in error messages (decodeFile passes the path) */
  source?: string;
  /** 'auto' (default) detects; an explicit encoding skips detection but is still validated strictly */
  encoding?: Encoding | 'auto';
  /** inputs above this size are refused; default 50 MiB */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  big5: 'Big5',
};

/** ignoreBOM: a second U+FEFF after the real BOM is content and must survive. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** BOMs in the order they must be tested (UTF-32LE's starts with UTF-16LE's). */
const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: Encoding | 'utf-32' }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' }, // U+FEFF in GB18030
];

function sniffBom(bytes: Uint8Array): { encoding: Encoding | 'utf-32'; length: number } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.length <= bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return undefined;
}

export const tooLarge = (size: number, limit: number): string =>
  `article is ${size} bytes, larger than the limit ${limit} (raise it with --max-bytes)`;

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Throws if the decoded text is binary content; maps the culprit back to a byte offset. */
function assertText(text: string, bytes: Uint8Array, start: number, encoding: Encoding, source: string): void {
  const found = findBinary(text);
  if (!found) return;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const offset = utf16 ? start + 2 * found.charIndex : nthControlByte(bytes, start, found.ordinal);
  throw new DecodeError(source, found.reason, offset);
}

/** Decodes bytes[start..] in a known encoding, strictly. */
function decodeAs(bytes: Uint8Array, encoding: Encoding, start: number, source: string): string {
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = decodeUtf16(bytes, start, encoding === 'utf-16le', source);
  } else if (encoding === 'utf-8') {
    const decoded = tryUtf8(start === 0 ? bytes : bytes.subarray(start));
    if (decoded === undefined) {
      const scan = scanUtf8(bytes, start);
      throw new DecodeError(source, `invalid UTF-8 byte sequence (${scan.errors} in total)`, scan.firstBad);
    }
    text = decoded;
  } else {
    const scan = encoding === 'gb18030' ? scanGb18030(bytes, start) : scanBig5(bytes, start);
    if (scan.errors > 0) {
      const reason = `invalid ${NAMES[encoding]} byte sequence (${scan.errors} in total)`;
      throw new DecodeError(source, reason, scan.firstBad);
    }
    text = decodeLegacy(bytes, start, encoding);
  }
  assertText(text, bytes, start, encoding, source);
  return text;
}

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const source = options.source ?? '<input>';
  const requested = options.encoding ?? 'auto';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (requested !== 'auto' && !ENCODINGS.includes(requested)) {
    throw new DecodeError(source, `unknown encoding "${String(requested)}" (expected auto, ${ENCODINGS.join(', ')})`);
  }
  if (bytes.length > maxBytes) {
    throw new DecodeError(source, tooLarge(bytes.length, maxBytes));
  }
  if (bytes.length === 0) return { text: '', encoding: requested === 'auto' ? 'utf-8' : requested, bom: false };

  const bom = sniffBom(bytes);
  if (bom?.encoding === 'utf-32') {
    throw new DecodeError(source, 'UTF-32 text is not supported (found a UTF-32 byte order mark)', 0);
  }

  if (requested !== 'auto') {
    if (bom && bom.encoding !== requested) {
      // e.g. an archive index says GBK but the file is UTF-8 with a BOM: decoding as told would be mojibake
      const reason = `starts with a ${NAMES[bom.encoding]} byte order mark but the encoding was given as ${requested}`;
      throw new DecodeError(source, reason, 0);
    }
    const start = bom ? bom.length : 0;
    return { text: decodeAs(bytes, requested, start, source), encoding: requested, bom: bom !== undefined };
  }

  if (bom) return { text: decodeAs(bytes, bom.encoding, bom.length, source), encoding: bom.encoding, bom: true };

  // Fast path, the common case: one native UTF-8 validation+decode, one regex scan for binary content.
  const text = tryUtf8(bytes);
  if (text !== undefined) {
    const found = findBinary(text);
    if (!found) return { text, encoding: 'utf-8', bom: false };
    // NUL bytes in valid UTF-8: ASCII-heavy UTF-16 without a BOM, or binary
    const utf16 = found.nul ? sniffUtf16(bytes) : undefined;
    if (utf16) return { text: decodeAs(bytes, utf16, 0, source), encoding: utf16, bom: false };
    throw new DecodeError(source, found.reason, nthControlByte(bytes, 0, found.ordinal));
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return { text: decodeAs(bytes, utf16, 0, source), encoding: utf16, bom: false };
    throw new DecodeError(source, 'not a text file (binary content: NUL byte)', nul);
  }

  const legacy = detectLegacy(bytes, source);
  assertText(legacy.text, bytes, 0, legacy.encoding, source);
  return { text: legacy.text, encoding: legacy.encoding, bom: false };
}
