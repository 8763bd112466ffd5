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

  /**
   * Folders' real paths, when kept (`keepFolderRealPaths`): until `forgetRealPaths`, which the service calls on every
   * file event. A read inside the site then asks the disk nothing more (a file its folder's listing shows) or one
   * `lstat`, instead of a `realpath` that asks about every component of the path: the background scan of the bench
   * site made 18,000 system calls instead of 53,000, and took 10-12 % less time.
   */
  private readonly folderRealPaths: Map<string, string | undefined> | undefined;
  /** With them, the entries of the folders listed since: an entry listed as a file or a folder is no link. */
  private readonly listed: Map<string, Map<string, DirEntry>> | undefined;

  /**
   * `keepFolderRealPaths`: only for a service that is told of every file event (it keeps a site index, which depends
   * on them too); a folder replaced by a link must not be read through a real path kept from before.
   */
  constructor(
    private readonly inner: FileSystem,
    options: { readonly keepFolderRealPaths?: boolean } = {},
  ) {
    if (inner.realPath) this.realPath = (path) => (this.permits(path) ? attempt(() => this.inner.realPath!(path)) : undefined);
    if (options.keepFolderRealPaths) {
      this.folderRealPaths = new Map();
      this.listed = new Map();
    }
  }

  /** Forgets the folders' real paths (a folder may have been replaced, or a link changed). */
  forgetRealPaths(): void {
    this.folderRealPaths?.clear();
    this.listed?.clear();
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
    const real = this.realLocation(normalize(path));
    if (real === undefined) return true; // missing: the read below answers "not there"
    for (const root of this.realRoots) if (isInside(real, root)) return true;
    return false;
  }

  /**
   * The real path of a normalised path: with folders' real paths kept, the real path of its folder and its name when
   * the path itself is no link (a missing path has none); otherwise, or for a link, the inner file system's answer.
   * Only for paths from `/`: a Windows path (`c:/…`) asks the inner file system, whose real path gives the drive
   * letter's case, and for which a bare `c:` would name the drive's current folder, not its root.
   */
  private realLocation(path: string): string | undefined {
    const slash = path.lastIndexOf('/');
    if (this.folderRealPaths && path.startsWith('/') && slash > 0 && slash < path.length - 1) {
      // A listing shows a link as neither a file nor a folder: then, or when the folder was not listed, ask the disk.
      const entry = this.listed!.get(path.slice(0, slash))?.get(path.slice(slash + 1));
      let link = false;
      if (!entry?.isFile && !entry?.isDirectory) {
        const st = attempt(() => this.inner.stat(path));
        if (st === undefined) return undefined;
        link = st.isSymbolicLink === true;
      }
      if (!link) {
        const real = this.realFolder(path.slice(0, slash));
        if (real !== undefined) return `${real === '/' ? '' : real}/${path.slice(slash + 1)}`;
      }
    }
    return attempt(() => this.inner.realPath!(path));
  }

  /** A folder's real path, kept: found the same way, so each folder costs one `lstat` (its parent's is kept too). */
  private realFolder(folder: string): string | undefined {
    const kept = this.folderRealPaths!;
    if (kept.has(folder)) return kept.get(folder);
    const real = this.realLocation(folder);
    kept.set(folder, real);
    return real;
  }

  readText(path: string): string | undefined {
    return this.permitsContent(path) ? attempt(() => this.inner.readText(path)) : undefined;
  }

  stat(path: string): FileStat | undefined {
    return this.permits(path) ? attempt(() => this.inner.stat(path)) : undefined;
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    const entries = this.permitsContent(path) ? attempt(() => this.inner.readDir(path)) : undefined;
    if (entries && this.listed) this.listed.set(normalize(path), new Map(entries.map((e) => [e.name, e])));
    return entries;
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
