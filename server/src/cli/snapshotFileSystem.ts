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
  private readonly listings = new Map<string, readonly DirEntry[] | undefined>();
  private readonly entries = new Map<string, Map<string, DirEntry>>();

  constructor(private readonly inner: FileSystem) {}

  readText(path: string): string | undefined {
    return remember(this.texts, path, () => this.inner.readText(path));
  }

  stat(path: string): FileStat | undefined {
    return remember(this.stats, path, () => this.inner.stat(path));
  }

  readDir(path: string): readonly DirEntry[] | undefined {
    // Kept too: besides the scan, each page's check lists folders again (the Hugo configuration's `config/_default/`,
    // which a site may not have: a failed listing throws, and that cost 10 % of a check of istio.io).
    return remember(this.listings, path, () => this.inner.readDir(path));
  }

  realPath(path: string): string | undefined {
    return remember(this.realPaths, path, () => this.throughParent(path) ?? this.inner.realPath?.(path));
  }

  /**
   * The real path of an entry its folder's listing shows as a plain file or folder (a symbolic link is neither): its
   * folder's real path and its name. One system call for the site's root instead of one per file (`realpath` was 3 %
   * of a check); whatever the listing does not show as such (a link, another case, `..`) asks the disk.
   */
  private throughParent(path: string): string | undefined {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (slash <= 0 || name === '' || name === '.' || name === '..') return undefined;
    const parent = path.slice(0, slash);
    const entry = this.entriesOf(parent)?.get(name);
    if (!entry || !(entry.isFile || entry.isDirectory)) return undefined;
    const real = this.realPath(parent);
    return real === undefined ? undefined : `${real === '/' ? '' : real}/${name}`;
  }

  private entriesOf(dir: string): Map<string, DirEntry> | undefined {
    let byName = this.entries.get(dir);
    if (!byName) {
      const listing = this.readDir(dir);
      if (!listing) return undefined;
      byName = new Map(listing.map((e) => [e.name, e]));
      this.entries.set(dir, byName);
    }
    return byName;
  }
}

function remember<T>(map: Map<string, T>, key: string, read: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = read();
  map.set(key, value);
  return value;
}
