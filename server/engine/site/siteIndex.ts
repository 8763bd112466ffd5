import { Caches } from '../caches';
import { DEFAULT_SETTINGS } from '../settings';
import { parseFrontmatter } from '../parser/frontmatter';
import type { DirEntry, FileStat, FileSystem } from './fileSystem';
import { basename, dirname, isInside } from './paths';
import { EXCLUDED_DIRS, locate, type ContentLocation, type SiteLayout } from './siteLayout';
import { ownString } from './ownString';
import { SliceTimer, type SliceOptions } from './slices';

/** What the index keeps about a page without holding its text: enough for links, aliases and translations. */
export interface PageSummary {
  readonly title: string | undefined;
  /** `linktitle` as Hugo reads it (a number printed as Go prints it), falling back to the title: Hugo's `.LinkTitle`. */
  readonly linkTitle: string | undefined;
  readonly aliases: readonly string[];
  readonly translationKey: string | undefined;
  readonly keywords: readonly string[];
  readonly draft: boolean;
  /** How many tags of each shortcode the page opens (`{{< image`…): completion offers the most used first. */
  readonly shortcodes: ReadonlyMap<string, number>;
  /** `outputs:`, lower-case (`[html, rss]` on a news section), or `undefined` when the page does not set them. */
  readonly outputs: readonly string[] | undefined;
}

