/**
 * One article in, one outcome out: decode if needed, extract, serialise. Never
 * throws for a bad article (that becomes { ok: false }), so a batch goes on.
 * Used inside pool threads (worker.ts) and, with --workers 0, on the main thread.
 */
import { createExtractor } from '../index.js';
import { decode } from '../decode/index.js';
import { summarise } from '../cli/summary.js';
import { errorMessage } from './errorMessage.js';
import type { ArticleOutcome, ArticleTask, ExtractorConfig, MentionCounts } from './task.js';

export function createArticleProcessor(config: ExtractorConfig): (task: ArticleTask) => ArticleOutcome {
  // the expensive part (rules, opencc tables, the jieba dictionary): once per thread
  const extractor = createExtractor({ useLexicon: config.useLexicon, ...(config.rulesDir !== undefined && { rulesDir: config.rulesDir }) });
  return (task) => {
    try {
      const text = task.text ?? decode(task.bytes ?? new Uint8Array(), { source: task.source, ...(task.maxBytes !== undefined && { maxBytes: task.maxBytes }) }).text;
      const result = extractor.extract(text, {
        ...(task.refDate !== undefined && { refDate: task.refDate }),
        ...(task.id !== undefined && { id: task.id }),
        ...(task.doc !== undefined && { doc: task.doc }),
      });
      const counts: MentionCounts = { company: 0, person: 0, money: 0, date: 0 };
      for (const m of result.mentions) counts[m.type]++;
      return {
        ok: true,
        chars: text.length,
        counts,
        ...(task.want.pretty && { pretty: `${JSON.stringify(result, null, 2)}\n` }),
        ...(task.want.compact && { compact: JSON.stringify(result) }),
        ...(task.want.summary && { summary: summarise(result) }),
      };
    } catch (err) {
      return { ok: false, message: errorMessage(task.source, err) };
    }
  };
}
