/**
 * Glob patterns for article inputs, for shells that do not expand them (Windows,
 * quoted arguments). Supported: `*` and `?` within a name, `[abc]`/`[a-z]`/`[!x]`,
 * `{a,b}` alternatives, and `**` for any number of folders. Like a shell, `*` does
 * not match names starting with a dot. Only a small subset of a full glob library,
 * written here to avoid a dependency.
 */
import { opendir } from 'node:fs/promises';
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

interface Entry {
  name: string;
  full: string;
  dir: boolean;
}

/** A folder's files and subfolders, sorted by name so every run sees the same order. */
async function entries(dir: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of await opendir(dir)) {
    // symbolic links are not followed: they can loop or leave the tree
    if (e.isDirectory() || e.isFile()) out.push({ name: e.name, full: path.join(dir, e.name), dir: e.isDirectory() });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const isTxt = (name: string) => /\.txt$/i.test(name);

/** Every .txt file under dir, recursively, in name order; hidden folders (.git, .partial) are skipped. */
export async function* walkTxt(dir: string): AsyncGenerator<string> {
  for (const e of await entries(dir)) {
    if (e.dir) {
      if (!e.name.startsWith('.')) yield* walkTxt(e.full);
    } else if (isTxt(e.name)) yield e.full;
  }
}

/**
 * The .txt files a pattern matches (a matching folder contributes all its .txt
 * files), and the folder the pattern's fixed prefix names, which output names are
 * relative to.
 */
export function expandGlob(pattern: string, cwd: string): { base: string; files: AsyncGenerator<string> } {
  // "a/**/**/b" means "a/**/b"; collapsing avoids yielding a file twice
  const parts = pattern.split(/[\\/]/).filter((p, i, all) => !(p === '**' && all[i - 1] === '**'));
  const fixed: string[] = [];
  while (parts.length > 1 && !hasGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = path.resolve(cwd, fixed.length === 1 && fixed[0] === '' ? '/' : fixed.join('/') || '.');
  const matchers = parts.map((p) => (p === '**' ? ('**' as const) : segmentRegExp(p)));

  async function* match(dir: string, i: number): AsyncGenerator<string> {
    const m = matchers[i]!;
    const last = i === matchers.length - 1;
    if (m === '**') {
      if (last) {
        yield* walkTxt(dir);
        return;
      }
      yield* match(dir, i + 1);
      for (const e of await entries(dir)) if (e.dir && !e.name.startsWith('.')) yield* match(e.full, i);
      return;
    }
    for (const e of await entries(dir)) {
      if (!m.test(e.name)) continue;
      if (!last) {
        if (e.dir) yield* match(e.full, i + 1);
      } else if (e.dir) yield* walkTxt(e.full);
      else if (isTxt(e.name)) yield e.full;
    }
  }
  return { base, files: match(base, 0) };
}
