/**
 * Loading rule files: YAML data validated with zod. A bad file fails at start-up
 * with the file, the line and what is wrong (never a silent partial load).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';

/** The bundled rules folder, found relative to this module (src/ or dist/), never to the cwd. */
export const BUNDLED_RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'RuleFileError';
  }
}

/** Line (1-based) of the node at a zod issue path, for error messages. */
function lineOf(root: Node | null, issuePath: readonly PropertyKey[], counter: LineCounter): number | undefined {
  let node: unknown = root;
  let line: number | undefined;
  const at = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    if (range) line = counter.linePos(range[0]).line;
  };
  at(node);
  for (const key of issuePath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      at(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else break;
    at(node);
  }
  return line;
}

/** Parse YAML text and validate it; errors name `file` and the offending line. */
export function parseRuleText<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.contents === null) throw new RuleFileError(file, undefined, 'the file is empty');
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = counter.linePos(yamlError.pos[0]).line;
    throw new RuleFileError(file, line, `invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    // a handful of aliases is plenty for rule data; more is an alias bomb
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new RuleFileError(file, undefined, `invalid YAML: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new RuleFileError(file, lineOf(doc.contents, issue.path, counter), `${issue.message}${where}`);
  }
  return parsed.data;
}

/** Read and validate one rule file, `relPath` relative to `rulesDir`. */
export function loadRuleFile<S extends z.ZodType>(rulesDir: string, relPath: string, schema: S): z.infer<S> {
  const file = path.join(rulesDir, relPath);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new RuleFileError(file, undefined, `cannot read rule file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new RuleFileError(file, undefined, 'not valid UTF-8 (rule files are UTF-8)');
  }
  return parseRuleText(text, file, schema);
}
