/**
 * Peers read the simplified text our own pipeline reads first (the project's
 * traditional -> simplified converter, with its exact offset map), and their
 * spans are mapped back to the original. Some gold articles are traditional
 * Chinese (plus a few Recognizers inputs); on simplified text this is a no-op.
 * Without it a peer would be judged on script conversion, not on extraction.
 */
import { createConverter } from '../../src/convert/index.js';
import { BUNDLED_RULES_DIR } from '../../src/rules/load.js';
import type { Predict } from './types.js';

let convert: ReturnType<typeof createConverter> | undefined;

export function onSimplified(predict: Predict): Predict {
  return (input) => {
    convert ??= createConverter({ rulesDir: BUNDLED_RULES_DIR });
    const c = convert(input.text);
    if (c.simplified === input.text) return predict(input);
    return predict({ ...input, text: c.simplified }).map((p) => {
      const [start, end] = c.toOriginal(p.start, p.end);
      return { ...p, start, end, text: input.text.slice(start, end) };
    });
  };
}
