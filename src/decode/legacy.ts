/** GB18030 / Big5 decoding. Validate with scan.ts first: iconv-lite itself replaces silently. */
import iconv from 'iconv-lite';

export type LegacyEncoding = 'gb18030' | 'big5';

export function decodeLegacy(bytes: Uint8Array, start: number, encoding: LegacyEncoding): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start);
  // stripBOM: false -- a U+FEFF inside the text is content, not ours to drop
  return iconv.decode(view, encoding, { stripBOM: false });
}
