/**
 * Latin-script spans inside Chinese text, read with compromise (an English NLP
 * library): English amounts (US$5.6 million) and whether a Latin name reads as a
 * person or an organisation (Sam Altman, Thrive Capital).
 */
import nlp from 'compromise';

/** "5.6 million" -> 5600000, "157 billion" -> 157000000000; null when it is not a number. */
export function parseEnglishNumber(phrase: string): number | null {
  const numbers = nlp(phrase).numbers().get() as unknown[];
  const value = numbers[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export type LatinKind = 'person' | 'organization' | null;

/** What compromise takes a Latin name to be, on its own. */
export function latinNameKind(name: string): LatinKind {
  const doc = nlp(name);
  if (doc.has('#Organization')) return 'organization';
  if (doc.has('#Person') && doc.terms().length >= 2) return 'person';
  return null;
}
