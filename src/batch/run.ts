/**
 * The batch engine shared by `zhx extract` and `zhx worker`: reads, extracts and
 * writes many articles with bounded memory.
 *
 * - At most `window` articles, and about `maxChars` characters of article text,
 *   are in flight (read, queued, extracting or being written); the input is pulled
 *   only when a slot frees up, so a 200,000-line JSONL is never queued whole
 *   (backpressure reaches back to the file read).
 * - Reads and writes go through one p-limit of `io` slots (open files).
 * - Outcomes are handed to onOutcome in INPUT order (a small reorder buffer, at
 *   most `window` long); onOutcome is awaited, so a slow consumer such as a full
 *   stdout pipe slows the whole run instead of buffering results.
 * - With outDir, each result is written atomically to outputPath(); with resume,
 *   an article whose file exists is skipped without being read.
 */
import { access } from 'node:fs/promises';
import pLimit from 'p-limit';
import { isInputError, loadArticle, type Article, type InputError, type InputItem } from '../cli/inputs.js';
import { clashKey, outputPath } from './outputPath.js';
import { writeFileAtomic } from './atomicWrite.js';
import { errorMessage } from './errorMessage.js';
import { ConfigError, type Processor } from './processor.js';
import type { ArticleOutcome, ArticleTask } from './task.js';

export type Outcome =
  | { kind: 'done'; article: Article; result: Extract<ArticleOutcome, { ok: true }> }
  | { kind: 'skipped'; article: Article }
  | { kind: 'failed'; error: InputError };

export interface BatchOptions {
  processor: Processor;
  /** the task for a loaded article: refDate default, id or doc, wanted serialisations */
  toTask(article: Article): ArticleTask;
  onOutcome(outcome: Outcome): Promise<void> | void;
  outDir?: string;
  resume?: boolean;
  /** articles in flight; default 16 per thread, at least 64 */
  window?: number;
  /** text in flight, in characters (bytes for files); default 64M; one article always fits */
  maxChars?: number;
  /** concurrent reads and writes; default 16 */
  io?: number;
  /** the largest article accepted, in bytes (default: decode's 50 MiB) */
  maxBytes?: number;
}

/** One article in flight; `size` is filled in once its text is known. */
interface Slot {
  outcome: Promise<Outcome>;
  size: number;
}

const exists = (file: string) => access(file).then(() => true, () => false);

export async function runBatch(items: AsyncIterable<InputItem> | Iterable<InputItem>, options: BatchOptions): Promise<void> {
  const { processor, outDir } = options;
  const window = options.window ?? Math.max(64, processor.threads * 16);
  const maxChars = options.maxChars ?? 64 * 2 ** 20;
  const io = pLimit(options.io ?? 16);
  let chars = 0;
  // output files claimed so far (by clashKey): two inputs with one output name would overwrite each other
  const claimed = new Map<string, string>();
  let fatal: ConfigError | undefined;

  const failed = (article: Pick<Article, 'id' | 'source'>, err: unknown): Outcome => ({
    kind: 'failed',
    error: { id: article.id, source: article.source, message: errorMessage(article.source, err) },
  });

  async function handle(slot: Slot, article: Article, file: string | undefined): Promise<Outcome> {
    try {
      if (file !== undefined && options.resume && (await io(() => exists(file)))) return { kind: 'skipped', article };
      const loaded = await io(() => loadArticle(article, options.maxBytes));
      if (article.file !== undefined) measure(slot, loaded);
      const result = await processor.run(options.toTask(loaded));
      if (!result.ok) return { kind: 'failed', error: { id: article.id, source: article.source, message: result.message } };
      if (file !== undefined && outDir !== undefined && result.pretty !== undefined) {
        const content = result.pretty;
        await io(() => writeFileAtomic(outDir, file, content));
      }
      return { kind: 'done', article, result };
    } catch (err) {
      if (err instanceof ConfigError) fatal ??= err;
      return failed(article, err);
    }
  }

  const measure = (slot: Slot, article: Article) => {
    slot.size = article.text?.length ?? article.bytes?.length ?? 0;
    chars += slot.size;
  };

  function start(item: InputItem): Slot {
    const slot = { size: 0 } as Slot;
    slot.outcome = isInputError(item) ? Promise.resolve({ kind: 'failed', error: item }) : begin(slot, item);
    return slot;
  }

  function begin(slot: Slot, item: Article): Promise<Outcome> {
    // text in hand counts at once; a file's size counts once it is read
    if (item.file === undefined) measure(slot, item);
    let file: string | undefined;
    if (outDir !== undefined) {
      try {
        file = outputPath(outDir, item.relativeName);
      } catch (err) {
        return Promise.resolve(failed(item, err));
      }
      const key = clashKey(file);
      const earlier = claimed.get(key);
      if (earlier !== undefined) return Promise.resolve(failed(item, new Error(`output name ${JSON.stringify(item.relativeName)} already used by ${earlier}`)));
      claimed.set(key, item.source);
    }
    return handle(slot, item, file);
  }

  // a FIFO of in-flight articles; its head is the next outcome to hand over
  const inFlight: Slot[] = [];
  const emitHead = async () => {
    const slot = inFlight.shift()!;
    const outcome = await slot.outcome;
    chars -= slot.size;
    if (fatal) throw fatal;
    await options.onOutcome(outcome);
  };
  for await (const item of items) {
    inFlight.push(start(item));
    while (inFlight.length >= window || (chars > maxChars && inFlight.length > 1)) await emitHead();
  }
  while (inFlight.length > 0) await emitHead();
}
