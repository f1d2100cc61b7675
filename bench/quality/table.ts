/**
 * The printed table: one block per suite, one line per metric, and per system
 * (us, us without the company lexicon, the suite's peer) either P R F1 (+ value
 * accuracy) or an accuracy with its right/n count.
 */
import type { Metrics, Row } from './types.js';

export const SYSTEMS = ['us', 'usNoLexicon', 'peer'] as const;
export type SystemKey = (typeof SYSTEMS)[number];
export const SYSTEM_TITLES: Record<SystemKey, string> = { us: 'us', usNoLexicon: 'us (useLexicon: false)', peer: 'peer' };

export interface SuiteTable {
  name: string;
  title: string;
  rows: { label: string; kind: Row['kind']; by: Record<SystemKey, Metrics> }[];
}

const f3 = (x: number | undefined) => (x === undefined ? '  -  ' : x.toFixed(3).replace(/^0/, ' '));
const LABEL = 52;
const CELL = 29;

function cell(kind: Row['kind'], m: Metrics): string {
  if (kind === 'acc') return `acc ${f3(m.acc)}  ${m.right}/${m.n}`.padEnd(CELL);
  const v = m.valueAcc === undefined ? '' : ` v${f3(m.valueAcc)}`;
  const ignored = m.ignored === undefined ? '' : ` (${m.ignored} ign.)`;
  return `${f3(m.P)} ${f3(m.R)} ${f3(m.F1)}${v}${ignored}`.padEnd(CELL);
}

/** Chinese characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padTo = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function renderTable(suites: readonly SuiteTable[]): string {
  const head = padTo('', LABEL) + SYSTEMS.map((s) => `│ ${SYSTEM_TITLES[s].padEnd(CELL)}`).join('');
  const sub = padTo('', LABEL) + SYSTEMS.map(() => `│ ${'    P     R    F1  v=val.acc'.padEnd(CELL)}`).join('');
  const lines = [head, sub];
  for (const s of suites) {
    lines.push('─'.repeat(LABEL + 3 * (CELL + 2)), s.title);
    for (const r of s.rows) {
      const n = r.kind === 'prf' ? ` n=${(r.by.us.tp ?? 0) + (r.by.us.fn ?? 0)}` : '';
      lines.push(padTo(`  ${r.label}${n}`, LABEL) + SYSTEMS.map((k) => `│ ${cell(r.kind, r.by[k])}`).join(''));
    }
  }
  return lines.join('\n');
}

/** Milliseconds per suite and system. */
export function renderTimes(rows: readonly { name: string; ms: Record<SystemKey, number> }[]): string {
  const head = `${'time (ms)'.padEnd(12)}${SYSTEMS.map((k) => SYSTEM_TITLES[k].padStart(24)).join('')}`;
  return [head, ...rows.map((r) => `${r.name.padEnd(12)}${SYSTEMS.map((k) => String(r.ms[k]).padStart(24)).join('')}`)].join('\n');
}
