import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CopyFileArgs, CopyFilesArgs } from '../../protocol';

export type CopyResult = { readonly ok: true; readonly target: string; readonly message: string } | { readonly ok: false; readonly message: string };

/**
 * The "copy the image from the English bundle" fix: copies `source` to `target`, never overwriting an existing
 * file (COPYFILE_EXCL), and only inside the site's `content/` folder: `contentDirOf` names the content folder of the
 * site a path belongs to (or `undefined` outside every site the server may touch).
 *
 * Both paths are checked by name and by real location: a cloned repository can make `content/zh/blog/post` a
 * symbolic link to a folder outside it, or the English image a link to a file outside, and the copy then wrote
 * (or read) there. The source's real path, and the real path of the target's folder, must lie inside the real
 * `content/` folder; the copy is made between those resolved paths.
 */
export function copyFileSafely(args: Partial<CopyFileArgs> | undefined, contentDirOf: (path: string) => string | undefined): CopyResult {
  const source = args?.source;
  const target = args?.target;
  if (typeof source !== 'string' || typeof target !== 'string' || source === '' || target === '') {
    return { ok: false, message: 'copyFile needs a source and a target path.' };
  }
  const refused: CopyResult = { ok: false, message: `will not copy ${source} to ${target}: both must be inside the site's content/ folder.` };
  if (source.split('/').includes('..') || target.split('/').includes('..')) return refused;
  const sourceContent = lexicalContentDir(source, contentDirOf);
  const targetContent = lexicalContentDir(target, contentDirOf);
  if (!sourceContent || !targetContent) return refused;
  try {
    const realSource = real(source);
    const realTargetDir = real(path.posix.dirname(target));
    if (realSource === undefined) return { ok: false, message: `${source} does not exist.` };
    if (realTargetDir === undefined) return { ok: false, message: `the folder of ${target} does not exist.` };
    const realSourceContent = real(sourceContent);
    const realTargetContent = real(targetContent);
    if (!realSourceContent || !realTargetContent || !inside(realSource, realSourceContent) || !inside(realTargetDir, realTargetContent)) {
      return { ok: false, message: `will not copy ${source} to ${target}: a symbolic link leads outside the site's content/ folder.` };
    }
    if (!fs.statSync(realSource).isFile()) return { ok: false, message: `${source} is not a file.` };
    // COPYFILE_EXCL creates the target exclusively: an existing file, or a link left in its place, is never followed.
    fs.copyFileSync(realSource, `${realTargetDir}/${path.posix.basename(target)}`, fs.constants.COPYFILE_EXCL);
    return { ok: true, target, message: `copied ${source} to ${target}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, message: `${target} already exists; it was not overwritten.` };
    return { ok: false, message: `could not copy ${source} to ${target} (${code ?? String(e)}).` };
  }
}

/** The content folder that holds `p` by name, or `undefined`. */
function lexicalContentDir(p: string, contentDirOf: (path: string) => string | undefined): string | undefined {
  const dir = contentDirOf(p);
  return dir !== undefined && p.startsWith(dir + '/') ? dir : undefined;
}

function real(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

function inside(p: string, folder: string): boolean {
  return p === folder || p.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export interface CopiesResult {
  /** The files written. */
  readonly copied: readonly string[];
  /** The files left alone, each with why (already there, outside content/…). */
  readonly notCopied: readonly { readonly target: string; readonly message: string }[];
  /** One sentence for the user: what was copied and what was not. */
  readonly message: string;
}

/** The "copy every missing file" fix: each file as `copyFileSafely` copies it (never overwriting), then a report. */
export function copyFilesSafely(args: Partial<CopyFilesArgs> | undefined, contentDirOf: (path: string) => string | undefined): CopiesResult {
  const files = Array.isArray(args?.files) ? args.files : [];
  const copied: string[] = [];
  const notCopied: { target: string; message: string }[] = [];
  for (const f of files) {
    const r = copyFileSafely(f, contentDirOf);
    if (r.ok) copied.push(r.target);
    else notCopied.push({ target: typeof f?.target === 'string' ? f.target : '', message: r.message });
  }
  const names = (paths: readonly string[]): string => paths.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(', ');
  const parts = [`copied ${copied.length} of ${files.length} file${files.length === 1 ? '' : 's'}${copied.length ? ` (${names(copied)})` : ''}`];
  if (notCopied.length) parts.push(`not copied: ${notCopied.map((n) => n.message).join(' ')}`);
  return { copied, notCopied, message: parts.join('; ') };
}
