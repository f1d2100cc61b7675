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

let processArticle: ((task: ArticleTask) => ArticleOutcome) | undefined;
let fatal: string | undefined;
try {
  processArticle = createArticleProcessor(workerData as ExtractorConfig);
} catch (err) {
  // a bad rule folder: every task reports it, and the coordinator stops the run
  fatal = err instanceof Error ? err.message : String(err);
}

export default function handle(task: ArticleTask): PoolReply {
  if (fatal !== undefined || !processArticle) return { fatal: fatal ?? 'extractor not initialised' };
  return processArticle(task);
}
