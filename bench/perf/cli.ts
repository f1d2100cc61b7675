/**
 * Runs of the real CLI (node dist/cli/main.js) in a child process: time to the
 * first result, and a long JSON Lines run with its memory sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, ensureDist } from './dist.js';
import { procMemory } from './measure.js';

export interface CliRun {
  code: number | null;
  ms: number;
  firstOutputMs: number | undefined;
  peakRss: number;
  samples: { ms: number; rss: number; hwm: number; outBytes: number }[];
  stderr: string;
}

/** Run the CLI, sampling its memory (and the size of outFile, for progress) every sampleMs. */
export async function runCli(args: string[], opts: { cwd: string; sampleMs: number; timeoutMs: number; outFile?: string }): Promise<CliRun> {
  ensureDist();
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let firstOutputMs: number | undefined;
  let stderr = '';
  child.stdout.on('data', () => (firstOutputMs ??= performance.now() - start));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = once(child, 'exit');
  let done = false;
  void exited.then(() => (done = true));
  const samples: CliRun['samples'] = [];
  let peak = 0;
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
  while (!done) {
    const mem = procMemory(child.pid!);
    // a process still starting or already exiting has no memory lines yet
    if (mem && Number.isFinite(mem.hwm)) {
      peak = Math.max(peak, mem.hwm);
      let outBytes = 0;
      try {
        if (opts.outFile) outBytes = statSync(opts.outFile).size;
      } catch {
        // not created yet
      }
      samples.push({ ms: performance.now() - start, rss: mem.rss, hwm: mem.hwm, outBytes });
    }
    await Promise.race([exited, sleep(opts.sampleMs)]);
  }
  clearTimeout(timer);
  const [code] = (await exited) as [number | null];
  return { code, ms: performance.now() - start, firstOutputMs, peakRss: peak, samples, stderr };
}

/** Write a JSON Lines corpus without holding it in memory; returns its size in characters of text. */
export async function writeJsonl(file: string, count: number, article: (i: number) => string): Promise<number> {
  const out = createWriteStream(file);
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const text = article(i);
    chars += text.length;
    if (!out.write(`${JSON.stringify({ id: `b${i}`, text, refDate: '2024-04' })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return chars;
}

/** The samples nearest to the given shares of the run's progress (output bytes written). */
export function atProgress(run: CliRun, shares: number[]): { share: number; ms: number; rss: number; hwm: number }[] {
  const final = run.samples.at(-1)?.outBytes ?? 0;
  return shares.map((share) => {
    const target = share * final;
    const s = run.samples.find((x) => x.outBytes >= target) ?? run.samples.at(-1)!;
    return { share, ms: s.ms, rss: s.rss, hwm: s.hwm };
  });
}
