/**
 * The distributed form of a batch: BullMQ over Redis. `zhx queue add` puts
 * articles (their text, so workers need no shared input files) in chunk jobs;
 * `zhx worker` processes (see src/cli/worker.ts for retries and idempotency).
 *
 * Keys: BullMQ's own under bull:<queue>:*, plus one hash of per-article errors,
 * zhx:<queue>:article-errors (field = article id, value = the error record).
 */
import type { ConnectionOptions, Queue } from 'bullmq';

export const DEFAULT_QUEUE = 'zhx-extract';
export const JOB_NAME = 'extract';

/** One article as a queue job carries it. */
export interface QueueArticle {
  id: string;
  source: string;
  relativeName: string;
  text: string;
  refDate?: string;
  /** file inputs: the result's `doc` (JSONL inputs carry `id` instead) */
  doc?: string;
}

export interface ChunkJob {
  articles: QueueArticle[];
}

export interface ChunkResult {
  extracted: number;
  skipped: number;
  failed: number;
}

/** Connection options from a redis:// or rediss:// URL. */
export function connection(url: string): ConnectionOptions {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`--redis must be a redis:// URL, not ${JSON.stringify(url)}`);
  // workers block on Redis; BullMQ requires unlimited retries per request for them
  return { url, maxRetriesPerRequest: null };
}

export const articleErrorsKey = (queueName: string) => `zhx:${queueName}:article-errors`;

/** The raw Redis client behind a queue (for the article-errors hash). */
export async function redisOf(queue: Queue) {
  return queue.getBackend().client;
}

/** BullMQ needs ioredis, an optional peer dependency: say so plainly when it is missing. */
export async function loadBullmq(): Promise<typeof import('bullmq')> {
  try {
    await import('ioredis' as string);
  } catch {
    throw new Error('zhx queue and zhx worker need the ioredis package (npm install ioredis)');
  }
  return import('bullmq');
}
