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
import { errorMessage } from './errorMessage.js';
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

const LOADER_FLAGS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader']);

/** process.execArgv without tsx's loader flags (`--import tsx`, `--require .../tsx/...`, `--import=...`). */
export function withoutTsx(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (LOADER_FLAGS.has(arg) && argv[i + 1]?.includes('tsx')) i++;
    else if (!(arg.startsWith('-') && arg.includes('=') && LOADER_FLAGS.has(arg.slice(0, arg.indexOf('='))) && arg.includes('tsx'))) out.push(arg);
  }
  return out;
}

/**
 * piscina's threads load the task file with require() first and fall back to import();
 * on Node versions with require(esm) (20.19 and later) require() succeeds on our ES
 * module, and extraction loaded that way ran 7-11% slower in a thread than the same
 * code loaded by import() (bench corpus, both orders, four processes; the cause lies in
 * Node or V8, not in our code). Threads started without require(esm) import it instead.
 * The flag is asked for only where this Node knows it, so a Node that drops it still starts.
 */
const IMPORT_NOT_REQUIRE = process.allowedNodeEnvironmentFlags.has('--experimental-require-module') ? ['--no-experimental-require-module'] : [];

/**
 * Running from TypeScript sources (tsx, vitest), the worker file is worker.ts and
 * plain worker threads cannot load it: give them tsx's loader. Running the built
 * dist/ from a tsx process (the benchmarks), the threads do without it: in a worker
 * thread tsx's loader made extraction about 25% slower (measured with the bench corpus).
 */
