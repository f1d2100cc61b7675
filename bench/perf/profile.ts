/**
 * Where the pipeline's time goes: V8's sampling CPU profiler around
 * extractor.extract over the bench corpus, self time grouped by stage (the source
 * folder: convert, segment, extractors/money ...; packages by name). Grouping by
 * file keeps this correct however the pipeline is refactored.
 * It profiles the built dist/ (what users run; tsx-compiled sources add helpers).
 * Run alone: npx tsx bench/perf/profile.ts [articles]
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { articles, paragraphPool } from './corpus.js';
import { loadDist } from './dist.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const ENGINE = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

export interface StageProfile {
  articles: number;
  chars: number;
  msPerArticle: number;
  stages: { stage: string; msPerArticle: number; share: number }[];
  functions: { fn: string; msPerArticle: number; share: number }[];
}

function stageOf(url: string): string {
  if (url === '') return '(engine: gc, program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return `pkg:${pkg}`;
  const src = /\/(?:src|dist)\/(.+)$/.exec(url)?.[1];
  if (src) {
    const parts = src.split('/');
    return parts[0] === 'extractors' || parts[0] === 'refiners' ? `${parts[0]}/${parts[1]!.replace(/\.[jt]s$/, '')}` : parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.[jt]s$/, '');
  }
  return url.startsWith('node:') ? 'node internals' : url;
}

type Extractor = ReturnType<typeof import('../../src/index.js').createExtractor>;

export async function profilePipeline(extractor: Extractor, texts: readonly string[], refDate = '2024-04'): Promise<StageProfile> {
  // warm-up: V8 reaches its steady state after a few thousand articles (see pipeline.ts)
  for (let i = 0; i < 3000; i++) extractor.extract(texts[i % texts.length]!, { refDate });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const start = performance.now();
  let chars = 0;
  for (const t of texts) {
    extractor.extract(t, { refDate });
    chars += t.length;
  }
  const ms = performance.now() - start;
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  session.disconnect();

  const hits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const perHit = ms / Math.max(1, hits) / texts.length;
  const stages = new Map<string, number>();
  const fns = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  // native code (jieba's C++, regexp and JSON builtins) has no url: charge it to its JS caller
  const owner = (node: ProfileNode): ProfileNode => {
    let n: ProfileNode | undefined = node;
    for (let i = 0; i < 50 && n && n.callFrame.url === '' && !ENGINE.has(n.callFrame.functionName); i++) n = parent.get(n.id);
    return n ?? node;
  };
  for (const node of profile.nodes) {
    const h = node.hitCount ?? 0;
    if (h === 0 || node.callFrame.functionName === '(idle)') continue;
    const at = owner(byId.get(node.id)!);
    const stage = stageOf(at.callFrame.url);
    stages.set(stage, (stages.get(stage) ?? 0) + h);
    const file = at.callFrame.url.replace(/^.*\/(src|dist|node_modules)\//, '$1/');
    const fn = `${at.callFrame.functionName || '(anonymous)'} ${file}:${at.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + h);
  }
  const rows = <K extends string>(m: Map<string, number>, key: K, top: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, h]) => ({ [key]: k, msPerArticle: h * perHit, share: h / hits }) as { [P in K]: string } & { msPerArticle: number; share: number });
  return { articles: texts.length, chars, msPerArticle: ms / texts.length, stages: rows(stages, 'stage', 14), functions: rows(fns, 'fn', Number(process.env.TOPFN ?? 15)) };
}

export function printProfile(p: StageProfile, log: (s: string) => void = console.log): void {
  log(`pipeline on the main thread: ${p.msPerArticle.toFixed(2)} ms per article (${Math.round(p.chars / p.articles)} characters), self time by stage:`);
  for (const s of p.stages) log(`  ${s.stage.padEnd(30)} ${s.msPerArticle.toFixed(3).padStart(8)} ms  ${(s.share * 100).toFixed(1).padStart(5)}%`);
  log('hottest functions (self time):');
  for (const f of p.functions) log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.msPerArticle.toFixed(3)} ms  ${f.fn}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 300);
  const { createExtractor } = await loadDist<typeof import('../../src/index.js')>('index.js');
  printProfile(await profilePipeline(createExtractor(), articles(paragraphPool(), n, 4, 14)));
}
