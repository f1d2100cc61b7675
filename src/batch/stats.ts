/** Running totals of a batch, and the summary printed at its end. */
import type { MentionCounts } from './task.js';
import type { Outcome } from './run.js';

export class BatchStats {
  readonly started = performance.now();
  /** when the threads were ready: rates are over the processing time, start-up shown apart */
  private readyAt: number | undefined;
  extracted = 0;
  skipped = 0;
  failed = 0;
  chars = 0;
  readonly mentions: MentionCounts = { company: 0, person: 0, money: 0, date: 0 };

  add(outcome: Outcome): void {
    if (outcome.kind === 'skipped') this.skipped++;
    else if (outcome.kind === 'failed') this.failed++;
    else {
      this.extracted++;
      this.chars += outcome.result.chars;
      for (const type of Object.keys(this.mentions) as (keyof MentionCounts)[]) this.mentions[type] += outcome.result.counts[type];
    }
  }

  ready(): void {
    this.readyAt = performance.now();
  }

  get seen(): number {
    return this.extracted + this.skipped + this.failed;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** seconds since the threads were ready (the whole run if never marked) */
  get workSeconds(): number {
    return (performance.now() - (this.readyAt ?? this.started)) / 1000;
  }

  summary(): string {
    const s = this.workSeconds;
    const rate = (n: number) => {
      const r = s > 0 ? n / s : 0;
      return r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US');
    };
    const startup = this.readyAt === undefined ? '' : ` (start-up ${((this.readyAt - this.started) / 1000).toFixed(1)} s)`;
    const mentions = Object.entries(this.mentions).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ');
    return [
      `${this.extracted.toLocaleString('en-US')} article(s) extracted, ${this.skipped} skipped, ${this.failed} failed in ${this.seconds.toFixed(1)} s${startup}`,
      `  ${rate(this.extracted)} articles/s, ${rate(this.chars)} characters/s`,
      `  mentions: ${mentions}`,
    ].join('\n');
  }
}
