import type { DirEntry, FileStat, FileSystem } from './fileSystem';

/** A file's status as Node's `fs.Stats` gives it: the members the engine reads. */
interface StatsLike {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * The synchronous calls of Node's `fs` module that the disk file system makes. The engine has no Node types (it
 * runs on any platform); the LSP server and the extension host pass `node:fs` itself, which fits this shape.
 */
export interface NodeFsLike {
  readFileSync(path: string, encoding: 'utf8'): string;
  lstatSync(path: string, options: { throwIfNoEntry: false }): StatsLike | undefined;
  statSync(path: string): StatsLike;
  readonly realpathSync: { native(path: string): string };
  readdirSync(path: string, options: { withFileTypes: true }): Array<{ readonly name: string; isFile(): boolean; isDirectory(): boolean }>;
}

/** The real disk, through `node:fs`. Errors (missing file, permission denied, a file deleted mid-scan) read as "not there". */
export class DiskFileSystem implements FileSystem {
  constructor(private readonly fs: NodeFsLike) {}

  readText(path: string): string | undefined {
    try {
      return this.fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  stat(path: string): FileStat | undefined {
    try {
      // Without an exception for a missing path: links are checked against every candidate file of a page, most
      // of which do not exist, and building the exception cost more than the system call.
      const l = this.fs.lstatSync(path, { throwIfNoEntry: false });
      if (!l) return undefined;
      if (!l.isSymbolicLink()) return { isFile: l.isFile(), isDirectory: l.isDirectory(), size: l.size, mtimeMs: l.mtimeMs };
      const s = this.fs.statSync(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs, isSymbolicLink: true };
    } catch {
      return undefined;
    }
  }

  realPath(path: string): string | undefined {
    try {
      return this.fs.realpathSync.native(path).replace(/\\/g, '/');
    } catch {
      return undefined;
    }
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    try {
      // Symbolic links are not followed: a link loop must not make the scan endless.
      return this.fs.readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory() }));
    } catch {
      return undefined;
    }
  }
}
