/**
 * The engine's `GitPort` over the `git` command line: one `git log` over the content's Markdown for every file's
 * history, and one `git cat-file --batch-check` for the blob ids the classification asks for. Two processes for the
 * whole site, instead of lsync.sh's two per page. What to ask and what the answers mean is the engine's.
 */
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { Commit, GitPort, GitRepository } from '../../engine';

const MAX_OUTPUT = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

/** The repository holding `dir` and its HEAD, or why there is none. */
export async function openRepository(dir: string): Promise<GitRepository> {
  let root: string;
  try {
    root = (await git(dir, ['rev-parse', '--show-toplevel'])).trim().replace(/\\/g, '/');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, code: 'no-git', reason: 'git is not installed (or not on the PATH).' };
    if (/dubious ownership/.test(String((e as { stderr?: unknown }).stderr ?? ''))) {
      return { ok: false, code: 'dubious-ownership', reason: 'git refuses to read the repository (dubious ownership: see `git config --global safe.directory`).' };
    }
    return { ok: false, code: 'not-a-repository', reason: 'the site is not inside a git repository.' };
  }
  try {
    const head = (await git(dir, ['rev-parse', '--verify', 'HEAD'])).trim();
    return { ok: true, root, head };
  } catch {
    return { ok: false, code: 'no-commits', reason: 'the git repository has no commits yet.' };
  }
}

/**
 * Every Markdown file's history under `contentDir` (repository-relative), newest first, in one `git log`.
 * A merge commit lists no files, as with `git log -- <file>`'s default history simplification.
 */
export async function contentHistory(repoRoot: string, contentDir: string): Promise<Map<string, Commit[]>> {
  const out = await git(repoRoot, ['log', '-z', '--name-only', '--format=%x1e%H%x1f%cs%x1f%s', '--', `:(glob)${contentDir}/**/*.md`, `:(glob)${contentDir}/**/*.markdown`]);
  const history = new Map<string, Commit[]>();
  let order = 0;
  for (const record of out.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [hash = '', date = '', subject = ''] = header.split('\x1f');
    const commit: Commit = { hash, date, subject, order: order++ };
    const names = headerEnd < 0 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (const name of names) {
      if (name === '') continue;
      let list = history.get(name);
      if (!list) history.set(name, (list = []));
      list.push(commit);
    }
  }
  return history;
}

/** Blob ids of `rev:path`, all in one `git cat-file --batch-check`. */
export function blobIds(repoRoot: string, queries: readonly { rev: string; path: string }[]): Promise<Map<string, string | undefined>> {
  return new Promise((resolve, reject) => {
    const ids = new Map<string, string | undefined>();
    if (queries.length === 0) {
      resolve(ids);
      return;
    }
    const proc = spawn('git', ['cat-file', '--batch-check=%(objectname)'], { cwd: repoRoot, windowsHide: true });
    let stdout = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d: string) => (stdout += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git cat-file exited with ${code}`));
        return;
      }
      const lines = stdout.split('\n');
      queries.forEach((q, i) => {
        const line = lines[i] ?? '';
        ids.set(`${q.rev}:${q.path}`, /^[0-9a-f]{40,64}$/.test(line) ? line : undefined);
      });
      resolve(ids);
    });
    // One query per line. A path with a newline cannot be asked this way: the all-zero id reads as missing
    // (`rev:` with an empty path would name the root tree and come back as a real id).
    proc.stdin.end(queries.map((q) => (q.path.includes('\n') ? '0'.repeat(40) : `${q.rev}:${q.path}`)).join('\n') + '\n');
  });
}

/** A path relative to the repository root; symbolic links (macOS /tmp → /private/tmp) are resolved first. */
export function relativeTo(repoRoot: string): (path: string) => string {
  const realRoot = real(repoRoot);
  return (path) => {
    if (path.startsWith(repoRoot + '/')) return path.slice(repoRoot.length + 1);
    const r = real(path);
    if (r.startsWith(realRoot + '/')) return r.slice(realRoot.length + 1);
    // A file that does not exist yet: resolve its folder.
    const slash = path.lastIndexOf('/');
    const dir = real(path.slice(0, slash));
    return dir.startsWith(realRoot + '/') ? `${dir.slice(realRoot.length + 1)}/${path.slice(slash + 1)}` : path;
  };
}

function real(path: string): string {
  try {
    return fs.realpathSync.native(path).replace(/\\/g, '/');
  } catch {
    return path;
  }
}

/** The git the server gives its language service (never run for an untrusted workspace: the engine does not ask). */
export const nodeGit: GitPort = { openRepository, relativeTo, contentHistory, blobIds };
