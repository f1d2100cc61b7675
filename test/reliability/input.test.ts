/**
 * Bad input classes through decode + pipeline: empty and blank input, line endings and
 * full width (offsets into the original, unnormalised text), BOMs, binary content,
 * invalid or truncated encodings (DecodeError with a byte offset), HTML left in the
 * text, a very long line and an over-size article.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createExtractor, decode, decodeFile, DecodeError, type ExtractionResult, type Mention } from '../../src/index.js';
import { DEFAULT_MAX_BYTES } from '../../src/decode/index.js';
import { problems, SEED } from './support.js';

const extractor = createExtractor();
const utf8 = (s: string) => new TextEncoder().encode(s);
const gb = (s: string) => new Uint8Array(iconv.encode(s, 'gb18030'));
const cat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** decode, then extract; asserts the result invariants on the decoded text. */
function run(bytes: Uint8Array): { text: string; result: ExtractionResult } {
  const { text } = decode(bytes);
  const result = extractor.extract(text, { refDate: '2024-04' });
  expect(problems(text, result)).toEqual([]);
  return { text, result };
}

/** The DecodeError decode throws for these bytes. */
function decodeError(bytes: Uint8Array, options?: Parameters<typeof decode>[1]): DecodeError {
  try {
    decode(bytes, options);
  } catch (err) {
    if (err instanceof DecodeError) return err;
    throw err;
  }
  throw new Error('decode accepted the bytes');
}

/** The one mention of `type` whose text is `surface`, with its offsets checked against `text`. */
function mention(result: ExtractionResult, text: string, type: Mention['type'], surface: string, from = 0): Mention {
  const start = text.indexOf(surface, from);
  const m = result.mentions.find((x) => x.type === type && x.text === surface && x.start === start);
  expect(m, `${type} ${surface} at ${start} in ${JSON.stringify(result.mentions.map((x) => [x.type, x.start, x.text]))}`).toBeDefined();
  expect(m!.end).toBe(start + surface.length);
  return m!;
}

const ARTICLE = '百川智能完成3亿美元融资，创始人王小川表示，2024年3月将发布新模型。';

describe('empty and blank input', () => {
  it('empty input is valid and has no mentions', () => {
    const { result } = run(new Uint8Array());
    expect(result).toMatchObject({ script: 'none', mentions: [], entities: [] });
  });

  it.each([
    ['spaces', '   '],
    ['newlines (LF, CRLF, CR)', '\n\r\n\r\n\n\r'],
    ['tabs and ideographic spaces', '\t\u3000\u3000\t'],
    ['no-break spaces', '\u00a0\u00a0'],
  ])('whitespace only (%s): no mentions', (_name, s) => {
    const { result } = run(utf8(s));
    expect(result.mentions).toEqual([]);
  });
});

describe('offsets are into the original text (no normalisation)', () => {
  it('CRLF line endings: mentions after \\r\\n keep their offsets', () => {
    const text = `第一段。\r\n${ARTICLE}\r\n\r\n${ARTICLE}\r\n`;
    const { result } = run(utf8(text));
    const second = text.lastIndexOf('百川智能');
    mention(result, text, 'company', '百川智能', second);
    mention(result, text, 'money', '3亿美元', second);
    mention(result, text, 'person', '王小川', second);
    mention(result, text, 'date', '2024年3月', second);
  });

  it('old Mac CR-only line endings', () => {
    const text = `第一段。\r${ARTICLE}\r`;
    const { result } = run(utf8(text));
    mention(result, text, 'money', '3亿美元');
    mention(result, text, 'person', '王小川');
  });

  it('full-width digits: the mention text is the full-width original, later offsets unmoved', () => {
    const text = '融资金额为１８亿美元。\r\n王小川表示，２０２４年３月百川智能完成融资。';
    const { result } = run(utf8(text));
    expect(mention(result, text, 'money', '１８亿美元')).toMatchObject({ value: 1_800_000_000, currency: 'USD' });
    mention(result, text, 'person', '王小川');
    expect(mention(result, text, 'date', '２０２４年３月')).toMatchObject({ value: '2024-03' });
    mention(result, text, 'company', '百川智能');
  });

  it('astral characters before a mention (2 UTF-16 units each) count as two', () => {
    const text = `𠀀😀𪚥${ARTICLE}`;
    const { result } = run(utf8(text));
    mention(result, text, 'money', '3亿美元');
  });
});

