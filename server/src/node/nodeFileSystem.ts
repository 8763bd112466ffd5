import * as fs from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../core/site/fileSystem';

/** The real disk. Errors (missing file, permission denied, a file deleted mid-scan) read as "not there". */
export class NodeFileSystem implements FileSystem {
  readText(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  stat(path: string): FileStat | undefined {
    try {
      // Without an exception for a missing path: links are checked against every candidate file of a page, most
      // of which do not exist, and building the exception cost more than the system call.
      const l = fs.lstatSync(path, { throwIfNoEntry: false });
      if (!l) return undefined;
      if (!l.isSymbolicLink()) return { isFile: l.isFile(), isDirectory: l.isDirectory(), size: l.size, mtimeMs: l.mtimeMs };
      const s = fs.statSync(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs, isSymbolicLink: true };
    } catch {
      return undefined;
    }
  }

  realPath(path: string): string | undefined {
    try {
      return fs.realpathSync.native(path).replace(/\\/g, '/');
    } catch {
      return undefined;
    }
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    try {
      return fs.readdirSync(path, { withFileTypes: true }).map((d) => {
        // Symbolic links are not followed: a link loop must not make the scan endless.
        return { name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory() };
      });
    } catch {
      return undefined;
    }
  }
}
