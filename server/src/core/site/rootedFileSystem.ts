import type { DirEntry, FileStat, FileSystem } from './fileSystem';
import { isInside, normalize } from './paths';

/**
 * A file system that answers only inside its allowed roots (the site roots the engine found): a link such as
 * `../../../../etc/passwd`, or any other path a document names, can never make the engine read outside the site.
 * Paths are normalised first, so `..` segments cannot climb out. Symbolic links inside a root are followed by the
 * underlying file system; the scan itself never follows them.
 */
export class RootedFileSystem implements FileSystem {
  private readonly roots = new Set<string>();

  constructor(private readonly inner: FileSystem) {}

  allow(root: string): void {
    this.roots.add(normalize(root));
  }

  /** Whether `path` lies inside an allowed root. */
  permits(path: string): boolean {
    const p = normalize(path);
    for (const root of this.roots) if (isInside(p, root)) return true;
    return false;
  }

  readText(path: string): string | undefined {
    return this.permits(path) ? attempt(() => this.inner.readText(path)) : undefined;
  }

  stat(path: string): FileStat | undefined {
    return this.permits(path) ? attempt(() => this.inner.stat(path)) : undefined;
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    return this.permits(path) ? attempt(() => this.inner.readDir(path)) : undefined;
  }
}

/**
 * A file system whose failures read as "not there", whatever the injected implementation does: an `EACCES`
 * or `ELOOP` thrown by a custom FileSystem must not stop a scan or a request.
 */
export class SafeFileSystem implements FileSystem {
  constructor(private readonly inner: FileSystem) {}

  readText(path: string): string | undefined {
    return attempt(() => this.inner.readText(path));
  }

  stat(path: string): FileStat | undefined {
    return attempt(() => this.inner.stat(path));
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    return attempt(() => this.inner.readDir(path));
  }
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
