/** decodeFile: the decode stage for a path, with file-system failures turned into DecodeErrors. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { decode, DEFAULT_MAX_BYTES, tooLarge, type Decoded, type DecodeOptions } from './decode.js';
import { DecodeError } from './errors.js';

/** Reads and decodes one article; file-system failures become DecodeErrors naming the path. */
export function decodeFile(path: string, options: Omit<DecodeOptions, 'source'> = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new DecodeError(path, 'cannot read: is a directory, not a file');
    // a FIFO or device has no size to check and may never end (/dev/zero)
    if (!stat.isFile()) throw new DecodeError(path, 'cannot read: not a regular file');
    // check the size before reading, so a stray multi-gigabyte file is never loaded
    if (stat.size > maxBytes) {
      throw new DecodeError(path, tooLarge(stat.size, maxBytes));
    }
    bytes = readFileSync(fd);
  } catch (err) {
    throw err instanceof DecodeError ? err : new DecodeError(path, describeFsError(err));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decode(bytes, { ...options, source: path });
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read: no such file';
    case 'EISDIR':
      return 'cannot read: is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    default:
      return `cannot read: ${err instanceof Error ? err.message : String(err)}`;
  }
}
