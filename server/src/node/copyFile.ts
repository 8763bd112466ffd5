import * as fs from 'node:fs';
import type { CopyFileArgs, CopyFilesArgs } from '../../protocol';

export type CopyResult = { readonly ok: true; readonly target: string; readonly message: string } | { readonly ok: false; readonly message: string };

/**
 * The "copy the image from the English bundle" fix: copies `source` to `target`, never overwriting an existing
 * file (COPYFILE_EXCL), and only between files the server owns (`allowed`: inside a site's `content/`).
 */
export function copyFileSafely(args: Partial<CopyFileArgs> | undefined, allowed: (path: string) => boolean): CopyResult {
  const source = args?.source;
  const target = args?.target;
  if (typeof source !== 'string' || typeof target !== 'string' || source === '' || target === '') {
    return { ok: false, message: 'copyFile needs a source and a target path.' };
  }
  if (source.split('/').includes('..') || target.split('/').includes('..') || !allowed(source) || !allowed(target)) {
    return { ok: false, message: `will not copy ${source} to ${target}: both must be inside the site's content/ folder.` };
  }
  try {
    if (!fs.statSync(source).isFile()) return { ok: false, message: `${source} is not a file.` };
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
    return { ok: true, target, message: `copied ${source} to ${target}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, message: `${target} already exists; it was not overwritten.` };
    return { ok: false, message: `could not copy ${source} to ${target} (${code ?? String(e)}).` };
  }
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
export function copyFilesSafely(args: Partial<CopyFilesArgs> | undefined, allowed: (path: string) => boolean): CopiesResult {
  const files = Array.isArray(args?.files) ? args.files : [];
  const copied: string[] = [];
  const notCopied: { target: string; message: string }[] = [];
  for (const f of files) {
    const r = copyFileSafely(f, allowed);
    if (r.ok) copied.push(r.target);
    else notCopied.push({ target: typeof f?.target === 'string' ? f.target : '', message: r.message });
  }
  const names = (paths: readonly string[]): string => paths.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(', ');
  const parts = [`copied ${copied.length} of ${files.length} file${files.length === 1 ? '' : 's'}${copied.length ? ` (${names(copied)})` : ''}`];
  if (notCopied.length) parts.push(`not copied: ${notCopied.map((n) => n.message).join(' ')}`);
  return { copied, notCopied, message: parts.join('; ') };
}
