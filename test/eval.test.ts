import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreDocuments, type LooseMention, type ScorePair } from '../src/eval/score.js';
import { loadPairs } from '../src/eval/files.js';
import { runEval } from '../src/cli/eval.js';
import type { Mention } from '../src/schema.js';

const co = (start: number, end: number, name: string, extra: Partial<LooseMention> = {}): LooseMention => ({
  type: 'company', start, end, text: name, name, ...extra,
});
const money = (start: number, end: number, fields: Record<string, unknown>): LooseMention => ({
  type: 'money', start, end, text: 'x'.repeat(end - start), ...fields,
});
const date = (start: number, end: number, fields: Record<string, unknown>): LooseMention => ({
  type: 'date', start, end, text: 'x'.repeat(end - start), ...fields,
});
const one = (gold: LooseMention[], pred: LooseMention[]): ScorePair[] => [{ id: 'd', gold, pred }];

describe('scoreDocuments', () => {
  it('counts strict matches, false positives and false negatives', () => {
    const r = scoreDocuments(one([co(0, 2, '百度'), co(5, 7, '阿里')], [co(0, 2, '百度'), co(5, 8, '阿里巴')]));
    expect(r.perType.company).toMatchObject({ tp: 1, fp: 1, fn: 1, P: 0.5, R: 0.5, F1: 0.5 });
    expect(r.errors.map((e) => `${e.kind}:${e.start}-${e.end}`)).toEqual(['FN:5-7', 'FP:5-8']);
  });

  it('uses the empty-set conventions: nothing to find and nothing found is perfect', () => {
    const r = scoreDocuments(one([], []));
    expect(r.perType.person).toEqual({ tp: 0, fp: 0, fn: 0, P: 1, R: 1, F1: 1, entityF1: 1 });
    expect(r.perType.money).toEqual({ tp: 0, fp: 0, fn: 0, P: 1, R: 1, F1: 1 });
    const missedAll = scoreDocuments(one([co(0, 2, '百度')], []));
    expect(missedAll.perType.company).toMatchObject({ P: 0, R: 0, F1: 0, entityF1: 0 });
  });

  it('ignores optional gold mentions and predictions overlapping them (same type only)', () => {
    const gold = [co(0, 5, '百度云业务', { optional: true }), co(10, 12, '腾讯')];
    const pred = [co(0, 2, '百度'), co(2, 4, '云业'), co(10, 12, '腾讯'), co(5, 7, '腾讯'), { ...co(1, 3, '度云'), type: 'person' }];
    const r = scoreDocuments(one(gold, pred));
    expect(r.perType.company).toMatchObject({ tp: 1, fp: 1, fn: 0 }); // 5-7 only touches the optional span's end
    expect(r.perType.person).toMatchObject({ fp: 1 }); // a person is not excused by an optional company
    expect(scoreDocuments(one(gold, [co(10, 12, '腾讯')])).perType.company).toMatchObject({ tp: 1, fn: 0 });
  });

  it('scores values: wrong field, extra mod, numeric tolerance, free resolved', () => {
    const gold = [
      money(0, 4, { value: 660000000, currency: 'CNY' }),
      money(5, 9, { value: 1e9, currency: 'USD' }),
      money(10, 14, { min: 2e8, max: 9e8, currency: 'USD' }),
      date(20, 25, { value: 'XXXX-03-19' }),
      date(30, 34, { value: '2024' }),
    ];
    const pred = [
      money(0, 4, { value: 6.6 * 1e8, currency: 'CNY', mod: null }), // float noise and a null mod are fine
      money(5, 9, { value: 1e9, currency: 'USD', mod: 'APPROX' }), // mod the gold lacks
      money(10, 14, { min: 2e8, max: 8e8, currency: 'USD' }), // wrong max
      date(20, 25, { value: 'XXXX-03-19', resolved: '2024-03-19' }), // resolved may be added
      date(30, 34, { value: 2024 }), // '2024' and 2024 compare as numbers
    ];
    const r = scoreDocuments(one(gold, pred));
    expect(r.perType.money).toMatchObject({ tp: 3, valueAcc: 0.333 });
    expect(r.perType.date).toMatchObject({ tp: 2, valueAcc: 1 });
    const val = r.errors.filter((e) => e.kind === 'VAL');
    expect(val.map((e) => e.fields)).toEqual([['mod'], ['max']]);
    expect(val[1]).toMatchObject({ gold: { max: 9e8 }, pred: { max: 8e8 } });
  });

  it('computes entity F1 on names with whitespace removed, pooled over documents', () => {
    const pairs: ScorePair[] = [
      { id: 'a', gold: [co(0, 5, '智谱 AI', { name: '智谱AI' })], pred: [co(0, 5, '智谱 AI', { name: '智谱 AI' })] },
      { id: 'b', gold: [co(0, 4, 'Thrive Capital')], pred: [co(9, 13, 'ThriveCapital'), co(20, 22, '百度')] },
    ];
    const r = scoreDocuments(pairs, ['company']);
    expect(Object.keys(r.perType)).toEqual(['company']);
    // entities: gold {智谱AI, ThriveCapital}, pred {智谱AI, ThriveCapital, 百度} -> P 2/3, R 1
    expect(r.perType.company).toMatchObject({ tp: 1, fp: 2, fn: 1, entityF1: 0.8 });
  });

  it('accepts extractor output (Mention[]) as predictions', () => {
    const pred: Mention[] = [{ type: 'person', start: 0, end: 3, text: '王小川', name: '王小川' }];
    expect(scoreDocuments([{ id: 'd', gold: pred, pred }]).perType.person).toMatchObject({ tp: 1 });
  });
});

