/**
 * Two builds side by side: each built dist/ folder gets its own one-thread pool in
 * this process, and timed passes over the bench corpus alternate between them. On a
 * shared machine whose speed drifts over minutes, this is the comparison that means
 * something; two `npm run bench` runs minutes apart do not.
 *
 *   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
 *   npm run build && npx tsx bench/perf/ab.ts /tmp/base/dist dist
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { articles, paragraphPool } from './corpus.js';

type ProcessorModule = typeof import('../../src/batch/processor.js');
type Processor = Awaited<ReturnType<ProcessorModule['startProcessor']>>;

const builds = process.argv.slice(2).map((d) => path.resolve(d));
if (builds.length < 2) {
  console.error('usage: npx tsx bench/perf/ab.ts <dist folder> <dist folder> ...');
  process.exit(2);
}
const ROUNDS = 6;
const WARM_PASSES = 3;
const texts = articles(paragraphPool(), 4000, 4, 14);

const processors: Processor[] = [];
for (const dir of builds) {
  const { startProcessor } = (await import(pathToFileURL(path.join(dir, 'batch/processor.js')).href)) as ProcessorModule;
  processors.push(await startProcessor({ useLexicon: true }, 1, { eager: true }));
}

/** Milliseconds per article of one pass, 64 articles in flight as `zhx extract` keeps them. */
async function pass(processor: Processor): Promise<number> {
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < texts.length) {
      const r = await processor.run({ source: 'ab', text: texts[next++]!, refDate: '2024-04', want: { compact: true } });
      if (!r.ok) throw new Error(r.message);
    }
  };
  await Promise.all(Array.from({ length: 64 }, lane));
  return (performance.now() - start) / texts.length;
}

// warm-up: V8 reaches its steady state after a few thousand articles (see pipeline.ts)
for (let i = 0; i < WARM_PASSES; i++) for (const p of processors) await pass(p);
const times: number[][] = builds.map(() => []);
for (let round = 0; round < ROUNDS; round++) for (const [i, p] of processors.entries()) times[i]!.push(await pass(p));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const base = median(times[0]!);
for (const [i, dir] of builds.entries()) {
  const m = median(times[i]!);
  console.log(`${dir}: median ${m.toFixed(3)} ms per article (${((m / base - 1) * 100).toFixed(1)}% against the first), passes ${times[i]!.map((t) => t.toFixed(3)).join(' ')}`);
}
await Promise.all(processors.map((p) => p.close()));
