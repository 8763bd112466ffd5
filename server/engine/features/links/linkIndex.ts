/**
 * The site's reverse link index: every link and image reference of every page, resolved once, and the pages that
 * point at each page URL and each file. Rename, Find All References and the whole-site check ask it which pages to
 * touch instead of reading the site (istio.io: about 16,000 links in 2,700 pages).
 *
 * Built on first use in time slices (a request waits; other requests are answered between slices), then kept
 * current from the index's change events: a page that changed on disk or in an editor is read again on the next
 * question, nothing else is.
 */
import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cacheKey } from '../../caches';
import type { ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import { LineIndex } from '../../parser/lineIndex';
import { parseDocument } from '../../parser/parsedDocument';
import { isInside } from '../../site/paths';
import { pageUrl } from '../../site/resolve';
import type { SiteIndex } from '../../site/siteIndex';
import { SliceTimer, type SliceOptions } from '../../site/slices';
import { linkTarget, type LinkTarget } from './linkTargets';
import { collectReferences, type ReferenceKind } from './references';

const MARKDOWN = /\.(md|markdown)$/i;

/** One reference of one page, as the index keeps it. */
export interface IndexedLink {
  /** The page it is written in. */
  readonly source: string;
  readonly kind: ReferenceKind;
  /** The target as written. */
  readonly written: string;
  /** Where the target as written starts (a target never spans lines). */
  readonly start: Position;
  readonly target: LinkTarget;
}

/** How the index shares the thread while it reads pages (`slices.ts`). */
export interface IndexWork extends SliceOptions {
  readonly catalog: ShortcodeCatalog;
  readonly pause: () => Promise<void>;
}

export class LinkIndex {
  private readonly pages = new Map<string, readonly IndexedLink[]>();
  private readonly byUrl = new Map<string, Set<string>>();
  private readonly byFile = new Map<string, Set<string>>();
  /** Files or folders that changed since they were read. */
  private readonly dirty = new Set<string>();
  private building: Promise<void> | undefined;

  constructor(private readonly site: SiteIndex) {
    site.onDidChange((path) => this.dirty.add(path));
  }

  /** Whether every page is indexed and no change is pending (answers are then exact). */
  get complete(): boolean {
    return this.building === undefined && this.dirty.size === 0 && this.site.state === 'ready' && this.pending().length === 0;
  }

  /** Reads what is missing or changed, in slices; concurrent callers share one pass. */
  ensure(work: IndexWork): Promise<void> {
    this.building ??= this.build(work).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(work: IndexWork): Promise<void> {
    await this.site.scan();
    const slices = new SliceTimer(work);
    // Changes may arrive while we pause: loop until a pass finds nothing to do.
    for (;;) {
      this.applyDirty();
      const todo = this.pending();
      if (todo.length === 0) return;
      for (const path of todo) {
        this.indexPage(path, work.catalog);
        if (slices.due()) {
          await slices.pause();
          slices.restart();
        }
      }
    }
  }

  /** Drops what changed: the page itself, or every page below a changed folder. */
  private applyDirty(): void {
    for (const changed of this.dirty) {
      // A page (the common event: each page opened or edited) has nothing below it: only a folder, or a path the
      // index does not know as a page, is looked for among every page, once per event for a whole site opened.
      if (this.pages.has(changed) && this.site.get(changed) !== undefined) {
        this.drop(changed);
        continue;
      }
      for (const path of [...this.pages.keys()]) if (isInside(path, changed)) this.drop(path);
    }
    this.dirty.clear();
  }

  /** Pages of the site that are not indexed yet. */
  private pending(): string[] {
    const out: string[] = [];
    for (const f of this.site.allFiles()) {
      if (f.location.kind !== 'resource' && MARKDOWN.test(f.path) && !this.pages.has(f.path)) out.push(f.path);
    }
    return out;
  }

  private indexPage(path: string, catalog: ShortcodeCatalog): void {
    const file = this.site.get(path);
    const stat = this.site.openTextOf(path) === undefined ? this.site.stat(path) : undefined;
    const text = file && (stat?.size ?? 0) <= this.site.maxFileSize ? this.site.readText(path) : undefined;
    const links: IndexedLink[] = [];
    if (file && text !== undefined && text.length <= this.site.maxFileSize) {
      const ownUrl = pageUrl(file.location);
      const at = positionsOf(text);
      for (const ref of collectReferences(parseDocument(text, catalog))) {
        if (ref.target.includes('\n')) continue;
        const target = linkTarget(this.site.layout, file.location, ownUrl, ref);
        if (target) links.push({ source: path, kind: ref.kind, written: copy(ref.target), start: at(ref.range.start), target: ownTarget(target) });
      }
    }
    this.pages.set(path, links);
    for (const l of links) add(l.target.kind === 'page' ? this.byUrl : this.byFile, l.target.kind === 'page' ? l.target.url : l.target.path, path);
  }

  private drop(path: string): void {
    for (const l of this.pages.get(path) ?? []) {
      const map = l.target.kind === 'page' ? this.byUrl : this.byFile;
      map.get(l.target.kind === 'page' ? l.target.url : l.target.path)?.delete(path);
    }
    this.pages.delete(path);
  }

  /** The references written in `path` (none when it is not indexed). */
  linksFrom(path: string): readonly IndexedLink[] {
    return this.pages.get(path) ?? [];
  }

  /** Pages with a link to the page whose URL key is `url` (`zh/docs/x`). */
  sourcesOfUrl(url: string): ReadonlySet<string> {
    return this.byUrl.get(url) ?? EMPTY;
  }

  /** Pages with a reference to the file at `path` (an image, a bundle file). */
  sourcesOfFile(path: string): ReadonlySet<string> {
    return this.byFile.get(path) ?? EMPTY;
  }

  /** Every page URL key some page links to. */
  linkedUrls(): IterableIterator<string> {
    return this.byUrl.keys();
  }

  /** Every file path some page references. */
  linkedFiles(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /** How many pages and references are indexed (the benchmark prints it). */
  get size(): { readonly pages: number; readonly links: number } {
    let links = 0;
    for (const l of this.pages.values()) links += l.length;
    return { pages: this.pages.size, links };
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * A string of its own rather than a slice of the page's text: the engine may keep a substring as a view of the
 * whole text, and the index would then hold every page of the site in memory (11 MB on istio.io) for its links.
 */
function copy(s: string): string {
  return (s + ' ').slice(0, -1);
}

function ownTarget(t: LinkTarget): LinkTarget {
  if (t.kind === 'file') return { kind: 'file', path: copy(t.path) };
  return { kind: 'page', url: copy(t.url), fragment: t.fragment === undefined ? undefined : copy(t.fragment) };
}

function add(map: Map<string, Set<string>>, key: string, path: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(path);
}

/** Offset → position for a page's text (the document's own rules where the text holds `\r`). */
export function positionsOf(text: string): (offset: number) => Position {
  const lines = LineIndex.of(text);
  if (lines) return (o) => lines.positionAt(o);
  const doc = TextDocument.create('memory:', 'markdown', 0, text);
  return (o) => doc.positionAt(o);
}

const LINK_INDEX = cacheKey<LinkIndex>('reverse link index');

/** The site's reverse link index, created on first use and kept by the site's index. */
export function linkIndexOf(site: SiteIndex): LinkIndex {
  return site.caches.get(LINK_INDEX, () => new LinkIndex(site));
}
