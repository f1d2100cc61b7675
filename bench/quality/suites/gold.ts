/**
 * The project's own gold articles (test/gold/*.json): mention P/R/F1 per type and
 * value accuracy, scored by the project's scorer (src/eval/score.ts scoreDocuments,
 * the same numbers as shared/score.mjs), each article read from the gold's "doc"
 * path and extracted with the gold's refDate.
 * Peer: a composite of the other suites' peers: jieba POS for company and person,
 * Recognizers currency (amounts with a value) for money, Recognizers datetime
 * (date readings) for dates. A partial date of the peer gets as `resolved` its
 * reading in the refDate's year when it has one (in the peer's favour).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, MissingDataError } from '../data.js';
import { jiebaEntities } from '../jiebaPeer.js';
import { recognizersDates, recognizersMoney } from '../recognizersPeer.js';
import { readArticleText } from '../../../src/eval/articleText.js';
import { scoreDocuments, type GoldMention, type LooseMention } from '../../../src/eval/score.js';
import { decode } from '../../../src/decode/index.js';
import { MENTION_TYPES } from '../../../src/schema.js';
import type { ErrorRecord, Input, Pred, Row, Suite } from '../types.js';

const GOLD_DIR = path.join(REPO_ROOT, 'test/gold');

function peer(input: Input): Pred[] {
  const year = input.refDate?.slice(0, 4);
  const dates = recognizersDates(input).map((d) => {
    const { alts, ...rest } = d;
    if (!String(d.value).includes('X') || !alts?.length) return rest;
    return { ...rest, resolved: alts.find((a) => a.startsWith(year ?? '?')) ?? alts[0] };
  });
  return [...jiebaEntities(input), ...recognizersMoney(input).filter((m) => m.value !== null), ...dates];
}

export function goldSuite(): Suite {
  const files = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort();
  const docs = files.map((f) => {
    const file = path.join(GOLD_DIR, f);
    const gold = JSON.parse(readFileSync(file, 'utf8')) as { refDate?: string; mentions: GoldMention[] };
    const article = readArticleText(file, REPO_ROOT, (bytes) => decode(bytes).text);
    if (article.text === undefined) throw new MissingDataError(article.note ?? `${file}: article text not found`);
    return { id: f.replace(/\.json$/, ''), gold, text: article.text };
  });
  return {
    name: 'gold',
    source: 'test/gold/*.json',
    counts: { read: docs.length, scored: docs.length },
    inputs: docs.map((d) => ({ id: d.id, text: d.text, ...(d.gold.refDate && { refDate: d.gold.refDate }) })),
    peer: { name: 'jieba-pos + recognizers-text', predict: peer },
    score(preds: Pred[][]) {
      const pairs = docs.map((d, i) => ({ id: d.id, gold: d.gold.mentions, pred: (preds[i] ?? []) as LooseMention[] }));
      const report = scoreDocuments(pairs);
      const rows: Row[] = MENTION_TYPES.map((t) => {
        const s = report.perType[t]!;
        return { label: t, kind: 'prf', m: { tp: s.tp, fp: s.fp, fn: s.fn, P: s.P, R: s.R, F1: s.F1, ...(s.valueAcc !== undefined && { valueAcc: s.valueAcc }) } };
      });
      const errors: ErrorRecord[] = report.errors.map((e) => {
        const i = docs.findIndex((d) => d.id === e.doc);
        const rule = preds[i]?.find((p) => p.type === e.type && p.start === e.start && p.end === e.end)?.rule;
        const text = docs[i]?.text ?? '';
        const context = `${text.slice(Math.max(0, e.start - 12), e.start)}[${e.text}]${text.slice(e.end, e.end + 12)}`.replace(/\s+/g, ' ');
        const pattern = e.kind === 'FN' ? `FN ${e.type}` : e.kind === 'FP' ? `FP ${e.type} · rule=${rule}` : `VAL ${e.type} · ${e.fields?.join('+')} · rule=${rule}`;
        return { pattern, id: e.doc, text: e.text, detail: { context, ...(e.kind === 'VAL' && { gold: e.gold, pred: e.pred }) } };
      });
      return { rows, errors };
    },
  };
}
