/**
 * Latin-script spans inside Chinese text, read with compromise (an English NLP
 * library): English amounts (US$5.6 million) and whether a Latin name reads as a
 * person or an organisation (Sam Altman, Thrive Capital).
 */
import nlp from 'compromise';

/** "5.6 million" -> 5600000, "157 billion" -> 157000000000; null when it is not a number. */
export function parseEnglishNumber(phrase: string): number | null {
  let value = englishNumbers.get(phrase);
  if (value === undefined) {
    const first = (nlp(phrase).numbers().get() as unknown[])[0];
    value = typeof first === 'number' && Number.isFinite(first) ? first : null;
    if (englishNumbers.size > 20_000) englishNumbers.clear();
    englishNumbers.set(phrase, value);
  }
  return value;
}

// compromise builds a whole document per call; amounts repeat across an archive
const englishNumbers = new Map<string, number | null>();

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