/** The name of an opening tag; closing tags (`{{< /`) and commented-out examples (`{{</*`) do not match. */
const OPENING_TAG = /\{\{[<%][ \t\n]*([A-Za-z0-9_-]+)/g;

export interface IndexedFile {
  readonly path: string;
  readonly location: ContentLocation;
}

/** Gives the engine's open-document text priority over the disk. */
export type TextSource = (path: string) => string | undefined;

export type IndexState = 'empty' | 'scanning' | 'ready';

/** How the background scan shares the thread (`slices.ts`), and what it reads. */
export interface ScanOptions extends SliceOptions {
  /**
   * After the listing, read every page's frontmatter summary in the background (default `true`), so the first
   * feature that needs all of them finds them cached. The CLI turns it off: it asks for summaries on demand.
   */
  readonly summaries?: boolean;
}

/**
 * All files of one site's `content/` tree, scanned in the background and kept current from file events.
 * Until the scan is done, every query falls back to the file system, so answers are never wrong, only slower.
 */
export class SiteIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Folder → names of the files directly in it. */
  private readonly folders = new Map<string, Set<string>>();
  private readonly summaries = new Map<string, { mtimeMs: number; summary: PageSummary }>();
  /** The texts `readStamped` gave, with the modification time and size they were read at. */
  private readonly stamped = new Map<string, { mtimeMs: number; size: number; text: string }>();
  private stateValue: IndexState = 'empty';
  private summariesDone = false;
  private scanPromise: Promise<void> | undefined;
  private generation = 0;
  private revisionValue = 0;
  private readonly changeListeners: Array<(path: string) => void> = [];
  /**
   * What features build over this site (page facts, the keyword tally, source pages' drift facts): owned here, so it
   * lives and dies with the index, and kept current through `onDidChange` and `revision`.
   */
  readonly caches = new Caches();
  private maxFileSizeValue = DEFAULT_SETTINGS.maxFileSize;
  /** Folders the scan listed but could not read (permission denied): reported, not skipped in silence. */
  private readonly unreadableDirs = new Set<string>();

  constructor(
    private readonly fs: FileSystem,
    readonly layout: SiteLayout,
    private readonly openText: TextSource = () => undefined,
  ) {}

  get state(): IndexState {
    return this.stateValue;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Files larger than this (bytes) are indexed by name but their summary is never read: see `istio.maxFileSize`. */
  get maxFileSize(): number {
    return this.maxFileSizeValue;
  }

  /**
   * A new limit changes which pages have a summary (title, aliases, translation key): the summaries are dropped and
   * every cache built over them (page facts, the keyword tally) is told the whole content changed. The language
   * service sets it from the settings; nothing else should.
   */
  set maxFileSize(bytes: number) {
    if (bytes === this.maxFileSizeValue) return;
    this.maxFileSizeValue = bytes;
    this.summaries.clear();
    this.revisionValue++;
    for (const l of this.changeListeners) l(this.layout.contentDir);
  }

  /**
   * Bumped when the scan finishes and on every file event from disk (not on editor keystrokes), so features can
   * cache site-wide tallies (keyword counts) and rebuild them only after the site really changed.
   */
  get revision(): number {
    return this.revisionValue;
  }

  /** Starts (or joins) the background scan of `content/`. */
  scan(options: ScanOptions = {}): Promise<void> {
    this.scanPromise ??= this.runScan(options);
    return this.scanPromise;
  }

  private async runScan(options: ScanOptions): Promise<void> {
    // Short slices: a request that arrives during the scan waits for at most one slice.
    const slices = new SliceTimer(options);
    const maybePause = async (): Promise<void> => {
      if (slices.due()) {
        await slices.pause();
        slices.restart();
      }
    };
    const generation = this.generation;
    this.stateValue = 'scanning';
    const pending: string[] = [this.layout.contentDir];
    const markdown: string[] = [];

    while (pending.length > 0) {
      const dir = pending.pop()!;
      const entries = this.fs.readDir(dir);
      if (!entries) {
        // Deleted mid-scan (nothing to report), or there and unreadable.
        if (this.fs.stat(dir)?.isDirectory) this.unreadableDirs.add(dir);
        continue;
      }
      for (const e of entries) {
        const full = `${dir}/${e.name}`;
        if (e.isDirectory) {
          if (!EXCLUDED_DIRS.has(e.name)) pending.push(full);
        } else if (e.isFile) {
          if (this.add(full)?.location.kind !== 'resource') markdown.push(full);
        }
      }
      await maybePause();
    }
    if (generation !== this.generation) return;
    // The listing is complete: exists() and filesIn() answer from memory from now on.
    this.stateValue = 'ready';
    this.revisionValue++;
    if (options.summaries !== false) this.summariesPromise = this.summarizeAll(markdown, generation, slices);
    else this.summariesDone = true;
  }

  /**
   * Whether every page's summary is cached (read in the background after the listing), or is read on demand
   * because the scan was told not to read them (the CLI). Until then, whatever needs all of them (page facts) waits,
   * so that no request reads the whole site's frontmatter synchronously (0.2 s on istio.io).
   */
  get summariesComplete(): boolean {
    return this.summariesDone;
  }

  private summariesPromise: Promise<void> | undefined;

  /** Resolves once every page's summary is cached (summaries are read after the listing, in the background). */
  async summarized(): Promise<void> {
    await this.scan();
    await this.summariesPromise;
  }

  // Page summaries feed alias resolution, keyword completion and translation keys. `summary()` computes any
  // that are missing on demand, so this only warms the cache.
  // It yields only when a slice is used up, so a small site is summarised in the listing's last slice.
  private async summarizeAll(markdown: readonly string[], generation: number, slices: SliceTimer): Promise<void> {
    for (const path of markdown) {
      if (generation !== this.generation) return;
      if (this.files.has(path)) this.summary(path);
      if (slices.due()) {
        await slices.pause();
        slices.restart();
      }
    }
    if (generation !== this.generation) return;
    this.summariesDone = true;
    // Caches keyed on the revision (the keyword tally) now see every page.
    this.revisionValue++;
  }

  private add(path: string): IndexedFile | undefined {
    const location = locate(this.layout, path);
    if (!location) return undefined;
    const file = { path, location };
    this.files.set(path, file);
    const dir = dirname(path);
    let names = this.folders.get(dir);
    if (!names) {
      names = new Set();
      this.folders.set(dir, names);
    }
    names.add(basename(path));
    return file;
  }

  private remove(path: string): void {
    this.files.delete(path);
    this.summaries.delete(path);
    this.folders.get(dirname(path))?.delete(basename(path));
    // A deleted folder: drop everything below it.
    const prefix = path + '/';
    for (const p of [...this.files.keys()]) {
      if (p.startsWith(prefix)) {
        this.files.delete(p);
        this.summaries.delete(p);
      }
    }
    for (const d of [...this.folders.keys()]) if (d === path || d.startsWith(prefix)) this.folders.delete(d);
  }

  /** Keeps the index current from a file-watch event. A created folder is scanned at once. */
  fileChanged(path: string, change: 'created' | 'changed' | 'deleted'): void {
    this.revisionValue++;
    this.stamped.delete(path);
    this.applyChange(path, change);
    for (const l of this.changeListeners) l(path);
  }

  /**
   * The site's Hugo configuration (at its root, outside `content/`) was created, changed or deleted: nothing in the
   * index changes, but caches that depend on it (whether the site is a full checkout or an excerpt) must be dropped.
   */
  configChanged(path: string): void {
    this.revisionValue++;
    this.stamped.delete(path);
    for (const l of this.changeListeners) l(path);
  }

  /**
   * Calls `listener` with the path of every file or folder that changed on disk or in an editor, so caches
   * built over the index (aliases, headings) can drop what they knew about it.
   */
  onDidChange(listener: (path: string) => void): void {
    this.changeListeners.push(listener);
  }

  private applyChange(path: string, change: 'created' | 'changed' | 'deleted'): void {
    if (change === 'deleted') {
      this.remove(path);
      return;
    }
    const stat = this.fs.stat(path);
    if (!stat || stat.isSymbolicLink) {
      // Gone again, or a symbolic link, which the scan does not follow either.
      this.remove(path);
      return;
    }
    if (stat.isDirectory) {
      const entries = this.fs.readDir(path) ?? [];
      for (const e of entries) {
        if (e.isDirectory && !EXCLUDED_DIRS.has(e.name)) this.applyChange(`${path}/${e.name}`, 'created');
        else if (e.isFile) this.add(`${path}/${e.name}`);
      }
      return;
    }
    this.add(path);
    this.summaries.delete(path);
  }

  /** Folders of `content/` the scan could not read, in the order met. */
  unreadableFolders(): readonly string[] {
    return [...this.unreadableDirs];
  }

  /**
   * Whether a file written at `path` would really land inside `content/`: the nearest of its folders that exists,
   * with symbolic links resolved, lies inside the real `content/` (a cloned repository can make a folder of the
   * site a link to anywhere), and nothing unresolvable (a dangling link) already sits at `path`. For a file that
   * exists, its own real location is checked. A file system that cannot resolve links is judged by the path alone.
   */
  reallyInContent(path: string): boolean {
    if (!isInside(path, this.layout.contentDir) || path === this.layout.contentDir) return false;
    if (!this.fs.realPath) return true;
    const realPath = (p: string): string | undefined => this.fs.realPath?.(p);
    const content = realPath(this.layout.contentDir);
    if (content === undefined) return false;
    const real = realPath(path);
    if (real !== undefined) return isInside(real, content);
    if ((this.fs.readDir(dirname(path)) ?? []).some((e) => e.name === basename(path))) return false;
    for (let dir = dirname(path); isInside(dir, this.layout.contentDir); dir = dirname(dir)) {
      const r = realPath(dir);
      if (r !== undefined) return isInside(r, content);
    }
    return false;
  }

  /** Whether a file exists (exact case). */
  exists(path: string): boolean {
    if (this.stateValue === 'ready') return this.files.has(path);
    return this.fs.stat(path)?.isFile === true;
  }

  /** The names of the files directly inside `dir` (no folders); outside `content/` (a static folder), from the disk. */
  filesIn(dir: string): readonly string[] {
    if (this.stateValue === 'ready' && isInside(dir, this.layout.contentDir)) return [...(this.folders.get(dir) ?? [])];
    return (this.fs.readDir(dir) ?? []).filter((e) => e.isFile).map((e) => e.name);
  }

  /**
   * The names of the folders directly inside `dir` that hold files, sorted (the index knows a folder by its files,
   * which is all the layouts that list child bundles need).
   */
  foldersIn(dir: string): readonly string[] {
    if (this.stateValue !== 'ready') {
      return (this.fs.readDir(dir) ?? [])
        .filter((e) => e.isDirectory && !EXCLUDED_DIRS.has(e.name))
        .map((e) => e.name)
        .sort();
    }
    const out: string[] = [];
    for (const [d, names] of this.folders) if (names.size > 0 && d !== dir && dirname(d) === dir) out.push(basename(d));
    return out.sort();
  }

  /** Every indexed file (complete once `state` is `ready`). */
  allFiles(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get(path: string): IndexedFile | undefined {
    return this.files.get(path);
  }

  /** The file's size and modification time, from the disk (also outside `content/`). */
  stat(path: string): FileStat | undefined {
    return this.fs.stat(path);
  }

  /** The entries of a folder from the disk, also outside `content/` (the Hugo configuration's `config/_default/`). */
  readDir(dir: string): readonly DirEntry[] | undefined {
    return this.fs.readDir(dir);
  }

  /** The open editor's text of a file, or `undefined` when it is not open. */
  openTextOf(path: string): string | undefined {
    return this.openText(path);
  }

  /** The text of a file: the open editor's version first, then the disk. */
  readText(path: string): string | undefined {
    return this.openText(path) ?? this.fs.readText(path);
  }

  /**
   * The text of a small file that every check reads (the site's `.spelling` and `mdl.rb`), kept while its modification
   * time and size stay the same: a check then costs one `stat` instead of resolving the path and reading the file,
   * which was 4 % of the server's time with the whole site open. An open editor's text wins, as in `readText`; a
   * symbolic link is never kept, so every read of one goes through the file system's checks.
   */
  readStamped(path: string): string | undefined {
    const open = this.openText(path);
    if (open !== undefined) return open;
    const stat = this.fs.stat(path);
    const kept = this.stamped.get(path);
    if (stat?.isFile && !stat.isSymbolicLink && kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept.text;
    this.stamped.delete(path);
    const text = this.fs.readText(path);
    if (text !== undefined && stat?.isFile && !stat.isSymbolicLink) this.stamped.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, text });
    return text;
  }

  /** The page's frontmatter summary, cached by modification time. */
  summary(path: string): PageSummary | undefined {
    const open = this.openText(path);
    const stat = open !== undefined ? undefined : this.fs.stat(path);
    const mtimeMs = open !== undefined ? -1 : (stat?.mtimeMs ?? -2);
    const cached = this.summaries.get(path);
    if (cached && cached.mtimeMs === mtimeMs && mtimeMs >= 0) return cached.summary;
    if ((open?.length ?? stat?.size ?? 0) > this.maxFileSizeValue) return undefined;
    const text = open ?? this.fs.readText(path);
    if (text === undefined) return undefined;
    const summary = summarize(text);
    this.summaries.set(path, { mtimeMs, summary });
    return summary;
  }

  /**
   * The summary read last (by the background scan or a request), without reading the file: for tallies over the
   * whole site, which must not read every page inside one request. It may predate the file's last change.
   */
  cachedSummary(path: string): PageSummary | undefined {
    return this.summaries.get(path)?.summary;
  }

  /** Forgets cached knowledge of a file whose open-editor text changed. */
  invalidate(path: string): void {
    this.summaries.delete(path);
    for (const l of this.changeListeners) l(path);
  }

  dispose(): void {
    this.generation++;
  }
}

function summarize(text: string): PageSummary {
  const fm = parseFrontmatter(text);
  const get = (key: string): unknown => fm?.byKey.get(key)?.value;
  const title = get('title');
  const linkTitle = get('linktitle');
  const aliases = get('aliases');
  const keywords = get('keywords');
  const translationKey = get('translationkey');
  const outputs = get('outputs');
  // Summaries outlive the text: every string is copied out of it (ownString.ts), or the page stays in memory.
  const own = (v: unknown): string | undefined => (typeof v === 'string' ? ownString(v) : undefined);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(ownString) : []);
  return {
    title: own(title),
    linkTitle: typeof linkTitle === 'string' ? ownString(linkTitle) : typeof linkTitle === 'number' ? String(linkTitle) : own(title),
    aliases: typeof aliases === 'string' ? [ownString(aliases)] : strings(aliases),
    translationKey: own(translationKey),
    keywords: strings(keywords),
    draft: get('draft') === true,
    shortcodes: countShortcodes(text),
    outputs: Array.isArray(outputs) ? strings(outputs).map((o) => o.toLowerCase()) : undefined,
  };
}

function countShortcodes(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(OPENING_TAG)) {
    const name = m[1]!;
    const n = counts.get(name);
    // The first occurrence becomes the key: a copy (a long name such as `istio_full_version_revision` is a slice).
    counts.set(n === undefined ? ownString(name) : name, (n ?? 0) + 1);
  }
  return counts;
}
