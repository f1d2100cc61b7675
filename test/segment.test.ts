import { describe, expect, it } from 'vitest';
import { loadSegmenter, segment, segmentText, splitGlued } from '../src/segment/index.js';
import { CodeSet } from '../src/text/codeSet.js';

// invented names: jieba's HMM glues an unseen two-character name to the word before it
const NAMES = new Set(['沐岚', '岚序']);
const known = (w: string) => NAMES.has(w);
const glue = new CodeSet([...'从曾将']);

/** The boundaries as the offsets where they are set. */
const marks = (boundary: Uint8Array) => [...boundary.keys()].filter((i) => boundary[i] === 1);

describe('segmentText', () => {
  loadSegmenter([])();

  it('gives the words, which concatenate back to the text, and their boundaries', () => {
    const text = '他去年从华为离职，今年创业。';
    const { words, boundary } = segmentText(text, known, glue);
    expect(words.join('')).toBe(text);
    const ends = words.reduce<number[]>((acc, w) => [...acc, (acc.at(-1) ?? 0) + w.length], []);
    expect(marks(boundary)).toEqual([0, ...ends]);
  });

  it('splits a glue character off a known name jieba glued it to, with a boundary between', () => {
    const text = '他从沐岚离职了';
    expect(segment(text).map((t) => t.word)).toContain('从沐岚');
    const { words, boundary } = segmentText(text, known, glue);
    expect(words).toEqual(['他', '从', '沐岚', '离职', '了']);
    expect(marks(boundary)).toEqual([0, 1, 2, 4, 6, 7]);
  });

  it('leaves a glued word whole when the rest is no known name', () => {
    const { words } = segmentText('他从沐岚离职了', () => false, glue);
    expect(words).toContain('从沐岚');
  });
});

describe('splitGlued', () => {
  it('splits at either end and returns the same array when nothing is glued', () => {
    expect(splitGlued(['从岚序', '离职'], known, glue)).toEqual(['从', '岚序', '离职']);
    expect(splitGlued(['岚序将', '上市'], known, glue)).toEqual(['岚序', '将', '上市']);
    const plain = ['他', '岚序', '离职'];
    expect(splitGlued(plain, known, glue)).toBe(plain);
  });
});

describe('segment', () => {
  it('gives tokens whose offsets cover the text in order', () => {
    const text = 'AI 公司岚序发布新品';
    const tokens = segment(text);
    let at = 0;
    for (const t of tokens) {
      expect(t.start).toBe(at);
      expect(text.slice(t.start, t.end)).toBe(t.word);
      at = t.end;
    }
    expect(at).toBe(text.length);
  });
});
