import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryFileSystem } from '../../server/engine';

/** A full checkout with an unconfigured `es` folder (test/fixtures/newlang-site). */
export const NEWLANG_SITE = path.resolve(__dirname, '../fixtures/newlang-site');

/** An in-memory copy of the newlang site at `root`, plus `overrides` (relative path → text; `null` deletes). */
export function newlangSite(root: string, overrides: Record<string, string | null> = {}): MemoryFileSystem {
  const mem = new MemoryFileSystem();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(NEWLANG_SITE, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (rel !== 'README.md') mem.write(`${root}/${rel}`, fs.readFileSync(path.join(NEWLANG_SITE, rel), 'utf8'));
    }
  };
  walk('');
  for (const [rel, text] of Object.entries(overrides)) {
    if (text === null) mem.delete(`${root}/${rel}`);
    else mem.write(`${root}/${rel}`, text);
  }
  return mem;
}

/** The text of a file of the newlang site. */
export function newlangFile(rel: string): string {
  return fs.readFileSync(path.join(NEWLANG_SITE, rel), 'utf8');
}
