/**
 * Whole-or-nothing file writes: write a temp file, then rename it into place. A
 * result file that exists is therefore complete, which is what --resume and the
 * queue workers' "skip what is done" rely on. Temp files live in one folder
 * (OUT/.partial) so a killed run leaves no half-written result among the real
 * ones; that folder is safe to delete when no run is writing to OUT. (Protects
 * against a crashed process, not a power cut: there is no fsync per article.)
 */
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import path from 'node:path';

export const PARTIAL_DIR = '.partial';
let counter = 0;

export async function writeFileAtomic(outDir: string, file: string, content: string): Promise<void> {
  const tmpDir = path.join(outDir, PARTIAL_DIR);
  // pid and thread keep names apart on one machine; the random part, across machines sharing OUT
  const tmp = path.join(tmpDir, `${process.pid}-${threadId}-${counter++}-${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(tmpDir, { recursive: true });
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Delete temp files a killed run left in OUT/.partial. A temp file lives for one
 * write (milliseconds), so one older than `olderThanMs` belongs to no live writer,
 * even one on another machine sharing the folder. Returns how many were removed.
 */
export async function removeStaleTemps(outDir: string, olderThanMs = 10 * 60_000): Promise<number> {
  const tmpDir = path.join(outDir, PARTIAL_DIR);
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < cutoff) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Remove OUT/.partial if nothing is left in it (another writer may still be using it). */
export async function removePartialDir(outDir: string): Promise<void> {
  await rmdir(path.join(outDir, PARTIAL_DIR)).catch(() => undefined);
}