function workerScript(): { filename: string; execArgv: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const filename = new URL(`./worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  if (!fromSources) return { filename, execArgv: [...withoutTsx(process.execArgv), ...IMPORT_NOT_REQUIRE] };
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  if (hasTsx) return { filename, execArgv: process.execArgv };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: [...process.execArgv, '--import', tsx] };
}

/** A piscina pool of extraction threads. */
function createPool(config: ExtractorConfig, options: { min: number; max: number; perThread: number; idleMs: number }) {
  const { filename, execArgv } = workerScript();
  return new Piscina<readonly ArticleTask[], PoolReply[]>({
    filename,
    execArgv,
    workerData: config,
    minThreads: options.min,
    maxThreads: options.max,
    idleTimeout: options.idleMs,
    concurrentTasksPerWorker: options.perThread,
  });
}

export interface ProcessorOptions {
  /** start every thread at once (long-running workers, benchmarks) */
  eager?: boolean;
  /** notes for the user's stderr: a thread that died and what became of its articles */
  log?: (message: string) => void;
}

/** An article waiting to be sent to a thread, with its caller's promise. */
interface Waiting {
  task: ArticleTask;
  resolve(outcome: ArticleOutcome): void;
  reject(err: unknown): void;
}

// a batch is small enough that a thread never holds much text and the window stays busy
const MAX_BATCH_ARTICLES = 16;
const MAX_BATCH_CHARS = 256 * 1024;
const PER_THREAD = 2;

/**
 * A thread that dies (an uncaught exception, process.exit in the thread, a crash in
 * a native addon that takes only the thread) makes piscina reject every task that
 * thread held, with the thread's error or "worker exited with code: N", and start a
 * replacement. handle() in worker.ts never rejects for a bad article (that is
 * { ok: false }), so any rejection while the pool is open means a dead thread.
 * Each task it held is retried once on a separate one-thread pool, alone, so the
 * retry of an innocent article that merely shared the thread cannot be killed by
 * the article that crashed it; a second death is that article's error record.
 */
function poolProcessor(config: ExtractorConfig, threads: number, { eager = false, log }: ProcessorOptions): Processor {
  const pool = createPool(config, {
    // lazy: one thread at first, and piscina adds threads (up to `threads`) while tasks
    // wait, so one article costs one thread's start-up and memory and a big batch gets
    // them all; eager: all threads load at once
    min: eager ? threads : 1,
    max: threads,
    // threads hold a 250 MB dictionary each: once started, never let them idle out and reload
    idleMs: 2 ** 31 - 1,
    // a second batch queued inside each thread: it starts it as soon as one is done,
    // instead of idling until the main thread gets round to sending one; batches still
    // run one at a time
    perThread: PER_THREAD,
  });
  // started on the first death only: most runs never pay for its dictionary
  let retryPool: Piscina<readonly ArticleTask[], PoolReply[]> | undefined;
  let closing = false;
  // piscina emits 'error' for a thread that died holding no task (nothing is lost: it is
  // replaced) and for a reply it cannot match; unhandled, the event would end the process
  const onPoolError = (err: Error) => {
    if (!closing) log?.(`warning: an extraction thread failed between articles and was replaced (${err.message})`);
  };
  pool.on('error', onPoolError);

  const reply = (r: PoolReply): ArticleOutcome => {
    if ('fatal' in r) throw new ConfigError(r.fatal);
    return r;
  };
  const died = (err: unknown) => (err instanceof Error ? err.message : String(err));

  /** One article alone on the retry thread, after the thread that held it died. */
  const retryAlone = async (task: ArticleTask, first: unknown): Promise<ArticleOutcome> => {
    log?.(`warning: ${task.source}: the extraction thread died (${died(first)}); retrying the article once on a fresh thread`);
    if (!retryPool) {
      // min 1: piscina replaces a dead thread only up to minThreads, and tasks already
      // queued do not start one, so with min 0 the retries after a death would wait forever
      retryPool = createPool(config, { min: 1, max: 1, perThread: 1, idleMs: 2 ** 31 - 1 });
      retryPool.on('error', onPoolError);
    }
    try {
      return reply((await retryPool.run([task]))[0]!);
    } catch (err) {
      if (closing || err instanceof ConfigError) throw err;
      return { ok: false, message: errorMessage(task.source, new Error(`the extraction thread died on this article twice (${died(first)}; then ${died(err)}); not retried again`)) };
    }
  };

  // Articles go to the threads in batches: one message each way per batch instead of
  // per article, which on short articles was a third of the coordinator's work. At most
  // PER_THREAD batches per thread are out; articles arriving meanwhile wait here and
  // leave together as the next batch when one comes back (a batch of one when idle).
  const slots = threads * PER_THREAD;
  let waiting: Waiting[] = [];
  let busy = 0;
  let flushScheduled = false;
  const dispatch = async (batch: Waiting[]) => {
    busy++;
    let replies: PoolReply[];
    try {
      replies = await pool.run(batch.map((w) => w.task));
    } catch (err) {
      // a dead thread (or closing): every article it held is retried alone
      for (const w of batch) {
        if (closing || err instanceof ConfigError) w.reject(err);
        else retryAlone(w.task, err).then(w.resolve, w.reject);
      }
      return;
    } finally {
      busy--;
      scheduleFlush();
    }
    batch.forEach((w, i) => {
      try {
        w.resolve(reply(replies[i]!));
      } catch (err) {
        w.reject(err);
      }
    });
  };
  const flush = () => {
    flushScheduled = false;
    while (waiting.length > 0 && busy < slots) {
      const size = Math.min(MAX_BATCH_ARTICLES, Math.ceil(waiting.length / (slots - busy)));
      let n = 0;
      let chars = 0;
      while (n < waiting.length && n < size) {
        chars += waiting[n]!.task.text?.length ?? waiting[n]!.task.bytes?.length ?? 0;
        if (n > 0 && chars > MAX_BATCH_CHARS) break;
        n++;
      }
      void dispatch(waiting.slice(0, n));
      waiting = waiting.slice(n);
    }
  };
  // articles submitted in the same turn of the event loop can share a batch
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  return {
    threads,
    run(task) {
      return new Promise<ArticleOutcome>((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        scheduleFlush();
      });
    },
    async close() {
      closing = true;
      await Promise.all([pool.destroy(), retryPool?.destroy()]);
    },
  };
}

async function inlineProcessor(config: ExtractorConfig): Promise<Processor> {
  const { createArticleProcessor } = await import('./articleProcessor.js');
  let extractBatch: (tasks: readonly ArticleTask[]) => ArticleOutcome[];
  try {
    extractBatch = createArticleProcessor(config);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  return {
    threads: 0,
    async run(task) {
      await nextTurn(); // let reads and writes progress between articles
      return extractBatch([task])[0]!;
    },
    close: async () => undefined,
  };
}

/** Start the threads and check the configuration (rules) loads before any article is read. */
export async function startProcessor(config: ExtractorConfig, workers: number, options: ProcessorOptions = {}): Promise<Processor> {
  if (workers <= 0) return inlineProcessor(config);
  const processor = poolProcessor(config, workers, options);
  try {
    // any thread's answer shows whether the rules load; a bad --rules fails here, once
    const check = await processor.run({ source: 'startup check', text: '', want: {} });
    // an empty text cannot fail: threads that die even on it cannot do the run
    if (!check.ok) throw new Error(`the extraction threads do not work: ${check.message}`);
  } catch (err) {
    await processor.close();
    throw err;
  }
  return processor;
}
