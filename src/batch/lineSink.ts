/**
 * Where JSON Lines go (stdout, a file, a test's callback), one line at a time.
 * write() resolves once the stream can take more, so a slow reader throttles the
 * batch instead of letting lines pile up in memory.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

export function streamSink(stream: Writable, { end }: { end: boolean }): LineSink {
  let failure: Error | undefined;
  stream.on('error', (err: Error) => (failure ??= err));
  return {
    async write(line) {
      if (failure) throw failure;
      // once() also rejects if the stream fails while we wait (a closed pipe)
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
      if (failure) throw failure;
    },
    async close() {
      if (!end) return;
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
    },
  };
}

export function fileSink(file: string): LineSink {
  mkdirSync(path.dirname(file), { recursive: true });
  return streamSink(createWriteStream(file), { end: true });
}

export function callbackSink(write: (line: string) => void): LineSink {
  return { write: async (line) => write(line), close: async () => undefined };
}

/** A sink created on its first line (an errors file that only exists when something failed). */
export function lazySink(create: () => LineSink): LineSink {
  let sink: LineSink | undefined;
  return {
    write: (line) => (sink ??= create()).write(line),
    close: async () => sink?.close(),
  };
}
