/**
 * The full pipeline through the batch layer's thread pool (dist/), as
 * `zhx extract` runs it: tasks go to N threads with a bounded window and the
 * threads return serialised JSON.
 */
import { loadDist } from './dist.js';
import { rate, type Rate } from './measure.js';

type ProcessorModule = typeof import('../../src/batch/processor.js');
export type Processor = Awaited<ReturnType<ProcessorModule['startProcessor']>>;

/** All threads started at once; startupMs is until the first one answers. */
export async function startPool(threads: number, warmText: string): Promise<{ processor: Processor; startupMs: number }> {
  const { startProcessor } = await loadDist<ProcessorModule>('batch/processor.js');
  const start = performance.now();
  const processor = await startProcessor({ useLexicon: true }, threads, { eager: true });
  const startupMs = performance.now() - start;
  // one long task per thread at once: a thread that is still loading gets its own
  // (a short task would be done by the first thread before the others are ready)
  await Promise.all(Array.from({ length: threads }, () => processor.run({ source: 'warm-up', text: warmText, want: {} })));
  return { processor, startupMs };
}

/**
 * One timed pass of `texts` through the pool with `window` in flight, each result
 * serialised as JSON Lines would be.
 *
 * cpuSeconds: the whole process's CPU time over the pass (threads and coordinator).
 * On a machine shared with other work, wall-clock scaling says little; characters
 * per CPU-second show whether more threads waste work (contention) or just wait.
 */
export async function timedPass(processor: Processor, texts: readonly string[], window: number, want: object = { compact: true }): Promise<Rate & { cpuSeconds: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  let chars = 0;
  const lane = async () => {
    while (next < texts.length) {
      const text = texts[next++]!;
      const r = await processor.run({ source: 'bench', text, refDate: '2024-04', want });
      if (!r.ok) throw new Error(r.message);
      chars += text.length;
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
  const used = process.cpuUsage(cpu);
  return { ...rate(texts.length, chars, (performance.now() - start) / 1000), cpuSeconds: (used.user + used.system) / 1e6 };
}

// warm-up blocks: 1000 articles per thread each, at most this many
const WARM_BLOCK_PER_THREAD = 1000;
const MAX_WARM_BLOCKS = 12;

/**
 * Bring the pool's threads to their steady state; returns how many articles it took.
 *
 * Every thread compiles the extractor's code on its own, and V8 gets there only after
 * thousands of articles, later still when every core is busy extracting (its background
 * compiler then waits for CPU). Measured on this bench's corpus: one thread ran the first
 * 1000 articles at 1.7 ms each, the next 1000 at 0.87 and 0.65 from about 3000 on; two
 * threads after 3000 articles each still spent 1.0 ms of CPU per article, 0.67 after
 * 8000. So blocks are run until two in a row have rates within 5% (at most
 * MAX_WARM_BLOCKS); archives run for minutes, and start-up is measured apart.
 */
export async function warmUp(processor: Processor, texts: readonly string[], window: number): Promise<number> {
  const blockSize = WARM_BLOCK_PER_THREAD * Math.max(1, processor.threads);
  let warmArticles = 0;
  let previous = 0;
  for (let block = 0; block < MAX_WARM_BLOCKS; block++) {
    const from = warmArticles % texts.length;
    const blockTexts = Array.from({ length: blockSize }, (_, i) => texts[(from + i) % texts.length]!);
    const { articlesPerSec } = await timedPass(processor, blockTexts, window);
    warmArticles += blockSize;
    if (previous > 0 && Math.abs(articlesPerSec - previous) / previous < 0.05) break;
    previous = articlesPerSec;
  }
  return warmArticles;
}
