/**
 * Whole-or-nothing file writes: write a temp file, then rename it into place. A
 * result file that exists is therefore complete, which is what --resume and the
 * queue workers' "skip what is done" rely on. Temp files live in one folder
 * (OUT/.partial) so a killed run leaves no half-written result among the real
 * ones; that folder is safe to delete when no run is writing to OUT. (Protects
 * against a crashed process, not a power cut: there is no fsync per article.)
 */
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import path from 'node:path';

export const PARTIAL_DIR = '.partial';
let counter = 0;

export async function writeFileAtomic(outDir: string, file: string, content: string): Promise<void> {
  const tmpDir = path.join(outDir, PARTIAL_DIR);
  const tmp = path.join(tmpDir, `${process.pid}-${threadId}-${counter++}.tmp`);
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

/** Remove OUT/.partial if nothing is left in it (another writer may still be using it). */
export async function removePartialDir(outDir: string): Promise<void> {
  await rmdir(path.join(outDir, PARTIAL_DIR)).catch(() => undefined);
}
