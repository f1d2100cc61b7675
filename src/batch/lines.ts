/**
 * Lines of a byte stream, pulled one chunk at a time: the producer is read only as
 * fast as lines are consumed, so a 200,000-line file is never held in memory
 * (readline's event interface does not pause its input). A line longer than
 * maxChars is reported and skipped without being kept.
 */
import { StringDecoder } from 'node:string_decoder';

export type Line = { lineNo: number; text: string } | { lineNo: number; tooLong: number };

export async function* readLines(input: AsyncIterable<Buffer | string>, maxChars: number): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  let skipping = 0; // > 0: inside an over-long line, this many characters dropped so far
  const finish = (text: string): Line => {
    lineNo++;
    if (skipping > 0 || text.length > maxChars) {
      const dropped = skipping + text.length;
      skipping = 0;
      return { lineNo, tooLong: dropped };
    }
    return { lineNo, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield finish(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxChars) {
      skipping += pending.length;
      pending = '';
    }
  }
  pending += decoder.end();
  if (pending !== '' || skipping > 0) yield finish(pending);
}