describe('byte order marks', () => {
  it('a UTF-8 BOM is removed; offsets are relative to the text after it', () => {
    const { text, result } = run(cat([0xef, 0xbb, 0xbf], utf8(ARTICLE)));
    expect(text).toBe(ARTICLE);
    mention(result, ARTICLE, 'company', '百川智能'); // at 0, not 1
    mention(result, ARTICLE, 'person', '王小川');
  });

  it('a UTF-16LE BOM is removed the same way', () => {
    const le = new Uint8Array(iconv.encode(ARTICLE, 'utf16le'));
    const { text, result } = run(cat([0xff, 0xfe], le));
    expect(text).toBe(ARTICLE);
    mention(result, ARTICLE, 'company', '百川智能');
  });

  it('a second U+FEFF after the BOM is content and offsets count it', () => {
    const { text, result } = run(cat([0xef, 0xbb, 0xbf], utf8(`\uFEFF${ARTICLE}`)));
    expect(text).toBe(`\uFEFF${ARTICLE}`);
    mention(result, text, 'person', '王小川');
  });

  it('a BOM left in a string given straight to extract still gives exact offsets', () => {
    const text = `\uFEFF${ARTICLE}`;
    const result = extractor.extract(text);
    expect(problems(text, result)).toEqual([]);
    mention(result, text, 'person', '王小川');
  });
});

describe('binary and badly encoded input', () => {
  it('NUL bytes: DecodeError "not a text file" with the byte offset', () => {
    const bytes = utf8('百川智能\u0000完成融资');
    const err = decodeError(bytes);
    expect(err.message).toMatch(/not a text file/);
    expect(err.byteOffset).toBe(12);
  });

  it('binary noise (many control characters): "not a text file"', () => {
    const err = decodeError(Uint8Array.from({ length: 64 }, (_, i) => (i * 7) % 32));
    expect(err.message).toMatch(/not a text file/);
  });

  it('invalid UTF-8 in the middle: DecodeError with the byte offset of the bad byte', () => {
    const head = utf8('百川智能完成融资');
    const err = decodeError(cat(head, [0xff], utf8('三亿美元')));
    expect(err.byteOffset).toBe(head.length);
    expect(err.message).toMatch(new RegExp(`at byte ${head.length}$`));
    expect(err.message).toMatch(/invalid/i);
  });

  it('UTF-8 truncated in the middle of a character', () => {
    const bytes = utf8('百川智能完成融资百川智能完成融资');
    const err = decodeError(bytes.subarray(0, bytes.length - 1));
    expect(err.byteOffset).toBe(bytes.length - 3);
  });

  it('GB18030 truncated after a lead byte: DecodeError at that byte, not mojibake', () => {
    const bytes = gb('百川智能完成新一轮数亿美元融资，估值已超过十八亿美元。公司表示将继续投入研发。');
    const err = decodeError(bytes.subarray(0, bytes.length - 1));
    expect(err.byteOffset).toBe(bytes.length - 2);
    expect(err.message).toMatch(/GB18030/);
  });

  it('GB18030 truncated inside a four-byte sequence', () => {
    const head = gb('百川智能完成新一轮融资，估值');
    const err = decodeError(cat(head, [0x81, 0x30]));
    expect(err.byteOffset).toBe(head.length);
  });

  it('complete GB18030 decodes and extracts', () => {
    const { result } = run(gb(ARTICLE));
    mention(result, ARTICLE, 'money', '3亿美元');
  });
});

