import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryFileSystem } from '../../server/engine';

/** The copy of the real istio.io excerpt the tests use (from ../shared/corpus/istio-sample). */
export const SAMPLE_SITE = path.resolve(__dirname, '../fixtures/istio-sample');

/** The text of a file of the sample site, e.g. `content/en/blog/2023/istiocon-china/index.md`. */
export function sample(relPath: string): string {
  return fs.readFileSync(path.join(SAMPLE_SITE, relPath), 'utf8');
}

/** Every file under the sample site's `content/`, relative to the site root. */
export function sampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(SAMPLE_SITE, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('content');
  return out.sort();
}

/** The site root of in-memory sites. */
export const MEM_ROOT = '/site';

/**
 * An in-memory copy of the sample site at `/site`, plus `overrides` (relative path → text; `null` deletes).
 */
export function memorySite(overrides: Record<string, string | null> = {}, base = true): MemoryFileSystem {
  const mem = new MemoryFileSystem();
  if (base) for (const rel of sampleFiles()) mem.write(`${MEM_ROOT}/${rel}`, sample(rel));
  for (const [rel, text] of Object.entries(overrides)) {
    if (text === null) mem.delete(`${MEM_ROOT}/${rel}`);
    else mem.write(`${MEM_ROOT}/${rel}`, text);
  }
  return mem;
}

export function doc(path: string, text: string, version = 1): TextDocument {
  return TextDocument.create(`file://${path}`, 'markdown', version, text);
}

/**
 * Splits a `|` cursor marker out of test text: `{{< im|` → text `{{< im`, offset 6.
 * Use `||` for a literal bar before the cursor is needed.
 */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor in test text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The LSP range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const d = TextDocument.create('x:', 'markdown', 1, text);
  return { start: d.positionAt(at), end: d.positionAt(at + needle.length) };
}

/** A 0-based line/character range, written the way an editor shows it (1-based lines and columns). */
export function lc(line: number, col: number, endLine: number, endCol: number): Range {
  return { start: { line: line - 1, character: col - 1 }, end: { line: endLine - 1, character: endCol - 1 } };
}
