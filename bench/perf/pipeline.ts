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

/** Push texts through the pool with `window` in flight; each result serialised as JSON Lines would be. */
/**
 * cpuSeconds: the whole process's CPU time over the run (threads and coordinator).
 * On a machine shared with other work, wall-clock scaling says little; characters
 * per CPU-second show whether more threads waste work (contention) or just wait.
 */
export async function runTexts(processor: Processor, texts: readonly string[], window: number, want = { compact: true }): Promise<Rate & { cpuSeconds: number }> {
  // warm-up: every thread compiles the extractor's code on its own, and V8 needs some
  // hundreds of articles per thread to reach its optimised code (a few dozen left the
  // timed run measuring the JIT, not the pipeline: 2 threads looked barely faster than 1)
  const warm = texts.slice(0, Math.min(texts.length, 500 * Math.max(1, processor.threads)));
  await Promise.all(Array.from({ length: Math.min(window, warm.length) }, async (_, lane) => {
    for (let i = lane; i < warm.length; i += window) await processor.run({ source: 'warm-up', text: warm[i]!, want });
  }));
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
