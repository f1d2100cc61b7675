/**
 * A one-line progress bar on stderr, redrawn at most every 200 ms: done/total and
 * percentage when the total is known, rate, ETA. Only used on a terminal: piped
 * or redirected stderr gets no carriage-return noise.
 */
import type { BatchStats } from './stats.js';

export interface ProgressTarget {
  write(s: string): void;
  columns?: number;
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
};

export class Progress {
  total: number | undefined;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly target: ProgressTarget, private readonly stats: BatchStats) {}

  /** usable width: a pseudo-terminal may report 0 columns */
  private get width(): number {
    const cols = this.target.columns;
    return cols !== undefined && cols >= 20 ? cols - 1 : 79;
  }

  line(): string {
    const { seen, workSeconds: seconds, failed } = this.stats;
    const rate = seconds > 0 ? seen / seconds : 0;
    const parts = [this.total === undefined ? `${seen.toLocaleString('en-US')} articles` : `${seen.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}`];
    if (this.total !== undefined && this.total > 0) {
      const frac = Math.min(1, seen / this.total);
      const width = 20;
      const full = Math.round(frac * width);
      parts.push(`[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(frac * 100).toFixed(1)}%`);
    }
    parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)}/s`);
    if (this.total !== undefined && rate > 0 && seen < this.total) parts.push(`ETA ${clock((this.total - seen) / rate)}`);
    if (failed > 0) parts.push(`${failed} failed`);
    return parts.join('  ');
  }

  /** Redraw if the last drawing is old enough. */
  tick(): void {
    const now = performance.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.draw();
  }

  draw(): void {
    this.target.write(`\r${this.line().slice(0, this.width).padEnd(this.width)}`);
    this.drawn = true;
  }

  /** Erase the bar so other stderr output starts on a clean line. */
  clear(): void {
    if (!this.drawn) return;
    this.target.write(`\r${' '.repeat(this.width)}\r`);
    this.drawn = false;
  }
}
