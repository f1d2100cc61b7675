#!/usr/bin/env node
/** zhx: the command-line entry point. Each command lives in its own module. */
import { readFileSync, writeFileSync } from 'node:fs';
import { runExtract, EXTRACT_USAGE } from './extract.js';
import { runQueue } from './queue.js';
import { runWorker } from './worker.js';
import { runEval } from './eval.js';
import { runRender } from './render.js';
import type { Extractor } from '../index.js';

const USAGE = `zhx: companies, people, money amounts and dates from Chinese news

commands:
  zhx extract [PATH...] [options]     extract articles to JSON (zhx extract --help)
  zhx queue add|status|errors|clear   a distributed batch on Redis (zhx queue --help)
  zhx worker --redis URL --out DIR    process queued articles, on any number of machines
  zhx eval --gold G --pred P          score predictions against gold files (zhx eval --help)
  zhx render ARTICLE [--out F.html]   an HTML page of one article's mentions
  zhx schema [--out FILE]             the JSON Schema of one result`;

const io = {
  stdout: (s: string) => process.stdout.write(`${s}\n`),
  stderr: (s: string) => process.stderr.write(`${s}\n`),
  stdin: process.stdin,
  cwd: process.cwd(),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return runExtract(rest, {
        ...io,
        stdoutStream: process.stdout,
        ...(process.stderr.isTTY && { stderrTTY: { write: (s: string) => process.stderr.write(s), columns: process.stderr.columns } }),
      });
    case 'queue':
      return runQueue(rest, io);
    case 'worker':
      return runWorker(rest, io);
    case 'eval':
      return runEval(rest, io);
    case 'render': {
      // loaded on demand: the pipeline's modules cost ~60 MB that a batch coordinator
      // (extract, queue, worker: the work happens in threads) does not need
      const { createExtractor, decodeFile } = await import('../index.js');
      let extractor: Extractor | undefined;
      return runRender(rest, io, {
        extractFile: async (file, refDate) => {
          extractor ??= createExtractor();
          const original = decodeFile(file).text;
          const { result, simplified } = extractor.extractWithText(original, { doc: file, ...(refDate !== undefined && { refDate }) });
          return { original, simplified, result };
        },
      });
    }
    case 'schema': {
      const { resultJsonSchema } = await import('../schema.js');
      const json = `${JSON.stringify(resultJsonSchema(), null, 2)}\n`;
      const out = rest[0] === '--out' ? rest[1] : undefined;
      if (out) writeFileSync(out, json);
      else process.stdout.write(json);
      return 0;
    }
    case '--version':
      io.stdout(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      io.stdout(`${USAGE}\n\n${EXTRACT_USAGE}`);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`zhx: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`zhx: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
