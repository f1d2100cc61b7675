/**
 * The distributed queue end to end: a real redis-server on a free loopback port,
 * `zhx queue add`, two `zhx worker` processes (the built CLI, as users run it), one
 * killed with SIGKILL mid-run. Every article must end with exactly one result.
 */
import { ensureDistBuilt } from './helpers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateArticles, REPO, toJsonl } from './batchFixtures.js';

const REDIS = '/usr/bin/redis-server';
const CLI = path.join(REPO, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'zhx-queue-'));
const children: ChildProcess[] = [];
let redisUrl = '';


const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** PONG from the server, within a deadline. */
async function waitForRedis(port: number) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.setTimeout(500);
      s.once('error', () => resolve(false));
      s.once('timeout', () => (s.destroy(), resolve(false)));
      s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => (s.destroy(), resolve(d.toString().includes('PONG'))));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
}

function zhx(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

/** p, or a rejection after ms (the timer is cleared either way) */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no end within ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Result files (*.json) under dir, relative, skipping the temp folder. */
function results(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === '.partial' ? [] : results(path.join(dir, e.name), `${prefix}${e.name}/`)) : e.name.endsWith('.json') ? [`${prefix}${e.name}`] : [],
  );
}

beforeAll(async () => {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} not found: install the Debian package redis-server (.ci/run does)`);
  // bullmq 6.7 left ioredis as an optional peer dependency: without it nothing connects
  await import('ioredis' as string).catch(() => {
    throw new Error('the ioredis package is missing: it must be a dependency of zh-news-extract (npm install ioredis)');
  });
  ensureDistBuilt();
  const port = await freePort();
  const redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  children.push(redis);
  await waitForRedis(port);
  redisUrl = `redis://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sleep(100);
  rmSync(tmp, { recursive: true, force: true });
});

describe('zhx queue + zhx worker', () => {
  it('processes 2,000 articles on two worker processes, one killed mid-run: none lost, none twice', async () => {
    const articles = generateArticles(2000, 4);
    writeFileSync(path.join(tmp, 'in.jsonl'), toJsonl(articles));
    const q = ['--redis', redisUrl, '--queue', 'test'];

    const add = await within(zhx(['queue', 'add', ...q, '--jsonl', 'in.jsonl', '--chunk', '20']).done, 60_000, 'queue add');
    expect(add.err).toContain('2000 article(s) in 100 job(s)');
    // adding the same input again queues nothing new: job ids are content hashes
    await within(zhx(['queue', 'add', ...q, '--jsonl', 'in.jsonl', '--chunk', '20']).done, 60_000, 'queue add');
    const queued = JSON.parse((await within(zhx(['queue', 'status', ...q, '--json']).done, 30_000, 'status')).out);
    expect(queued).toMatchObject({ waiting: 100, active: 0, completed: 0 });

    const out = path.join(tmp, 'out');
    const worker = () => zhx(['worker', ...q, '--out', 'out', '--workers', '1', '--lock-ms', '2000', '--exit-when-done']);
    const victim = worker();
    const survivor = worker();

    // kill one worker once results are flowing, long before the end
    let atKill = 0;
    for (let i = 0; i < 1200 && atKill < 300; i++) {
      await sleep(50);
      atKill = results(out).length;
    }
    expect(atKill).toBeGreaterThanOrEqual(300);
    victim.child.kill('SIGKILL');
    const killed = await within(victim.done, 10_000, 'killed worker');
    expect(killed.signal).toBe('SIGKILL');
    expect(atKill).toBeLessThan(2000);

    const finished = await within(survivor.done, 120_000, 'surviving worker');
    expect(finished.code, finished.err).toBe(0);

    const files = results(out).sort();
    expect(files).toEqual(articles.map((a) => `${a.id}.json`).sort());
    for (const f of files) expect(JSON.parse(readFileSync(path.join(out, f), 'utf8')).id).toBe(f.replace(/\.json$/, ''));

    const status = JSON.parse((await within(zhx(['queue', 'status', ...q, '--json']).done, 30_000, 'status')).out);
    expect(status).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 100, articleErrors: 0 });
  }, 240_000);

  it('records articles that fail as error records and keeps their jobs successful', async () => {
    const q = ['--redis', redisUrl, '--queue', 'errs'];
    const lines = [...generateArticles(3, 1).map((a) => JSON.stringify(a)), JSON.stringify({ id: 'late', text: '百川智能', refDate: '2024-13' })];
    writeFileSync(path.join(tmp, 'errs.jsonl'), `${lines.join('\n')}\n`);
    await within(zhx(['queue', 'add', ...q, '--jsonl', 'errs.jsonl']).done, 60_000, 'queue add');
    const w = await within(zhx(['worker', ...q, '--out', 'out-errs', '--workers', '0', '--exit-when-done']).done, 60_000, 'worker');
    expect(w.code, w.err).toBe(0);
    expect(results(path.join(tmp, 'out-errs')).sort()).toEqual(['a00000.json', 'a00001.json', 'a00002.json']);
    const errs = (await within(zhx(['queue', 'errors', ...q]).done, 30_000, 'errors')).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(errs).toEqual([expect.objectContaining({ id: 'late', source: 'errs.jsonl:4' })]);
    const status = JSON.parse((await within(zhx(['queue', 'status', ...q, '--json']).done, 30_000, 'status')).out);
    expect(status).toMatchObject({ completed: 1, failed: 0, articleErrors: 1 });
  }, 120_000);
});
