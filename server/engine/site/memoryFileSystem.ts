import type { DirEntry, FileStat, FileSystem } from './fileSystem';
import { dirname } from './paths';

/** A file tree held in memory: the workspace of unit tests and of the benchmark's synthetic site. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { text: string; mtimeMs: number }>();
  private readonly dirs = new Map<string, Set<string>>([['/', new Set()]]);
  /** A folder's modification time changes when an entry is added or removed, as on a disk. */
  private readonly dirMtimes = new Map<string, number>();
  private clock = 1;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(path, { text, mtimeMs: this.clock++ });
    let child = path;
    let dir = dirname(path);
    for (;;) {
      let entries = this.dirs.get(dir);
      if (!entries) {
        entries = new Set();
        this.dirs.set(dir, entries);
      }
      const name = child.slice(dir === '/' ? 1 : dir.length + 1);
      if (!entries.has(name)) {
        entries.add(name);
        this.dirMtimes.set(dir, this.clock++);
      }
      if (dir === '/') break;
      child = dir;
      dir = dirname(dir);
    }
  }

  delete(path: string): void {
    this.files.delete(path);
    const dir = dirname(path);
    if (this.dirs.get(dir)?.delete(path.slice(dir === '/' ? 1 : dir.length + 1))) this.dirMtimes.set(dir, this.clock++);
  }

  readText(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  stat(path: string): FileStat | undefined {
    const f = this.files.get(path);
    if (f) return { isFile: true, isDirectory: false, size: f.text.length, mtimeMs: f.mtimeMs };
    if (this.dirs.has(path)) return { isFile: false, isDirectory: true, size: 0, mtimeMs: this.dirMtimes.get(path) ?? 0 };
    return undefined;
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    const entries = this.dirs.get(path);
    if (!entries) return undefined;
    return [...entries].map((name) => {
      const full = path === '/' ? `/${name}` : `${path}/${name}`;
      const isFile = this.files.has(full);
      return { name, isFile, isDirectory: !isFile && this.dirs.has(full) };
    });
  }
}
