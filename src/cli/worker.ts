/**
 * `zhx worker`: take chunk jobs from the queue and write one result file per
 * article under --out. Run any number, on any machines (sharing --out, or each
 * with its own).
 *
 * Idempotency: a result is written atomically to --out/<name>.json, and an
 * article whose file exists is skipped. A job retried after a failure, or taken
 * over after its worker died (BullMQ's stalled-job check, after --lock-ms), thus
 * redoes only what is missing, and no article ever has two results.
 * Failures: a bad article is recorded in the zhx:<queue>:article-errors hash (and
 * cleared there if a later try succeeds) without failing its job; a job that
 * throws (disk full, a crashed thread) is retried --attempts times (set by
 * `queue add`) with exponential backoff, then kept in BullMQ's failed set.
 * `zhx queue errors` lists both.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import { runBatch } from '../batch/run.js';
import { removePartialDir } from '../batch/atomicWrite.js';
import { startProcessor, defaultWorkers } from '../batch/processor.js';
import { articleErrorsKey, connection, DEFAULT_QUEUE, loadBullmq, redisOf, type ChunkJob, type ChunkResult, type QueueArticle } from '../batch/queue.js';
import type { Article } from './inputs.js';
import type { CliIO } from './extract.js';

export const WORKER_USAGE = `usage: zhx worker --redis URL --out DIR [options]
  --redis URL        redis://[user:password@]host:port[/db]
  --queue NAME       queue name (default ${DEFAULT_QUEUE})
  --out DIR          write DIR/<name>.json per article; existing results are skipped
  --workers N        extraction threads (default: the core count; 0 = main thread)
  --concurrency N    jobs taken at once (default 2, so threads never wait between jobs)
  --lock-ms MS       a job whose worker stops renewing its lock this long is given to
                     another worker (default 30000)
  --exit-when-done   exit once no job is waiting, active or delayed
  --no-lexicon, --rules DIR   as for zhx extract
  -q, --quiet        no line per job`;

const int = (value: string | undefined, fallback: number, name: string, min: number, max: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
};

export async function runWorker(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string', default: DEFAULT_QUEUE },
      out: { type: 'string' },
      workers: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-ms': { type: 'string' },
      'exit-when-done': { type: 'boolean', default: false },
      'no-lexicon': { type: 'boolean', default: false },
      rules: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(WORKER_USAGE);
    return 0;
  }
  if (values.redis === undefined || values.out === undefined) throw new Error(`--redis and --out are required\n${WORKER_USAGE}`);
  const outDir = path.resolve(io.cwd, values.out);
  const threads = int(values.workers, defaultWorkers(), '--workers', 0, 256);
  const concurrency = int(values.concurrency, 2, '--concurrency', 1, 64);
  const lockMs = int(values['lock-ms'], 30_000, '--lock-ms', 1000, 3_600_000);
  const conn = connection(values.redis);
  const { Queue, Worker } = await loadBullmq();

  // load the rules and dictionaries before taking any job
  const processor = await startProcessor({ useLexicon: !values['no-lexicon'], ...(values.rules !== undefined && { rulesDir: path.resolve(io.cwd, values.rules) }) }, threads, { eager: true });
  const queue = new Queue(values.queue, { connection: conn });
  const redis = await redisOf(queue);
  const errorsKey = articleErrorsKey(values.queue);
  const totals: ChunkResult = { extracted: 0, skipped: 0, failed: 0 };

  async function processChunk(job: Job<ChunkJob>): Promise<ChunkResult> {
    const started = performance.now();
    const byId = new Map<string, QueueArticle>(job.data.articles.map((a) => [a.id, a]));
    const items: Article[] = job.data.articles.map(({ doc: _doc, ...a }) => a);
    const result: ChunkResult = { extracted: 0, skipped: 0, failed: 0 };
    const failures: Record<string, string> = {};
    const fine: string[] = [];
    await runBatch(items, {
      processor,
      outDir,
      resume: true,
      toTask: (a) => {
        const doc = byId.get(a.id)?.doc;
        return {
          source: a.source,
          text: a.text ?? '',
          ...(a.refDate !== undefined && { refDate: a.refDate }),
          ...(doc !== undefined ? { doc } : { id: a.id }),
          want: { pretty: true },
        };
      },
      onOutcome: (o) => {
        if (o.kind === 'failed') {
          result.failed++;
          failures[o.error.id] = JSON.stringify(o.error);
        } else {
          result[o.kind === 'done' ? 'extracted' : 'skipped']++;
          fine.push(o.article.id);
        }
      },
    });
    if (Object.keys(failures).length) await redis.hset(errorsKey, failures);
    if (fine.length) await redis.hdel(errorsKey, ...fine);
    for (const k of ['extracted', 'skipped', 'failed'] as const) totals[k] += result[k];
    if (!values.quiet) {
      io.stderr(`job ${job.id} (try ${job.attemptsMade + 1}): ${result.extracted} extracted, ${result.skipped} skipped, ${result.failed} failed in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    }
    return result;
  }

  const worker = new Worker<ChunkJob, ChunkResult>(values.queue, processChunk, {
    connection: conn,
    concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // a job whose worker died may be taken over twice before it counts as failed
    maxStalledCount: 2,
  });
  worker.on('failed', (job, err) => io.stderr(`job ${job?.id ?? '?'} failed (try ${job?.attemptsMade ?? '?'}): ${err.message}`));
  worker.on('error', (err) => io.stderr(`worker: ${err.message}`));

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait for the current jobs
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // wait for a signal, or (with --exit-when-done) for two idle checks in a row
  for (let idle = 0; !stopping; ) {
    await sleep(1000);
    if (!values['exit-when-done']) continue;
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized').catch((err: Error) => {
      io.stderr(`worker: cannot read the queue's counts: ${err.message}`);
      return { waiting: 1 } as Record<string, number>; // not idle: BullMQ reconnects, and we look again
    });
    const left = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
    idle = left === 0 ? idle + 1 : 0;
    if (idle >= 2) break;
  }
  await worker.close(); // lets the jobs in hand finish
  await queue.close();
  await processor.close();
  await removePartialDir(outDir);
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (!values.quiet) io.stderr(`worker done: ${totals.extracted} extracted, ${totals.skipped} skipped, ${totals.failed} failed`);
  return 0;
}
