/**
 * Where an article's result goes under an output folder. Article ids come from
 * untrusted input (JSON Lines, file names), so every id is made safe here: it can
 * make subfolders ("2024/05/abc") but can never name a path outside the folder,
 * a device, or a name some file system refuses.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PARTIAL_DIR } from './atomicWrite.js';

// Windows refuses these as file names whatever the extension (CON.json is CON)
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// control characters and the characters Windows forbids in names
const FORBIDDEN = /[\x00-\x1f\x7f<>:"\\|?*]/g;
// most file systems cap a name at 255 bytes; leave room for ".json" and temp suffixes
const MAX_NAME_BYTES = 200;
// the whole relative name: Linux allows 4096 bytes for a path, and the output folder's own path comes first
const MAX_PATH_BYTES = 1000;

function safeSegment(part: string): string {
  let s = part.replace(FORBIDDEN, '_');
  // Windows drops trailing dots and spaces, so "a." and "a" would be the same file
  s = s.replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (RESERVED.test(s.split('.')[0]!.trimEnd())) s = `_${s}`;
  if (Buffer.byteLength(s) > MAX_NAME_BYTES) {
    // cut on a code point boundary and keep names distinct with a hash of the whole
    const hash = createHash('sha256').update(part).digest('hex').slice(0, 12);
    let cut = '';
    for (const ch of s) {
      if (Buffer.byteLength(cut + ch) > MAX_NAME_BYTES - 13) break;
      cut += ch;
    }
    s = `${cut}~${hash}`;
  }
  return s;
}

/**
 * The relative output name for an id: "/"-separated, no empty, "." or ".." parts.
 * The first part may not be the temp folder (atomicWrite.ts), which is deleted freely.
 */
export function safeRelativeName(relativeName: string): string {
  const parts = relativeName
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map(safeSegment);
  if (parts.length > 1 && parts[0]!.toLowerCase() === PARTIAL_DIR) parts[0] = `_${parts[0]}`;
  return parts.join('/') || '_';
}

/**
 * The key two output files clash under: case-insensitive file systems (Windows,
 * macOS by default) would make "A.json" and "a.json" one file, and macOS also
 * treats NFC and NFD spellings of a name as one. Clashes are refused everywhere,
 * so an output folder means the same thing wherever it is copied.
 */
export const clashKey = (file: string): string => file.normalize('NFC').toLowerCase();

/** Output path for an article under outDir (DIR/<name>.json), never outside it. */
export function outputPath(outDir: string, relativeName: string): string {
  const root = path.resolve(outDir);
  const name = safeRelativeName(relativeName);
  // deep nesting cannot be shortened without losing the folders it asks for: refuse it plainly
  const bytes = Buffer.byteLength(name);
  if (bytes > MAX_PATH_BYTES) throw new Error(`output name too long: ${bytes} bytes once made safe (at most ${MAX_PATH_BYTES})`);
  const file = path.resolve(root, `${name}.json`);
  // defence in depth: the rules above must make this impossible
  if (!file.startsWith(root + path.sep)) throw new Error(`output name escapes the output folder: ${JSON.stringify(relativeName)}`);
  return file;
}