// ---- parity with the reference scorer -------------------------------------------------------

const REFERENCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/score.mjs');

/** Deterministic pseudo-random numbers, so a parity failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A gold document with every mention kind, and a prediction damaged in every way the scorer cares about. */
function randomDoc(rand: () => number): { gold: LooseMention[]; pred: LooseMention[] } {
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const gold: LooseMention[] = [];
  for (let i = 0, at = 0; i < 12; i++, at += 10) {
    const kind = pickOf(['company', 'person', 'money', 'date'] as const);
    const end = at + 2 + Math.floor(rand() * 4);
    // a few shared names (whitespace variants included) and many rare ones, so entity sets differ
    const name = rand() < 0.4 ? pickOf(['智谱 AI', '智谱AI', '百度', 'Thrive Capital', '王小川']) : `名${Math.floor(rand() * 300)}`;
    const m: LooseMention =
      kind === 'money' ? money(at, end, pickOf([{ value: 1.8e9, currency: 'USD' }, { min: 2e8, max: 9e8, currency: 'USD' }, { value: 6.6e8, currency: 'CNY', mod: 'APPROX' }]))
      : kind === 'date' ? date(at, end, pickOf([{ value: '2024' }, { value: 'XXXX-03-19', resolved: '2024-03-19' }, { value: '2021', mod: 'START' }]))
      : { type: kind, start: at, end, text: name, name };
    if (rand() < 0.15) m.optional = true;
    gold.push(m);
  }
  const pred: LooseMention[] = [];
  for (const g of gold) {
    const { optional: _optional, ...m } = g;
    const r = rand();
    if (r < 0.15) continue; // missed
    if (r < 0.2) pred.push({ ...m, end: m.end + 1 }); // wrong span (FP + FN, or excused by an optional)
    else if (r < 0.25) pred.push({ ...m, start: m.start + 1, end: m.end + 1 }); // overlapping, different start
    else if (r < 0.35) pred.push({ ...m, mod: 'MORE_THAN' }); // extra mod on a value type
    else if (r < 0.45) pred.push({ ...m, value: typeof m.value === 'number' ? m.value * 1.0000001 : '2025' });
    else if (r < 0.5) pred.push({ ...m, resolved: '2024-01-01' });
    else if (r < 0.55) pred.push({ ...m, name: `${m.name} X` }); // wrong entity name
    else if (r < 0.6) pred.push({ ...m, name: undefined, text: ` ${m.text}` }); // no name: text stands in, spaces dropped
    else pred.push(m);
    if (rand() < 0.1) pred.push({ ...m, start: m.start + 5, end: m.end + 5 }); // spurious
  }
  return { gold, pred };
}

