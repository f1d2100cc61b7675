/**
 * Entry point of a pool thread (piscina). Each thread builds its own extractor
 * once, when the thread starts, so threads load in parallel. nodejieba is a
 * context-aware N-API addon: every thread gets its own instance and dictionary
 * (~250 MB each), which is why --workers trades memory for speed.
 */
import { workerData } from 'node:worker_threads';
import { createArticleProcessor } from './articleProcessor.js';
import type { ArticleOutcome, ArticleTask, ExtractorConfig } from './task.js';

export type PoolReply = ArticleOutcome | { fatal: string };

let processArticles: ((tasks: readonly ArticleTask[]) => ArticleOutcome[]) | undefined;
let fatal: string | undefined;
try {
  processArticles = createArticleProcessor(workerData as ExtractorConfig);
} catch (err) {
  // a bad rule folder: every task reports it, and the coordinator stops the run
  fatal = err instanceof Error ? err.message : String(err);
}

/**
 * TEST ONLY, not a user feature: ZHX_TEST_CRASH_ON=<text> kills this thread on every
 * article whose id (JSON Lines) or doc (files) contains <text>, the way a bug in a
 * dependency or a native crash confined to the thread would, so tests can check that
 * the pool replaces the thread and retries the article (processor.ts). The thread
 * dies of an uncaught exception, or with ZHX_TEST_CRASH_MODE=exit by process.exit.
 * The crash happens outside the task, as a real one would (piscina sees a dead
 * thread, not a failed task), and the task never answers: that also keeps the
 * thread in its event loop, where the timer can fire (piscina parks an idle thread
 * in a blocking Atomics.wait, so a thread cannot be made to die between tasks).
 */
const crashOn = process.env.ZHX_TEST_CRASH_ON || undefined;
const crashByExit = process.env.ZHX_TEST_CRASH_MODE === 'exit';

function crash(task: ArticleTask): Promise<never> {
  return new Promise(() => {
    setImmediate(() => {
      if (crashByExit) process.exit(70);
      throw new Error(`test crash on ${task.source} (ZHX_TEST_CRASH_ON)`);
    });
  });
}

/** A batch of articles in, one reply per article out, in order (one message each way per batch). */
export default function handle(batch: readonly ArticleTask[]): PoolReply[] | Promise<never> {
  const crashing = crashOn === undefined ? undefined : batch.find((task) => (task.id ?? task.doc ?? '').includes(crashOn));
  if (crashing) return crash(crashing);
  if (fatal !== undefined || !processArticles) return batch.map(() => ({ fatal: fatal ?? 'extractor not initialised' }));
  return processArticles(batch);
}
