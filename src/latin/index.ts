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

const kinds = new Map<string, LatinKind>();

/** What compromise takes a Latin name to be, on its own (remembered: names repeat across articles). */
export function latinNameKind(name: string): LatinKind {
  let kind = kinds.get(name);
  if (kind === undefined) {
    const doc = nlp(name);
    kind = doc.has('#Organization') ? 'organization' : doc.has('#Person') && doc.terms().length >= 2 ? 'person' : null;
    if (kinds.size > 20_000) kinds.clear();
    kinds.set(name, kind);
  }
  return kind;
}
