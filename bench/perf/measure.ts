/** Timing, memory sampling and number formatting for the perf bench. */
import { readFileSync } from 'node:fs';

export interface Rate {
  articles: number;
  chars: number;
  seconds: number;
  articlesPerSec: number;
  charsPerSec: number;
}

export function rate(articles: number, chars: number, seconds: number): Rate {
  return { articles, chars, seconds, articlesPerSec: articles / seconds, charsPerSec: chars / seconds };
}

/** Time a synchronous pass over texts (after one untimed warm-up pass over a few). */
export function timeSync(texts: readonly string[], fn: (text: string) => unknown): Rate {
  for (const t of texts.slice(0, 20)) fn(t);
  const start = performance.now();
  let chars = 0;
  for (const t of texts) {
    fn(t);
    chars += t.length;
  }
  return rate(texts.length, chars, (performance.now() - start) / 1000);
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
export function procMemory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export const fmt = (n: number, digits = 0) =>
  !Number.isFinite(n) ? 'n/a'
  : Math.abs(n) >= 1e6 ? `${(n / 1e6).toFixed(2)}M`
  : Math.abs(n) >= 1e4 ? `${(n / 1e3).toFixed(1)}k`
  : n.toFixed(digits);

/** binary megabytes (MiB): the 1 GB memory target is checked as 2^30 bytes */
export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

export const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
