/**
 * `zhx queue add|status|errors|clear`: feed and inspect the distributed queue.
 *
 * add: articles are read here (files decoded here too) and sent as text in jobs of
 * --chunk articles. A job's id is a hash of its articles, so adding the same input
 * twice while its jobs are still kept does not queue them twice (and if it does,
 * the workers skip articles whose result exists).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Queue } from 'bullmq';
import { decode } from '../decode/index.js';
import { parseRefDate } from '../extractors/date/refDate.js';
import { articleErrorsKey, connection, DEFAULT_QUEUE, JOB_NAME, loadBullmq, redisOf, type ChunkJob, type QueueArticle } from '../batch/queue.js';
import { safeRelativeName } from '../batch/outputPath.js';
import { errorMessage } from '../batch/errorMessage.js';
import { isInputError, jsonlArticles, loadArticle, pathArticles, type InputItem } from './inputs.js';
import type { CliIO } from './extract.js';

export const QUEUE_USAGE = `usage: zhx queue COMMAND --redis URL [--queue NAME]
  add PATH... | --jsonl FILE|-   enqueue articles (files, folders, globs or JSON Lines)
      --chunk N                  articles per job (default 100)
      --attempts N               tries per job before it is failed (default 3;
                                 exponential backoff from 1 s)
      --ref-date D               date for articles that give none
  status [--json]                job counts and the number of failed articles
  errors                         failed articles and failed jobs, as JSON Lines
  clear                          delete the queue, its jobs and its error records
  --redis URL                    redis://[user:password@]host:port[/db]
  --queue NAME                   queue name (default ${DEFAULT_QUEUE})`;

const jobId = (articles: QueueArticle[]) => createHash('sha256').update(JSON.stringify(articles)).digest('hex').slice(0, 32);

async function toQueueArticle(item: InputItem, jsonl: boolean, refDate: string | undefined): Promise<QueueArticle> {
  if (isInputError(item)) throw new Error(item.message);
  const loaded = await loadArticle(item);
  const text = loaded.text ?? decode(loaded.bytes ?? new Uint8Array(), { source: item.source }).text;
  const date = loaded.refDate ?? refDate;
  return {
    id: item.id,
    source: item.source,
    relativeName: item.relativeName,
    text,
    ...(date !== undefined && { refDate: date }),
    ...(!jsonl && { doc: item.source }),
  };
}

async function add(queue: Queue, positionals: string[], values: Record<string, string | boolean | undefined>, io: CliIO): Promise<number> {
  const jsonl = values.jsonl as string | undefined;
  const chunk = Number(values.chunk ?? 100);
  const attempts = Number(values.attempts ?? 3);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > 10_000) throw new Error('--chunk must be from 1 to 10000');
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) throw new Error('--attempts must be from 1 to 100');
  const refDate = values['ref-date'] as string | undefined;
  if (refDate !== undefined) parseRefDate(refDate);
  if ((jsonl === undefined) === (positionals.length === 0)) throw new Error('give PATHs or --jsonl FILE');
  const items = jsonl !== undefined ? jsonlArticles(jsonl === '-' ? '-' : path.resolve(io.cwd, jsonl), io.stdin, jsonl) : pathArticles(positionals, io.cwd);

  // output names must be unique across the whole input: a worker skips an article whose file exists
  const names = new Map<string, string>();
  let batch: QueueArticle[] = [];
  let pendingJobs: { name: string; data: ChunkJob; opts: object }[] = [];
  let articles = 0;
  let jobs = 0;
  let failed = 0;
  const flushJobs = async () => {
    if (pendingJobs.length) await queue.addBulk(pendingJobs);
    pendingJobs = [];
  };
  const endChunk = async () => {
    if (batch.length === 0) return;
    pendingJobs.push({
      name: JOB_NAME,
      data: { articles: batch },
      opts: { jobId: jobId(batch), attempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 10_000 }, removeOnFail: false },
    });
    jobs++;
    batch = [];
    if (pendingJobs.length >= 10) await flushJobs();
  };
  for await (const item of items) {
    try {
      const article = await toQueueArticle(item, jsonl !== undefined, refDate);
      const name = safeRelativeName(article.relativeName);
      const earlier = names.get(name);
      if (earlier !== undefined) throw new Error(`output name ${JSON.stringify(article.relativeName)} already used by ${earlier}`);
      names.set(name, article.source);
      batch.push(article);
      articles++;
      if (batch.length >= chunk) await endChunk();
    } catch (err) {
      failed++;
      io.stderr(`error: ${errorMessage(item.source, err)}`);
    }
  }
  await endChunk();
  await flushJobs();
  io.stderr(`${articles} article(s) in ${jobs} job(s) added to queue ${queue.name}${failed ? `, ${failed} could not be read` : ''}`);
  return failed > 0 ? 1 : 0;
}

async function status(queue: Queue, json: boolean, io: CliIO): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
  const articleErrors = Object.keys(await (await redisOf(queue)).hgetall(articleErrorsKey(queue.name))).length;
  const all = { queue: queue.name, ...counts, articleErrors };
  if (json) io.stdout(JSON.stringify(all));
  else io.stdout(Object.entries(all).map(([k, v]) => `${k.padEnd(14)} ${v}`).join('\n'));
  return 0;
}

async function errors(queue: Queue, io: CliIO): Promise<number> {
  const records = await (await redisOf(queue)).hgetall(articleErrorsKey(queue.name));
  for (const value of Object.values(records)) io.stdout(value);
  // bounded pages: a queue may hold many failed jobs
  for (let start = 0; start < 1_000_000; start += 500) {
    const failedJobs = await queue.getFailed(start, start + 499);
    for (const job of failedJobs) {
      const ids = ((job.data as ChunkJob).articles ?? []).map((a) => a.id);
      io.stdout(JSON.stringify({ job: job.id, attempts: job.attemptsMade, message: job.failedReason, articles: ids }));
    }
    if (failedJobs.length < 500) break;
  }
  return 0;
}

export async function runQueue(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string', default: DEFAULT_QUEUE },
      jsonl: { type: 'string' },
      chunk: { type: 'string' },
      attempts: { type: 'string' },
      'ref-date': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...paths] = positionals;
  if (values.help || command === undefined) {
    io.stdout(QUEUE_USAGE);
    return values.help ? 0 : 2;
  }
  if (!['add', 'status', 'errors', 'clear'].includes(command)) throw new Error(`unknown queue command "${command}"\n${QUEUE_USAGE}`);
  if (values.redis === undefined) throw new Error('--redis URL is required');
  const { Queue } = await loadBullmq();
  const queue = new Queue(values.queue, { connection: connection(values.redis) });
  try {
    switch (command) {
      case 'add':
        return await add(queue, paths, values, io);
      case 'status':
        return await status(queue, values.json, io);
      case 'errors':
        return await errors(queue, io);
      default:
        await queue.obliterate({ force: true });
        await (await redisOf(queue)).del(articleErrorsKey(queue.name));
        io.stderr(`queue ${queue.name} cleared`);
        return 0;
    }
  } finally {
    await queue.close();
  }
}
