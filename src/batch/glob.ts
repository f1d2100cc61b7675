/**
 * Glob patterns for article inputs, for shells that do not expand them (Windows,
 * quoted arguments). Supported: `*` and `?` within a name, `[abc]`/`[a-z]`/`[!x]`,
 * `{a,b}` alternatives, and `**` for any number of folders. Like a shell, `*` does
 * not match names starting with a dot. Only a small subset of a full glob library,
 * written here to avoid a dependency.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const GLOB_CHARS = /[*?[{]/;

export function hasGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

const escapeRe = (s: string) => s.replace(/[.+^$()|\\/\]]/g, '\\$&');

/** A regular expression for one path segment (no "/" inside). */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += escapeRe(c);
  }
  if (braces > 0) throw new Error(`unbalanced "{" in glob ${JSON.stringify(segment)}`);
  // a leading wildcard does not match dot files, as in a shell
  const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}(?:${re})$`);
}

/** How folders are walked: whether symbolic links are followed, and who hears about the ones that are not. */
export interface WalkOptions {
  /** follow symbolic links to files and folders (default: skip them) */
  followSymlinks?: boolean;
  /** a link skipped (not followed, broken, or a folder already walked), with why; called once per link met */
  onSkip?: (linkPath: string, reason: string) => void;
}

interface Entry {
  name: string;
  full: string;
  /** a folder (for a link: the link's target is one) */
  dir: boolean;
  /** a symbolic link; `broken` when its target does not exist */
  link?: 'ok' | 'broken' | 'other';
}

/**
 * One walk's state. Links are skipped by default because they can leave the tree
 * or loop. Followed, they are walked after the plain tree, so a folder reachable
 * both ways is named by its real place; and each real folder is entered at most
 * once per pattern step (`key`), so a link to an ancestor ends instead of
 * recursing forever. A skipped link is reported only where it would have been
 * used (a folder to descend into, a .txt file), and once.
 */
class Walker {
  private readonly visited = new Set<string>();
  private readonly reported = new Set<string>();
  /** walks through folder links, waiting for the plain tree to be done (breadth first) */
  readonly deferred: (() => AsyncGenerator<string>)[] = [];
  constructor(private readonly options: WalkOptions) {}

  /** A walk, then the folder links it met, then the links those met. */
  async *run(walk: AsyncGenerator<string>): AsyncGenerator<string> {
    yield* walk;
    for (let next = this.deferred.shift(); next; next = this.deferred.shift()) yield* next();
  }

  private skip(full: string, reason: string): false {
    if (!this.reported.has(full)) {
      this.reported.add(full);
      this.options.onSkip?.(full, reason);
    }
    return false;
  }

  /** Whether an entry the walk wants may be used: plain entries yes, links only when followed and whole. */
  use(e: Entry): boolean {
    if (e.link === undefined) return true;
    if (!this.options.followSymlinks) return this.skip(e.full, 'symbolic link, not followed (use --follow-symlinks)');
    if (e.link === 'broken') return this.skip(e.full, 'broken symbolic link');
    if (e.link === 'other') return this.skip(e.full, 'symbolic link to neither a file nor a folder');
    return true;
  }

  /** false when this folder (by real path) was already entered for this key: only a link can lead back */
  async enter(dir: string, key: string): Promise<boolean> {
    if (!this.options.followSymlinks) return true; // without links the tree has no cycles
    const real = `${key}\0${await realpath(dir)}`;
    if (this.visited.has(real)) return this.skip(dir, 'symbolic link to a folder already walked (a loop, or a second name for it)');
    this.visited.add(real);
    return true;
  }

  /** Descend into a subfolder now, or after the plain tree when it is a link. */
  descend(e: Entry, walk: () => AsyncGenerator<string>): AsyncGenerator<string> | undefined {
    if (!this.use(e)) return undefined;
    if (e.link === undefined) return walk();
    this.deferred.push(walk);
    return undefined;
  }

  /** A folder's files, subfolders and links, sorted by name so every run sees the same order. */
  async entries(dir: string): Promise<Entry[]> {
    const out: Entry[] = [];
    for await (const e of await opendir(dir)) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() || e.isFile()) out.push({ name: e.name, full, dir: e.isDirectory() });
      else if (e.isSymbolicLink()) {
        // the target's kind decides whether the link is relevant, even when it is not followed
        const target = await stat(full).catch(() => undefined);
        const link = !target ? 'broken' : target.isDirectory() || target.isFile() ? 'ok' : 'other';
        out.push({ name: e.name, full, dir: target?.isDirectory() ?? false, link });
      }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every .txt file under dir, recursively, in name order; hidden folders (.git, .partial) are skipped. */
  async *walkTxt(dir: string): AsyncGenerator<string> {
    if (!(await this.enter(dir, 'walk'))) return;
    for (const e of await this.entries(dir)) {
      if (e.dir) {
        const sub = e.name.startsWith('.') ? undefined : this.descend(e, () => this.walkTxt(e.full));
        if (sub) yield* sub;
      } else if (isTxt(e.name) && this.use(e)) yield e.full;
    }
  }
}

const isTxt = (name: string) => /\.txt$/i.test(name);

/**
 * Every .txt file under dir, recursively, in name order (followed folder links
 * last); hidden folders (.git, .partial) are skipped.
 */
export function walkTxt(dir: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const walker = new Walker(options);
  return walker.run(walker.walkTxt(dir));
}

/**
 * The .txt files a pattern matches (a matching folder contributes all its .txt
 * files), and the folder the pattern's fixed prefix names, which output names are
 * relative to. Each file is yielded once: the walk carries the set of pattern steps
 * still possible (a small NFA), and a folder the whole pattern matches is handed to
 * walkTxt and not searched again. In each folder, files come before subfolders;
 * followed folder links come after everything else.
 */
export function expandGlob(pattern: string, cwd: string, options: WalkOptions = {}): { base: string; files: AsyncGenerator<string> } {
  const walker = new Walker(options);
  const parts = pattern.split(/[\\/]/).filter((p, i, all) => !(p === '**' && all[i - 1] === '**'));
  const fixed: string[] = [];
  while (parts.length > 1 && !hasGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = path.resolve(cwd, fixed.length === 1 && fixed[0] === '' ? '/' : fixed.join('/') || '.');
  const matchers = parts.map((p) => (p === '**' ? ('**' as const) : segmentRegExp(p)));
  const done = matchers.length; // the state "whole pattern matched"

  /** states plus those reachable without consuming a name ("**" may match no folder) */
  const closure = (states: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (let i of states) {
      out.add(i);
      while (matchers[i] === '**') out.add(++i);
    }
    return [...out].sort((x, y) => x - y);
  };
  /** the states after consuming one name; "**" consumes folder names only, never hidden ones */
  const step = (states: number[], name: string, dir: boolean): number[] => {
    const next: number[] = [];
    for (const i of states) {
      const m = matchers[i];
      if (m === '**') {
        if (dir && !name.startsWith('.')) next.push(i);
      } else if (m?.test(name)) next.push(i + 1);
    }
    return closure(next);
  };

  async function* search(dir: string, states: number[]): AsyncGenerator<string> {
    if (states.includes(done)) {
      yield* walker.walkTxt(dir);
      return;
    }
    if (!(await walker.enter(dir, states.join(',')))) return;
    const found = await walker.entries(dir);
    for (const e of found) if (!e.dir && isTxt(e.name) && step(states, e.name, false).includes(done) && walker.use(e)) yield e.full;
    for (const e of found) {
      if (!e.dir) continue;
      const next = step(states, e.name, true);
      const sub = next.length > 0 ? walker.descend(e, () => search(e.full, next)) : undefined;
      if (sub) yield* sub;
    }
  }
  return { base, files: walker.run(search(base, closure([0]))) };
}
