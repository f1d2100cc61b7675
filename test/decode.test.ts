import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, DecodeError, decodeFile, type DecodeOptions } from '../src/decode/index.js';

// Made-up business news, written for these tests.
const SIMPLIFIED =
  '据本报记者了解，华南一家电子支付公司今年第三季度实现营业收入二十八亿元，同比增长百分之十九，' +
  '净利润为三点六亿元。公司董事长在业绩说明会上表示，将继续加大在东南亚市场的投入，' +
  '并计划明年在香港设立区域总部。分析人士认为，跨境支付业务有望成为公司新的增长点。';
const TRADITIONAL =
  '本報訊 台北一家半導體設備廠商昨日公布，今年前三季營收達新台幣一百二十億元，較去年同期成長百分之二十三。' +
  '公司總經理在法說會上指出，受惠於人工智慧伺服器需求強勁，明年訂單能見度已達三個季度，' +
  '並將在高雄新建一座研發中心。';
// ~20 characters each
const SHORT_SIMPLIFIED = '公司第三季度营业收入同比增长百分之十九。';
const SHORT_TRADITIONAL = '公司第三季營收較去年同期成長百分之二十三。';
// 9-12 CJK characters: the shortest length at which detection was reliable in
// a sweep over sample news (below ~5 characters it is close to guessing).
const HEADLINES_SIMPLIFIED = [
  '央行宣布下调存款准备金率',
  '新能源汽车销量创历史新高',
  '两家银行合并方案获批准',
  '科技公司发布季度财报',
  '房地产市场出现回暖迹象',
  '外资持续流入国内股市',
];
const HEADLINES_TRADITIONAL = [
  '央行宣布調降存款準備率',
  '新能源汽車銷量創歷史新高',
  '兩家銀行合併方案獲批准',
  '科技公司發布季度財報',
  '房地產市場出現回暖跡象',
  '外資持續流入台灣股市',
];

const enc = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_LE = [0xff, 0xfe];
const BOM_BE = [0xfe, 0xff];

/** Runs decode and returns the DecodeError it must throw. */
function decodeError(bytes: Uint8Array, options?: DecodeOptions): DecodeError {
  try {
    decode(bytes, options);
  } catch (err) {
    if (err instanceof DecodeError) return err;
    throw err;
  }
  throw new Error('expected a DecodeError');
}

