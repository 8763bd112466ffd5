import type { DirEntry, FileStat, FileSystem } from '../../engine';

/**
 * The disk as one CLI run sees it: each answer is kept for the rest of the run. A check reads most pages two or three
 * times (the page's summary for the site's page list, the English page a translation is compared with, the check
 * itself), each read preceded by resolving the file's real path; the files do not change under a check, so each is
 * read and resolved once. It holds the pages' text until the run ends (about 12 MB for istio.io).
 */
export class SnapshotFileSystem implements FileSystem {
  private readonly texts = new Map<string, string | undefined>();
  private readonly stats = new Map<string, FileStat | undefined>();
  private readonly realPaths = new Map<string, string | undefined>();

  constructor(private readonly inner: FileSystem) {}

  readText(path: string): string | undefined {
    return remember(this.texts, path, () => this.inner.readText(path));
  }

  stat(path: string): FileStat | undefined {
    return remember(this.stats, path, () => this.inner.stat(path));
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    // Each folder is listed once by the scan; nothing to gain from keeping it.
    return this.inner.readDir(path);
  }

  realPath(path: string): string | undefined {
    return remember(this.realPaths, path, () => this.inner.realPath?.(path));
  }
}

function remember<T>(map: Map<string, T>, key: string, read: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = read();
  map.set(key, value);
  return value;
}
