import type { DirEntry, FileStat, FileSystem } from './fileSystem';
import { isInside, normalize } from './paths';

/**
 * A file system that answers only inside its allowed roots (the site roots the engine found): a link such as
 * `../../../../etc/passwd`, or any other path a document names, can never make the engine read outside the site.
 * Paths are normalised first, so `..` segments cannot climb out; when the file system resolves symbolic links,
 * a file or folder is read only if its real location is inside a root too, so a link cannot lead out either.
 */
export class RootedFileSystem implements FileSystem {
  private readonly roots = new Set<string>();
  /** The roots with their own symbolic links resolved (`/tmp` is `/private/tmp` on macOS). */
  private readonly realRoots = new Set<string>();

  /**
   * The real location of a path inside an allowed root (a symbolic link resolved), when the injected file system
   * can resolve links; absent when it cannot (an in-memory tree has no links).
   */
  readonly realPath?: (path: string) => string | undefined;

  constructor(private readonly inner: FileSystem) {
    if (inner.realPath) this.realPath = (path) => (this.permits(path) ? attempt(() => this.inner.realPath!(path)) : undefined);
  }

  allow(root: string): void {
    const r = normalize(root);
    this.roots.add(r);
    this.realRoots.add(attempt(() => this.inner.realPath?.(r)) ?? r);
  }

  /** Whether `path` lies inside an allowed root. */
  permits(path: string): boolean {
    const p = normalize(path);
    for (const root of this.roots) if (isInside(p, root)) return true;
    return false;
  }

  /** Inside a root by name, and (when links can be resolved) by real location. */
  private permitsContent(path: string): boolean {
    if (!this.permits(path) || !this.inner.realPath) return this.permits(path);
    const real = attempt(() => this.inner.realPath!(path));
    if (real === undefined) return true; // missing: the read below answers "not there"
    for (const root of this.realRoots) if (isInside(real, root)) return true;
    return false;
  }

  readText(path: string): string | undefined {
    return this.permitsContent(path) ? attempt(() => this.inner.readText(path)) : undefined;
  }

  stat(path: string): FileStat | undefined {
    return this.permits(path) ? attempt(() => this.inner.stat(path)) : undefined;
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    return this.permitsContent(path) ? attempt(() => this.inner.readDir(path)) : undefined;
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

  realPath(path: string): string | undefined {
    return attempt(() => this.inner.realPath?.(path));
  }
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
