/**
 * Plain-text descriptions of a mention's normalised fields, for tooltips and
 * tables. Plain text on purpose: callers escape it, and the tooltip script
 * shows it with textContent.
 */

/** Normalised fields in the order a reader checks them (ANNOTATION.md field names). */
export const SHOWN_FIELDS = ['name', 'value', 'min', 'max', 'currency', 'mod', 'relative', 'resolved'] as const;

type Fields = { type?: unknown; [field: string]: unknown };

/** 1800000000 -> "18亿", 35000 -> "3.5万": how the article itself writes amounts, easier to compare. */
export function chineseUnits(n: number): string | undefined {
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${+(n / 1e12).toPrecision(6)}兆`;
  if (abs >= 1e8) return `${+(n / 1e8).toPrecision(6)}亿`;
  if (abs >= 1e4) return `${+(n / 1e4).toPrecision(6)}万`;
  return undefined;
}

function showValue(field: string, v: unknown, type: unknown): string {
  if (typeof v === 'number' && type === 'money' && field !== 'currency') {
    const units = chineseUnits(v);
    return units ? `${v} (${units})` : String(v);
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** [field, shown value] for every normalised field the mention carries (null/undefined left out). */
export function fieldList(m: Fields, fields: readonly string[] = SHOWN_FIELDS): [string, string][] {
  return fields.filter((f) => m[f] !== undefined && m[f] !== null).map((f) => [f, showValue(f, m[f], m.type)]);
}

/** One line for a table cell: "USD 1800000000 (18亿) MORE_THAN", "2024-04 relative", "XXXX-03-19 → 2024-03-19". */
export function normalisedSummary(m: Fields): string {
  const num = (v: unknown) => (typeof v === 'number' ? showValue('value', v, 'money') : String(v));
  const parts: string[] = [];
  if (m.type === 'money') {
    if (m.currency != null) parts.push(String(m.currency));
    if (m.value != null) parts.push(num(m.value));
    else if (m.min != null || m.max != null) parts.push(`${m.min == null ? '?' : num(m.min)} – ${m.max == null ? '?' : num(m.max)}`);
  } else if (m.type === 'date') {
    if (m.value != null) parts.push(String(m.value));
    if (m.resolved != null) parts.push(`→ ${String(m.resolved)}`);
    if (m.relative) parts.push('relative');
  } else if (m.name != null) {
    parts.push(String(m.name));
  }
  if (m.mod != null) parts.push(String(m.mod));
  return parts.join(' ');
}

/** Tooltip text: a heading line, then one "field: value" line per field. */
export function tipText(heading: string, m: Fields, fields?: readonly string[]): string {
  const lines = [heading, ...fieldList(m, fields).map(([f, v]) => `${f}: ${v}`)];
  if (typeof m.rule === 'string' && m.rule) lines.push(`rule: ${m.rule}`);
  return lines.join('\n');
}