describe('parity with shared/score.mjs', () => {
  it('finds the reference scorer', () => {
    expect(existsSync(REFERENCE), `reference scorer missing at ${REFERENCE}`).toBe(true);
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'zhx-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'gold'));
  mkdirSync(path.join(dir, 'pred'));
  const rand = rng(20240419);
  for (let i = 0; i < 40; i++) {
    const { gold, pred } = randomDoc(rand);
    const id = `doc${String(i).padStart(2, '0')}`;
    writeFileSync(path.join(dir, 'gold', `${id}.json`), JSON.stringify({ doc: `corpus/${id}.txt`, mentions: gold }));
    // the three prediction shapes score.mjs accepts
    const shaped = i % 3 === 0 ? pred : i % 3 === 1 ? { script: 'hans', mentions: pred, entities: [] } : { result: { mentions: pred } };
    writeFileSync(path.join(dir, 'pred', `${id}.json`), JSON.stringify(shaped));
  }

  for (const types of [undefined, ['company', 'money'] as const]) {
    it(`gives identical numbers (types: ${types?.join(',') ?? 'all'})`, () => {
      const pairs = loadPairs(path.join(dir, 'gold'), path.join(dir, 'pred'), () => {});
      const files = pairs.flatMap((p) => [path.join(dir, 'gold', `${p.id}.json`), path.join(dir, 'pred', `${p.id}.json`)]);
      const args = [REFERENCE, ...files, '--json', ...(types ? ['--types', types.join(',')] : [])];
      const reference = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
      const ours = scoreDocuments(pairs, types).perType;
      expect(Object.keys(ours)).toEqual(Object.keys(reference));
      for (const [t, ref] of Object.entries(reference)) {
        const { errors, ...numbers } = ref;
        expect(ours[t as keyof typeof ours], t).toEqual(JSON.parse(JSON.stringify(numbers)));
        // the error lists hold the same number of FP/FN/VAL records
        expect(scoreDocuments(pairs, types).errors.filter((e) => e.type === t)).toHaveLength((errors as unknown[]).length);
      }
      // the random corpus must exercise every path, or parity proves little
      const all = scoreDocuments(pairs, types);
      for (const kind of ['FP', 'FN', ...(types ? [] : ['VAL'])]) expect(all.errors.some((e) => e.kind === kind), kind).toBe(true);
      expect(all.perType.company?.entityF1).toBeLessThan(1);
    });
  }
});

// ---- the command -----------------------------------------------------------------------------

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  return runEval(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }).then((code) => ({ code, out, err }));
}

describe('zhx eval', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhx-evalcli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const sub of ['gold', 'pred']) mkdirSync(path.join(dir, sub));
  const gold = { mentions: [co(0, 2, '百度'), co(5, 7, '阿里'), money(10, 14, { value: 1e8, currency: 'CNY' })] };
  const pred = { mentions: [co(0, 2, '百度'), money(10, 14, { value: 1e8, currency: 'CNY', mod: 'APPROX' })] };
  writeFileSync(path.join(dir, 'gold', 'a.json'), JSON.stringify(gold));
  writeFileSync(path.join(dir, 'pred', 'a.json'), JSON.stringify(pred));
  writeFileSync(path.join(dir, 'pred', 'extra.json'), '[]');
  const G = path.join(dir, 'gold');
  const P = path.join(dir, 'pred');

  it('prints a table, warns about extra predictions, lists errors with --errors', async () => {
    const r = await run(['--gold', G, '--pred', P, '--errors']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/company\s+1\s+0\s+1\s+1\.000\s+0\.500\s+0\.667/);
    expect(r.out).toContain('FN  a company 5-7 阿里');
    expect(r.out).toContain('mod: gold - pred "APPROX"');
    expect(r.err).toContain('extra.json');
  });

  it('prints JSON with --json', async () => {
    const r = await run(['--gold', G, '--pred', P, '--json', '--types', 'money']);
    expect(JSON.parse(r.out)).toEqual({ perType: { money: { tp: 1, fp: 0, fn: 0, P: 1, R: 1, F1: 1, valueAcc: 0 } } });
  });

  it('exits 1 below --min-f1, naming the type, and 0 at or above it', async () => {
    const low = await run(['--gold', G, '--pred', P, '--min-f1', '0.9']);
    expect(low.code).toBe(1);
    expect(low.err).toContain('company F1=0.667');
    expect(low.err).not.toContain('person'); // nothing to score for person: not judged
    expect((await run(['--gold', G, '--pred', P, '--min-f1', '0.6'])).code).toBe(0);
  });

  it('exits 2 naming a gold file with no prediction, bad JSON, or bad usage', async () => {
    writeFileSync(path.join(G, 'b.json'), JSON.stringify(gold));
    const missing = await run(['--gold', G, '--pred', P]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(path.join(G, 'b.json'));
    writeFileSync(path.join(P, 'b.json'), '{"mentions": [');
    const bad = await run(['--gold', G, '--pred', P]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(path.join(P, 'b.json'));
    for (const argv of [[], ['--gold', G], ['--gold', G, '--pred', P, '--min-f1', 'x'], ['--gold', G, '--pred', P, '--types', 'org'], ['--bogus'], ['--gold', G, '--pred', P, '--html']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('usage: zhx eval');
    }
  });
});