describe('HTML left in the text', () => {
  it('tags do not crash or shift offsets; mentions between tags are found', () => {
    const text = `<html><body><p>${ARTICLE}</p>\n<p class="x">第二段</p></body></html>`;
    const { result } = run(utf8(text));
    mention(result, text, 'company', '百川智能');
    mention(result, text, 'money', '3亿美元');
    mention(result, text, 'person', '王小川');
  });

  it('entities are not decoded: &nbsp; between number and unit loses the amount (documented)', () => {
    const text = '<p>百川智能完成3&nbsp;亿美元融资，估值&#x31;&#x38;亿美元，创始人王小川&nbsp;表示</p>';
    const { result } = run(utf8(text));
    expect(result.mentions.filter((m) => m.type === 'money')).toEqual([]);
    mention(result, text, 'person', '王小川');
  });

  it('text inside attributes is read like any text (documented)', () => {
    const text = '<div data-date="2024年3月">融资额为5亿元</div>';
    const { result } = run(utf8(text));
    mention(result, text, 'date', '2024年3月');
    mention(result, text, 'money', '5亿元');
  });

  it('a script block full of symbols does not crash', () => {
    const text = `<script>var a = "$$$" + 1e308 * 10; if (a < 2 && b > 3) { x = [1-2-3]; }</script>${ARTICLE}`;
    run(utf8(text));
  });
});

describe('size', () => {
  it('a very long single line (the seed article x50, newlines removed)', () => {
    const line = SEED.replace(/\r?\n/g, ' ').repeat(50);
    const { result } = run(utf8(line));
    expect(result.mentions.length).toBeGreaterThan(50);
  }, 120_000);

  it('an over-size article with maxBytes: a clear DecodeError before decoding', () => {
    const bytes = utf8(SEED);
    const err = decodeError(bytes, { maxBytes: 1000 });
    expect(err.message).toBe(`<input>: article is ${bytes.length} bytes, larger than the limit 1000 (raise it with --max-bytes)`);
  });

  it('the default limit (50 MiB) applies without maxBytes', () => {
    const err = decodeError(new Uint8Array(DEFAULT_MAX_BYTES + 1));
    expect(err.message).toMatch(/larger than the limit 52428800/);
  });

  it('exactly maxBytes is accepted', () => {
    const bytes = utf8(ARTICLE);
    expect(decode(bytes, { maxBytes: bytes.length }).text).toBe(ARTICLE);
  });
});

describe('files (decodeFile)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhx-rel-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an over-size file is refused before it is read, naming the path', () => {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, SEED);
    const size = Buffer.byteLength(SEED);
    expect(() => decodeFile(file, { maxBytes: 1000 })).toThrow(DecodeError);
    expect(() => decodeFile(file, { maxBytes: 1000 })).toThrow(`${file}: article is ${size} bytes, larger than the limit 1000 (raise it with --max-bytes)`);
  });

  it.each([
    ['a missing file', 'nope.txt', /no such file/],
    ['a directory', '.', /is a directory/],
  ])('%s: DecodeError naming the path', (_name, rel, reason) => {
    const file = path.join(dir, rel);
    expect(() => decodeFile(file)).toThrow(DecodeError);
    expect(() => decodeFile(file)).toThrow(reason);
  });

  it('a file with a NUL byte names the file and the byte', () => {
    const file = path.join(dir, 'image.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(() => decodeFile(file)).toThrow(`${file}: not a text file (binary content: NUL byte) at byte 8`);
  });
});

describe('bad options', () => {
  it.each(['2024-13', '24-04', 'yesterday', '2024-02-30'])('refDate %s is refused with a clear error', (refDate) => {
    expect(() => extractor.extract(ARTICLE, { refDate })).toThrow(/refDate|date/i);
  });
});
