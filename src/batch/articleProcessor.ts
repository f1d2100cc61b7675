/**
 * Articles in, one outcome per article out, in order: decode if needed, extract,
 * serialise. Never throws for a bad article (that becomes { ok: false }), so a batch goes on.
 * Used inside pool threads (worker.ts) and, with --workers 0, on the main thread.
 */
import { createExtractor, type ExtractOptions } from '../index.js';
import { decode } from '../decode/index.js';
import { summarise } from '../cli/summary.js';
import { errorMessage } from './errorMessage.js';
import type { ExtractionResult } from '../schema.js';
import type { ArticleOutcome, ArticleTask, ExtractorConfig, MentionCounts } from './task.js';

type Decoded = { task: ArticleTask; text: string } | { task: ArticleTask; error: ArticleOutcome };

function decodeTask(task: ArticleTask): Decoded {
  try {
    return { task, text: task.text ?? decode(task.bytes ?? new Uint8Array(), { source: task.source, ...(task.maxBytes !== undefined && { maxBytes: task.maxBytes }) }).text };
  } catch (err) {
    return { task, error: { ok: false, message: errorMessage(task.source, err) } };
  }
}

function countMentions(result: ExtractionResult): MentionCounts {
  // a switch on the type, not counts[m.type]++: a keyed increment by four names is a slow property access
  let company = 0, person = 0, money = 0, date = 0;
  for (const m of result.mentions) {
    switch (m.type) {
      case 'company': company++; break;
      case 'person': person++; break;
      case 'money': money++; break;
      case 'date': date++; break;
    }
  }
  return { company, person, money, date };
}

/** The task's options, assigned (a spread of `cond && {...}` makes an object per field). */
function extractOptions(task: ArticleTask): ExtractOptions {
  const options: ExtractOptions = {};
  if (task.refDate !== undefined) options.refDate = task.refDate;
  if (task.id !== undefined) options.id = task.id;
  if (task.doc !== undefined) options.doc = task.doc;
  return options;
}

function outcome(task: ArticleTask, chars: number, result: ExtractionResult): ArticleOutcome {
  const done: Extract<ArticleOutcome, { ok: true }> = { ok: true, chars, counts: countMentions(result) };
  // assigned, not spread: a spread of `want && {...}` makes an object per output kind
  if (task.want.pretty) done.pretty = `${JSON.stringify(result, null, 2)}\n`;
  if (task.want.compact) done.compact = JSON.stringify(result);
  if (task.want.summary) done.summary = summarise(result);
  return done;
}

export function createArticleProcessor(config: ExtractorConfig): (tasks: readonly ArticleTask[]) => ArticleOutcome[] {
  // the expensive part (rules, opencc tables, the jieba dictionary): once per thread
  const extractor = createExtractor({ useLexicon: config.useLexicon, ...(config.rulesDir !== undefined && { rulesDir: config.rulesDir }) });
  return (tasks) => {
    const decoded = tasks.map(decodeTask);
    const readable = decoded.filter((d): d is Extract<Decoded, { text: string }> => 'text' in d);
    const results = extractor.extractMany(readable.map(({ task, text }) => ({ text, options: extractOptions(task) })));
    let next = 0; // results are in the order of the readable tasks
    return decoded.map((d) => {
      if ('error' in d) return d.error;
      const result = results[next++]!;
      try {
        if (result instanceof Error) throw result;
        return outcome(d.task, d.text.length, result);
      } catch (err) {
        return { ok: false, message: errorMessage(d.task.source, err) };
      }
    });
  };
}
