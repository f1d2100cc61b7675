/** A readable summary of extraction results, for people at a terminal. */
import type { ExtractionResult, Mention } from '../schema.js';
import { MENTION_TYPES } from '../schema.js';

function moneyText(m: Extract<Mention, { type: 'money' }>): string {
  const amount = m.value !== undefined ? m.value.toLocaleString('en-US') : `${m.min?.toLocaleString('en-US')}–${m.max?.toLocaleString('en-US')}`;
  return `${m.text} = ${m.currency} ${amount}${m.mod ? ` (${m.mod})` : ''}`;
}

export function summarise(result: ExtractionResult): string {
  const lines: string[] = [];
  const counts = MENTION_TYPES.map((t) => `${t} ${result.mentions.filter((m) => m.type === t).length}`).join(', ');
  lines.push(`${result.doc ?? result.id ?? 'article'} [${result.script}${result.refDate ? `, refDate ${result.refDate}` : ''}]: ${counts}`);
  for (const type of ['company', 'person'] as const) {
    const entities = result.entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
    if (entities.length) lines.push(`  ${type}: ${entities.map((e) => `${e.name}${e.aliases.length ? ` (${e.aliases.join('/')})` : ''} ×${e.count}`).join(', ')}`);
  }
  const money = result.mentions.filter((m): m is Extract<Mention, { type: 'money' }> => m.type === 'money');
  if (money.length) lines.push(`  money: ${money.map(moneyText).join('; ')}`);
  const dates = result.mentions.filter((m): m is Extract<Mention, { type: 'date' }> => m.type === 'date');
  if (dates.length) lines.push(`  date: ${dates.map((d) => `${d.text}=${d.value}${d.mod ? `/${d.mod}` : ''}`).join(', ')}`);
  return lines.join('\n');
}
