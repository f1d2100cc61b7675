/**
 * `zhx eval --html FILE`: gathers each scored document's article text (via the
 * gold file's "doc" field) and writes the report of src/render/eval.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArticleText } from '../eval/articleText.js';
import type { ScorePair, ScoreReport } from '../eval/score.js';
import { renderEvalHtml, type EvalArticle } from '../render/eval.js';

export interface HtmlSource {
  pair: ScorePair;
  /** the gold file the pair came from; its "doc" field names the article */
  goldFile: string | undefined;
}

/** Build the report; returns notes about articles whose text was not found (for stderr). */
export function writeEvalHtml(file: string, sources: readonly HtmlSource[], report: ScoreReport, cwd = process.cwd()): string[] {
  const notes: string[] = [];
  const articles: EvalArticle[] = sources.map(({ pair, goldFile }) => {
    const found = goldFile ? readArticleText(goldFile, cwd) : { note: `no gold file known for ${pair.id}: the text is not shown` };
    if (found.note) notes.push(found.note);
    return {
      id: pair.id,
      ...(found.text !== undefined ? { original: found.text } : {}),
      ...(found.note ? { note: found.note } : {}),
      gold: pair.gold,
      pred: pair.pred,
      errors: report.errors.filter((e) => e.doc === pair.id),
    };
  });
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, renderEvalHtml({ articles, perType: report.perType }));
  return notes;
}