describe('round trips', () => {
  it('UTF-8 without and with BOM (BOM removed from text)', () => {
    expect(decode(utf8(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8', bom: false });
    expect(decode(cat(BOM_UTF8, utf8(TRADITIONAL)))).toEqual({ text: TRADITIONAL, encoding: 'utf-8', bom: true });
  });

  it('keeps a second U+FEFF after the BOM: it is content', () => {
    expect(decode(cat(BOM_UTF8, BOM_UTF8, utf8('公司')))).toEqual({ text: '\uFEFF公司', encoding: 'utf-8', bom: true });
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    expect(decode(cat(BOM_LE, enc(SIMPLIFIED, 'utf16-le')))).toEqual({ text: SIMPLIFIED, encoding: 'utf-16le', bom: true });
    expect(decode(cat(BOM_BE, enc(TRADITIONAL, 'utf16-be')))).toEqual({ text: TRADITIONAL, encoding: 'utf-16be', bom: true });
  });

  it('UTF-16 without BOM when ASCII-heavy', () => {
    const text = 'Reuters reported on Monday that 华南支付 raised 2.8 billion yuan.\r\n';
    expect(decode(enc(text, 'utf16-le'))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decode(enc(text, 'utf16-be'))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('UTF-16 without BOM when CJK-heavy with a few newlines and digits', () => {
    const text = `2024年10月\n${SIMPLIFIED}\n${SHORT_SIMPLIFIED}\n`;
    expect(decode(enc(text, 'utf16-le'))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decode(enc(text, 'utf16-be'))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('GB18030 and Big5 without BOM', () => {
    expect(decode(enc(SIMPLIFIED, 'gb18030'))).toEqual({ text: SIMPLIFIED, encoding: 'gb18030', bom: false });
    expect(decode(enc(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5', bom: false });
  });

  it('GB18030 with its BOM (U+FEFF encoded as 84 31 95 33)', () => {
    expect(decode(cat([0x84, 0x31, 0x95, 0x33], enc(SIMPLIFIED, 'gb18030')))).toEqual({
      text: SIMPLIFIED,
      encoding: 'gb18030',
      bom: true,
    });
  });

  it('GB18030 four-byte sequences (supplementary-plane characters)', () => {
    const text = `${SHORT_SIMPLIFIED}𠮷野家门店数量增长😀`;
    const bytes = enc(text, 'gb18030');
    expect(decode(bytes)).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('explicit encodings decode without detection', () => {
    expect(decode(enc(SIMPLIFIED, 'gb18030'), { encoding: 'gb18030' }).text).toBe(SIMPLIFIED);
    expect(decode(enc(TRADITIONAL, 'big5'), { encoding: 'big5' }).text).toBe(TRADITIONAL);
    expect(decode(enc(SIMPLIFIED, 'utf16-le'), { encoding: 'utf-16le' }).text).toBe(SIMPLIFIED);
    expect(decode(cat(BOM_BE, enc(SIMPLIFIED, 'utf16-be')), { encoding: 'utf-16be' })).toEqual({
      text: SIMPLIFIED,
      encoding: 'utf-16be',
      bom: true,
    });
    // a short traditional text that detection could mistake is decoded as told
    expect(decode(enc('營收', 'big5'), { encoding: 'big5' }).text).toBe('營收');
  });

  it('does not modify the input bytes', () => {
    const bytes = cat(BOM_BE, enc(SIMPLIFIED, 'utf16-be'));
    const copy = bytes.slice();
    decode(bytes);
    expect(bytes).toEqual(copy);
  });

  it('decodes a view into a larger buffer (byteOffset respected)', () => {
    const inner = enc(SIMPLIFIED, 'utf16-le');
    const outer = cat([0x41, 0x41, 0x41], BOM_LE, inner, [0x42]);
    const view = outer.subarray(3, 3 + 2 + inner.length);
    expect(decode(view)).toEqual({ text: SIMPLIFIED, encoding: 'utf-16le', bom: true });
  });
});

describe('GB18030 versus Big5 detection', () => {
  it('long texts: simplified -> GB18030, traditional -> Big5', () => {
    expect(decode(enc(SIMPLIFIED, 'gb18030')).encoding).toBe('gb18030');
    expect(decode(enc(TRADITIONAL, 'big5')).encoding).toBe('big5');
  });

  it('traditional text stored as GB18030 (GBK archives of Taiwan news) stays GB18030', () => {
    expect(decode(enc(TRADITIONAL, 'gb18030'))).toEqual({ text: TRADITIONAL, encoding: 'gb18030', bom: false });
  });

  it('~20-character texts', () => {
    expect(decode(enc(SHORT_SIMPLIFIED, 'gb18030'))).toEqual({ text: SHORT_SIMPLIFIED, encoding: 'gb18030', bom: false });
    expect(decode(enc(SHORT_TRADITIONAL, 'big5'))).toEqual({ text: SHORT_TRADITIONAL, encoding: 'big5', bom: false });
  });

  it.each(HEADLINES_SIMPLIFIED)('headline %s as GB18030', (headline) => {
    expect(decode(enc(headline, 'gb18030'))).toEqual({ text: headline, encoding: 'gb18030', bom: false });
  });

  it.each(HEADLINES_TRADITIONAL)('headline %s as Big5', (headline) => {
    expect(decode(enc(headline, 'big5'))).toEqual({ text: headline, encoding: 'big5', bom: false });
  });
});

describe('invalid byte sequences are errors with offsets, never U+FFFD', () => {
  it('invalid UTF-8: the error names UTF-8 and the offset of the bad byte', () => {
    const bytes = cat(utf8('营收增长'), [0xff], utf8('百分之十九，净利润为三点六亿元。'));
    const err = decodeError(bytes);
    expect(err.byteOffset).toBe(12);
    expect(err.message).toMatch(/UTF-8/);
    expect(err.message).toMatch(/at byte 12$/);
  });

  it('UTF-8 article truncated in the middle of a character (the most common damage)', () => {
    const full = utf8(SIMPLIFIED);
    const bytes = full.subarray(0, full.length - 1); // last character is 。 (3 bytes), cut one
    const err = decodeError(bytes);
    expect(err.message).toMatch(/UTF-8/);
    expect(err.byteOffset).toBe(full.length - 3);
  });

  it('explicit UTF-8 reports overlong forms and surrogates', () => {
    expect(decodeError(cat(utf8('abc'), [0xc0, 0x80]), { encoding: 'utf-8' }).byteOffset).toBe(3);
    expect(decodeError(cat(utf8('公司'), [0xed, 0xa0, 0x80]), { encoding: 'utf-8' }).byteOffset).toBe(6);
    const withBom = decodeError(cat(BOM_UTF8, utf8('ab'), [0x80]));
    expect(withBom.byteOffset).toBe(5); // offsets count the BOM: they point into the file
  });

  it('GB18030 truncated inside a two-byte sequence at the end', () => {
    const full = enc(SIMPLIFIED, 'gb18030');
    const bytes = full.subarray(0, full.length - 1);
    const err = decodeError(bytes);
    expect(err.message).toMatch(/GB18030/);
    expect(err.message).toMatch(/neither valid UTF-8, GB18030 nor Big5/);
    expect(err.byteOffset).toBe(full.length - 2);
    expect(decodeError(bytes, { encoding: 'gb18030' }).byteOffset).toBe(full.length - 2);
  });

  it('GB18030 truncated inside a four-byte sequence', () => {
    const bytes = cat(enc(SHORT_SIMPLIFIED, 'gb18030'), [0x95, 0x32]);
    const err = decodeError(bytes, { encoding: 'gb18030' });
    expect(err.byteOffset).toBe(enc(SHORT_SIMPLIFIED, 'gb18030').length);
  });

  it('GB18030 four-byte codes outside the assigned ranges are errors', () => {
    const head = enc(SHORT_SIMPLIFIED, 'gb18030');
    const err = decodeError(cat(head, [0x84, 0x31, 0xa5, 0x30]), { encoding: 'gb18030' });
    expect(err.byteOffset).toBe(head.length);
  });

  it('Big5: bad trail byte and unassigned code, with explicit encoding', () => {
    const head = enc(SHORT_TRADITIONAL, 'big5');
    expect(decodeError(cat(head, [0xa4, 0x80]), { encoding: 'big5' }).byteOffset).toBe(head.length);
    const unassigned = decodeError(cat(head, [0xa3, 0xf0], head), { encoding: 'big5' });
    expect(unassigned.message).toMatch(/invalid Big5/);
    expect(unassigned.byteOffset).toBe(head.length);
  });

  it('a valid-GB18030 but invalid-Big5 byte is an error when Big5 is given', () => {
    const head = enc(SHORT_TRADITIONAL, 'big5');
    const bytes = cat(head, [0xa4, 0x90], head); // trail 0x90: fine for GB18030, not for Big5
    const err = decodeError(bytes, { encoding: 'big5' });
    expect(err.byteOffset).toBe(head.length);
  });

  it('UTF-16: odd length and unpaired surrogates', () => {
    const body = enc('营收', 'utf16-le');
    expect(decodeError(cat(BOM_LE, body, [0x41])).byteOffset).toBe(6);
    const lone = cat(BOM_LE, body, [0x00, 0xd8], enc('增长', 'utf16-le'));
    const err = decodeError(lone);
    expect(err.message).toMatch(/unpaired surrogate/);
    expect(err.byteOffset).toBe(6);
  });

  it('a BOM that contradicts the explicit encoding is refused', () => {
    const err = decodeError(cat(BOM_UTF8, utf8(SIMPLIFIED)), { encoding: 'gb18030' });
    expect(err.message).toMatch(/UTF-8 byte order mark/);
    expect(err.byteOffset).toBe(0);
  });

  it('UTF-32 is named, not mistaken for UTF-16', () => {
    expect(decodeError(cat([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0])).message).toMatch(/UTF-32/);
  });
});

describe('binary content', () => {
  it('NUL byte in UTF-8 text', () => {
    const bytes = cat(utf8('公司公告'), [0x00], utf8('全文'));
    const err = decodeError(bytes);
    expect(err.message).toBe('<input>: not a text file (binary content: NUL byte) at byte 12');
    expect(err.byteOffset).toBe(12);
  });

  it('NUL byte in GB18030 text', () => {
    const head = enc(SIMPLIFIED, 'gb18030');
    const err = decodeError(cat(head, [0x00], head));
    expect(err.reason).toBe('not a text file (binary content: NUL byte)');
    expect(err.byteOffset).toBe(head.length);
  });

  it('stray NULs in ASCII text are binary, not BOM-less UTF-16', () => {
    const bytes = utf8('The company said on Monday that revenue rose 19 percent.');
    bytes[10] = 0;
    bytes[30] = 0;
    const err = decodeError(bytes);
    expect(err.reason).toBe('not a text file (binary content: NUL byte)');
    expect(err.byteOffset).toBe(10);
  });

  it('an image header', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const err = decodeError(new Uint8Array(png));
    expect(err.reason).toMatch(/^not a text file/);
    expect(err.byteOffset).toBe(8);
  });

  it('many control characters, with the offset of the first one', () => {
    const bytes = cat(utf8('公司'), [0x01, 0x02, 0x03, 0x04, 0x05], utf8('ab'));
    const err = decodeError(bytes);
    expect(err.reason).toMatch(/^not a text file \(binary content: 5 control characters/);
    expect(err.byteOffset).toBe(6);
  });

  it('tolerates a stray control character (DOS end-of-file ^Z, vertical tab)', () => {
    const text = `${SIMPLIFIED}\v${SIMPLIFIED}\x1a`;
    expect(decode(utf8(text)).text).toBe(text);
  });
});

describe('nothing else changes', () => {
  it('empty input is empty text', () => {
    expect(decode(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
    expect(decode(new Uint8Array(BOM_UTF8))).toEqual({ text: '', encoding: 'utf-8', bom: true });
  });

  it('CRLF, tabs, form feeds and surrounding whitespace are preserved', () => {
    const text = '  标题\r\n\r\n\t正文第一段。\r\n\f第二段  \r\n';
    expect(decode(utf8(text)).text).toBe(text);
    expect(decode(enc(text, 'gb18030')).text).toBe(text);
  });

  it('full-width letters, digits and punctuation are preserved', () => {
    const text = 'ＡＢＣ公司２０２４年营收１２．５亿元（同比＋１９％）！';
    expect(decode(utf8(text)).text).toBe(text);
    expect(decode(enc(text, 'gb18030')).text).toBe(text);
  });
});

describe('maxBytes', () => {
  it('refuses larger input with the size and the limit in the message', () => {
    const bytes = utf8(SIMPLIFIED);
    const err = decodeError(bytes, { maxBytes: 100, source: 'a.txt' });
    expect(err.message).toBe(`a.txt: article is ${bytes.length} bytes, larger than the limit 100 (raise it with --max-bytes)`);
    expect(err.byteOffset).toBeUndefined();
  });

  it('accepts input exactly at the limit', () => {
    const bytes = utf8(SIMPLIFIED);
    expect(decode(bytes, { maxBytes: bytes.length }).text).toBe(SIMPLIFIED);
  });
});

describe('DecodeError', () => {
  it('carries source, reason and offset', () => {
    const err = new DecodeError('x.txt', 'bad', 7);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DecodeError');
    expect([err.source, err.reason, err.byteOffset]).toEqual(['x.txt', 'bad', 7]);
    expect(err.message).toBe('x.txt: bad at byte 7');
    expect(new DecodeError('x.txt', 'bad').message).toBe('x.txt: bad');
  });
});

describe('decodeFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhx-decode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and decodes a file, naming it in errors', () => {
    const path = join(dir, 'big5.txt');
    writeFileSync(path, enc(TRADITIONAL, 'big5'));
    expect(decodeFile(path)).toEqual({ text: TRADITIONAL, encoding: 'big5', bom: false });
    const bad = join(dir, 'nul.txt');
    writeFileSync(bad, cat(utf8('ab'), [0]));
    expect(() => decodeFile(bad)).toThrow(`${bad}: not a text file (binary content: NUL byte) at byte 2`);
  });

  it('a missing path is a DecodeError that names the path', () => {
    const path = join(dir, 'missing.txt');
    expect(() => decodeFile(path)).toThrow(DecodeError);
    expect(() => decodeFile(path)).toThrow(`${path}: cannot read: no such file`);
  });

  it('a directory is a DecodeError', () => {
    expect(() => decodeFile(dir)).toThrow(`${dir}: cannot read: is a directory, not a file`);
  });

  it('checks maxBytes before reading', () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, utf8(SIMPLIFIED));
    expect(() => decodeFile(path, { maxBytes: 10 })).toThrow(/larger than the limit 10 \(raise it with --max-bytes\)/);
  });
});
