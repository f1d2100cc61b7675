/**
 * Runs articles on a pool of worker threads (piscina), or on the main thread with
 * workers = 0 (for debugging and tiny inputs). Callers bound how many tasks are
 * in flight; the pool's own queue therefore never grows beyond that bound.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleOutcome, ArticleTask, ExtractorConfig } from './task.js';
import type { PoolReply } from './worker.js';

export interface Processor {
  /** threads doing the work; 0 when running on the main thread */
  readonly threads: number;
  run(task: ArticleTask): Promise<ArticleOutcome>;
  close(): Promise<void>;
}

export class ConfigError extends Error {}

export const defaultWorkers = (): number => availableParallelism();

/**
 * Running from TypeScript sources (tsx, vitest), the worker file is worker.ts and
 * plain worker threads cannot load it: give them tsx's loader.
 */
function workerScript(): { filename: string; execArgv: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const filename = new URL(`./worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  if (!fromSources || hasTsx) return { filename, execArgv: process.execArgv };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: [...process.execArgv, '--import', tsx] };
}

function poolProcessor(config: ExtractorConfig, threads: number, eager: boolean): Processor {
  const { filename, execArgv } = workerScript();
  const pool = new Piscina<ArticleTask, PoolReply>({
    filename,
    execArgv,
    workerData: config,
    // lazy: one thread at first, and piscina adds threads (up to `threads`) while tasks
    // wait, so one article costs one thread's start-up and memory and a big batch gets
    // them all; eager (long-running workers, benchmarks): all threads load at once
    minThreads: eager ? threads : 1,
    maxThreads: threads,
    // threads hold a 250 MB dictionary each: once started, never let them idle out and reload
    idleTimeout: 2 ** 31 - 1,
    // a few tasks queued inside each thread: it starts the next article as soon as one is
    // done, instead of idling until the main thread gets round to sending it one (short
    // articles left threads waiting a third of the time); tasks still run one at a time
    concurrentTasksPerWorker: 4,
  });
  // piscina reports a crashed thread or a reply to a task it gave up on as an 'error'
  // event, which would kill the process: keep it for the next run(), or ignore it once
  // closing (a run stopped early, e.g. by a closed stdout, still has tasks in threads)
  let closing = false;
  let failure: Error | undefined;
  pool.on('error', (err: Error) => {
    if (!closing) failure ??= err;
  });
  return {
    threads,
    async run(task) {
      if (failure) throw failure;
      const reply = await pool.run(task);
      if ('fatal' in reply) throw new ConfigError(reply.fatal);
      return reply;
    },
    async close() {
      closing = true;
      await pool.destroy();
    },
  };
}

async function inlineProcessor(config: ExtractorConfig): Promise<Processor> {
  const { createArticleProcessor } = await import('./articleProcessor.js');
  let extractOne: (task: ArticleTask) => ArticleOutcome;
  try {
    extractOne = createArticleProcessor(config);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  return {
    threads: 0,
    async run(task) {
      await nextTurn(); // let reads and writes progress between articles
      return extractOne(task);
    },
    close: async () => undefined,
  };
}

/** Start the threads and check the configuration (rules) loads before any article is read. */
export async function startProcessor(config: ExtractorConfig, workers: number, { eager = false } = {}): Promise<Processor> {
  if (workers <= 0) return inlineProcessor(config);
  const processor = poolProcessor(config, workers, eager);
  try {
    // any thread's answer shows whether the rules load; a bad --rules fails here, once
    await processor.run({ source: 'startup check', text: '', want: {} });
  } catch (err) {
    await processor.close();
    throw err;
  }
  return processor;
}
