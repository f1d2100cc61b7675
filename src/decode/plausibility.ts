/**
 * How much a decoded string looks like real Chinese text. Used only to choose
 * between GB18030 and Big5 when the bytes are valid under both grammars (Big5's
 * byte grammar is a subset of GB18030's, so validity alone rarely decides), and
 * to tell damaged text from text in another encoding.
 *
 * Why this works: a few hundred frequent characters and punctuation marks make
 * up about half of running news text, while bytes decoded with the wrong table
 * land on characters spread over thousands of code points (a few percent hit
 * the list) and often on things no news article contains (private-use area,
 * kana, Greek, Hangul, box drawing).
 */

/**
 * High-frequency characters: the ~100 most frequent characters of general
 * written Chinese plus ~100 that dominate business news, in both scripts. One
 * set for both scripts on purpose: GB18030 also encodes traditional characters
 * (GBK archives of Taiwan/Hong Kong news exist), so scoring GB18030 with a
 * simplified-only list would mis-score them.
 */
const COMMON_CHARACTERS = {
  /** written the same in both scripts */
  shared:
    '的一是不了在人有我他中上大和地到以要就出可也你生能而子那得下自之年作用道行所然家事成方多去法如都同面起看' +
    '定天分好小部其些主理心她本前但因只想日月公司元美融投市企股收入增比品技展金政府表示者已等新高最全及被向由' +
    '目今利外工民合集董裁研究信息服管建提供平商牌消客第季度',
  /** simplified forms */
  simplified:
    '这个们来为国说时会对于着过发后里种经么学现当没动还进样开从实亿万资场业长产术济额银记报将与并据计划项总营' +
    '润际内门议员团数务设台网络电费户两',
  /** traditional forms (臺 and 台 both occur in Taiwan usage) */
  traditional:
    '這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實億萬資場業長產術濟額銀記報將與並據計劃項總營' +
    '潤際內門議員團數務設臺網絡電費戶兩',
  /** full-width punctuation as either encoding writes it */
  punctuation: '，。、：；！？“”「」《》（）',
} as const;

const COMMON = new Set<number>();
for (const group of Object.values(COMMON_CHARACTERS)) {
  for (const ch of group) COMMON.add(ch.codePointAt(0)!);
}

/** Code points that a Chinese news text almost never contains but mis-decoded bytes often do. */
function implausible(c: number): boolean {
  return (
    c === 0xfffd || // lossy decode of an invalid sequence
    (c >= 0xe000 && c <= 0xf8ff) || // private use (GB18030 user-defined area)
    (c >= 0xd800 && c <= 0xdfff) || // supplementary planes: rare CJK extensions
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3100 && c <= 0x312f) || // bopomofo
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0x0370 && c <= 0x04ff) || // Greek, Cyrillic
    (c >= 0x2500 && c <= 0x257f) // box drawing
  );
}

/** CJK ideographs and the punctuation that goes with them: the characters a score is judged on. */
function countable(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    c === 0x201c || // “
    c === 0x201d // ”
  );
}

/**
 * An implausible character outweighs a common one: a wrong table hits a common
 * character by chance now and then, but real news almost never contains
 * private-use or kana characters, so one of those is the stronger evidence.
 */
const IMPLAUSIBLE_WEIGHT = 2;

export interface Plausibility {
  /** (common - 2 * implausible) / judged, in [-2, 1]: real news ~0.45-0.65, a wrong decoding -0.1 to -1.2 */
  score: number;
  /** characters the score is based on: CJK-ish plus implausible ones (0: nothing to judge, score 0) */
  judged: number;
}

export function plausibility(text: string): Plausibility {
  let hits = 0;
  let bad = 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (COMMON.has(c)) hits++;
    if (implausible(c)) bad++;
    else if (countable(c)) seen++;
  }
  const judged = seen + bad;
  return { score: judged === 0 ? 0 : (hits - IMPLAUSIBLE_WEIGHT * bad) / judged, judged };
}
