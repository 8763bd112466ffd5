import { cacheKey } from '../caches';
import { builtInCatalog, type ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import type { Heading } from '../parser/markdown';
import type { ParsedDocument } from '../parser/parsedDocument';
import { parseDocument } from '../parser/parsedDocument';
import { hostPage, layoutAnchors } from './layoutAnchors';
import { hugoConfig } from './hugoConfig';
import { publishConfig, type PublishConfig } from './publishConfig';
import { HUGO_CONFIG_FILES } from './linkRules';
import { basename, dirname, extname, isInside } from './paths';
import { pageUrl } from './resolve';
import type { SiteIndex } from './siteIndex';

/** One page of the site as links see it. */
export interface PageEntry {
  readonly path: string;
  readonly lang: string;
  /** `/zh/blog/2023/istiocon-china/`: the URL Hugo gives it (lower-cased, as Hugo does). */
  readonly url: string;
  readonly title: string | undefined;
  readonly aliases: readonly string[];
}

/** The anchors a page offers to `#fragment` links. */
export interface PageAnchors {
  readonly headings: readonly Heading[];
  /**
   * Heading ids, plus the headings of the boilerplates it includes, raw HTML `id=`/`name=` attributes, its tabs'
   * `category-value`s and the ids its layout generates.
   */
  readonly ids: ReadonlySet<string>;
  /** Other files whose content gives the page anchors: boilerplates it includes, glossary terms of its bundle. */
  readonly included: readonly string[];
  /** Some anchors come from other files below the page's folder (the glossary, the FAQ): an excerpt of the site may lack them. */
  readonly generated: boolean;
}

const catalog = builtInCatalog();
const MARKDOWN = new Set(['.md', '.markdown', '.html']);
const HTML_ID = /\s(?:id|name)\s*=\s*["']([^"']+)["']/g;
const BOILERPLATE = /\{\{[<%]\s*boilerplate\s+"?([\w./-]+)"?\s*[>%]\}\}/g;

interface Stamp {
  readonly open: string | undefined;
  readonly mtimeMs: number;
  readonly size: number;
}

const sameStamp = (a: Stamp, b: Stamp): boolean => a.open === b.open && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** Whether two catalogs pair every shortcode of `parsed` alike: the catalog decides nothing else of a parse. */
function samePairing(parsed: ParsedDocument, a: ShortcodeCatalog, b: ShortcodeCatalog): boolean {
  if (a === b) return true;
  for (const tag of parsed.shortcodes.tags) if (a.get(tag.name)?.inner !== b.get(tag.name)?.inner) return false;
  return true;
}

/** Lower-cased URL path without slashes at the ends: the key pages and aliases are looked up by. */
export function urlKey(url: string): string {
  return url.replace(/^\/+|\/+$/g, '').toLowerCase();
}

/**
 * What the link checks need to know about the site's pages, kept current from the index's change events
 * without re-scanning: page URLs (for case checks and completion), `aliases:` (valid link targets too), and
 * each page's anchors (parsed on demand, cached by modification time).
 */
export class PageFacts {
  private readonly entries = new Map<string, PageEntry>();
  private readonly byUrl = new Map<string, string>();
  private readonly byAlias = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private built = false;
  private needsRebuild = false;
  /** Per language, the sorted page list of `listVersion` (pages of several languages are checked in turn). */
  private readonly lists = new Map<string, PageEntry[]>();
  /** Per language, its sorted pages by the last segment of their URL, for `listVersion`. */
  private readonly bySlug = new Map<string, Map<string, PageEntry[]>>();
  private listVersion = -1;
  private version = 0;
  /** Cached until the next change event (the site root is not watched; any content event refreshes it). */
  private fullCheckout: boolean | undefined;
  /** The settings of the site's hugo.toml that decide its paths; cached like `fullCheckout`. */
  private config: PublishConfig | undefined;
  /** Per path: the anchors and what they were computed from (the open text itself, or the file's mtime and size). */
  private readonly anchors = new Map<string, { stamp: Stamp; anchors: PageAnchors }>();
  /** Per file that gives other pages anchors (a boilerplate, a glossary term), the cached pages it gives them to. */
  private readonly includedBy = new Map<string, Set<string>>();
  /** The cached pages whose layout generates anchors from the files below their folder. */
  private readonly generatedPages = new Set<string>();
  /** Per parse of a page being checked, its own anchors (see `ownAnchors`). */
  private readonly ownByParse = new WeakMap<ParsedDocument, PageAnchors>();
  /** Per boilerplate, the ids it gives the pages that include it, with the stamp they were read at. */
  private readonly boilerplates = new Map<string, { stamp: Stamp; ids: readonly string[] }>();

  constructor(private readonly site: SiteIndex) {
    site.onDidChange((path) => {
      this.dirty.add(path);
      this.fullCheckout = undefined;
      this.config = undefined;
      // A page's anchors also come from the boilerplates it includes and, for the layouts that generate ids (the
      // glossary, the FAQ pages), the files below its folder: a change to one of those (or a new one) makes them
      // stale though the page did not change.
      // Through reverse maps: looking at every cached page for each event made opening a whole site quadratic.
      this.anchors.delete(path);
      for (const page of this.includedBy.get(path) ?? []) this.anchors.delete(page);
      for (const page of this.generatedPages) if (isInside(path, dirname(page))) this.anchors.delete(page);
    });
  }

  /** Whether page and alias look-ups are complete (the background scan is done, page summaries included). */
  get ready(): boolean {
    return this.refresh();
  }

  /** A site root with a Hugo configuration is a full checkout; without one it is an excerpt of `content/`. */
  isFullCheckout(): boolean {
    if (this.fullCheckout === undefined) {
      const root = this.site.layout.root === '/' ? '' : this.site.layout.root;
      this.fullCheckout = HUGO_CONFIG_FILES.some((f) => this.site.stat(`${root}/${f}`) !== undefined);
    }
    return this.fullCheckout;
  }

  /**
   * The settings of the site's Hugo configuration that decide which paths it has: static dirs, output formats, alias
   * pages. Read from the configuration `hugoConfig` parses; Hugo's defaults without one.
   */
  hugoConfig(): PublishConfig {
    this.config ??= publishConfig(hugoConfig(this.site)?.merged);
    return this.config;
  }

  /** The page whose URL is `url` ignoring letter case. */
  pageByUrl(url: string): PageEntry | undefined {
    this.refresh();
    const path = this.byUrl.get(urlKey(url));
    return path === undefined ? undefined : this.entries.get(path);
  }

  /** The pages that list `url` in their `aliases:`. */
  pagesByAlias(url: string): PageEntry[] {
    this.refresh();
    return [...(this.byAlias.get(urlKey(url)) ?? [])].flatMap((p) => this.entries.get(p) ?? []);
  }

  entry(path: string): PageEntry | undefined {
    this.refresh();
    return this.entries.get(path);
  }

  /** Every page of `lang`, sorted by URL (cached until a page changes). */
  pagesOf(lang: string): readonly PageEntry[] {
    this.refresh();
    if (this.listVersion !== this.version) {
      this.lists.clear();
      this.bySlug.clear();
      this.listVersion = this.version;
    }
    let list = this.lists.get(lang);
    if (!list) {
      list = [...this.entries.values()].filter((e) => e.lang === lang).sort((a, b) => a.url.localeCompare(b.url));
      this.lists.set(lang, list);
    }
    return list;
  }

  /**
   * The pages of `lang` whose URL ends in `/<slug>/`, sorted by URL: the "did you mean" of a link to a missing page.
   * Indexed once per change of the page list; a site with many broken links scanned every page for each one.
   */
  pagesWithSlug(lang: string, slug: string): readonly PageEntry[] {
    const pages = this.pagesOf(lang);
    let index = this.bySlug.get(lang);
    if (!index) {
      index = new Map();
      for (const p of pages) {
        if (!p.url.endsWith('/')) continue;
        const last = p.url.slice(p.url.lastIndexOf('/', p.url.length - 2) + 1, -1);
        const list = index.get(last);
        if (list) list.push(p);
        else index.set(last, [p]);
      }
      this.bySlug.set(lang, index);
    }
    return index.get(slug) ?? [];
  }

  /** The anchors of a page (its own headings, its boilerplates' headings, raw HTML ids), cached by mtime. */
  anchorsOf(path: string): PageAnchors | undefined {
    const stamp = this.stampOf(path);
    if (!stamp) return undefined;
    const cached = this.anchors.get(path);
    if (cached && sameStamp(cached.stamp, stamp)) return cached.anchors;
    const text = stamp.open ?? this.site.readText(path);
    if (text === undefined) return undefined;
    const anchors = this.anchorsFromText(path, text);
    this.cacheAnchors(path, stamp, anchors);
    return anchors;
  }

  /**
   * The anchors of the page being checked, from its own parse: computed once per parse, not once per `#fragment`
   * link in it. When the parse is of the page's current text (its open text, or the disk's) and pairs its shortcodes
   * as the built-in catalog does (which `anchorsOf` parses with), they are also what links from other pages find:
   * the page is not parsed a second time for them.
   */
  ownAnchors(path: string, parsed: ParsedDocument, parsedWith: ShortcodeCatalog): PageAnchors {
    let anchors = this.ownByParse.get(parsed);
    if (anchors) return anchors;
    const stamp = this.stampOf(path);
    const current = stamp !== undefined && (stamp.open ?? this.site.readText(path)) === parsed.text && samePairing(parsed, parsedWith, catalog);
    const cached = current ? this.anchors.get(path) : undefined;
    anchors = cached && sameStamp(cached.stamp, stamp!) ? cached.anchors : this.anchorsFromText(path, parsed.text, parsed);
    if (current) this.cacheAnchors(path, stamp!, anchors);
    this.ownByParse.set(parsed, anchors);
    return anchors;
  }

  private cacheAnchors(path: string, stamp: Stamp, anchors: PageAnchors): void {
    this.anchors.set(path, { stamp, anchors });
    for (const file of anchors.included) {
      let pages = this.includedBy.get(file);
      if (!pages) this.includedBy.set(file, (pages = new Set()));
      pages.add(path);
    }
    // Entries of pages no longer cached (or no longer including the file) only cost a delete of nothing.
    if (anchors.generated) this.generatedPages.add(path);
  }

  /** What a page's anchors are computed from: its open text, or its modification time and size on disk. */
  private stampOf(path: string): Stamp | undefined {
    const open = this.site.openTextOf(path);
    // Comparing the open text itself is exact, and cheap next to parsing it.
    if (open !== undefined) return { open, mtimeMs: -1, size: open.length };
    const st = this.site.stat(path);
    return st?.isFile ? { open: undefined, mtimeMs: st.mtimeMs, size: st.size } : undefined;
  }

  /** The anchors of a page's text; pass `parsed` when the caller has already parsed it. */
  anchorsFromText(path: string, text: string, parsed: ParsedDocument = parseDocument(text, catalog)): PageAnchors {
    const headings = parsed.markdown.headings;
    const ids = new Set(headings.map((h) => h.id));
    for (const m of text.matchAll(HTML_ID)) ids.add(m[1]!);
    for (const v of tabValues(parsed)) ids.add(v);
    const included: string[] = [];
    const loc = this.site.get(path)?.location;
    const lang = loc?.lang ?? /\/content\/([^/]+)\//.exec(path)?.[1];
    if (lang) {
      for (const m of text.matchAll(BOILERPLATE)) {
        const file = `${this.site.layout.contentDir}/${lang}/boilerplates/${m[1]!.replace(/\.md$/, '')}.md`;
        included.push(file);
        for (const id of this.boilerplateIds(file)) ids.add(id);
      }
    }
    const generated = layoutAnchors(this.site, path, parsed.frontmatter?.byKey.get('layout')?.value);
    if (generated) {
      for (const id of generated.ids) ids.add(id);
      included.push(...generated.included);
    }
    return { headings, ids, included, generated: generated !== undefined };
  }

  /**
   * The ids of a boilerplate's headings and tabs, which the pages including it have, cached by its stamp: a page's own
   * anchors are computed again at each of its edits, and reading and parsing its boilerplates each time was a
   * tenth of a millisecond per keystroke on the largest page.
   */
  private boilerplateIds(file: string): readonly string[] {
    const stamp = this.stampOf(file);
    if (!stamp) return [];
    const cached = this.boilerplates.get(file);
    if (cached && sameStamp(cached.stamp, stamp)) return cached.ids;
    const text = stamp.open ?? this.site.readText(file);
    if (text === undefined) return [];
    const parsed = parseDocument(text, catalog);
    const ids = [...parsed.markdown.headings.map((h) => h.id), ...tabValues(parsed)];
    this.boilerplates.set(file, { stamp, ids });
    return ids;
  }

  /** Applies pending changes; returns whether the page list is complete (listed, and every summary read). */
  private refresh(): boolean {
    if (this.site.state !== 'ready' || !this.site.summariesComplete) return false;
    if (!this.built || this.needsRebuild) {
      this.rebuild();
      return true;
    }
    if (this.dirty.size === 0) return true;
    for (const path of this.dirty) {
      const ext = extname(path);
      if (MARKDOWN.has(ext)) {
        this.update(path);
        // A bundle's index.md coming or going turns the Markdown files beside it into resources, or back into pages.
        if (basename(path) === 'index.md') for (const name of this.site.filesIn(dirname(path))) if (MARKDOWN.has(extname(name))) this.update(`${dirname(path)}/${name}`);
      }
      else if (ext === '' || !this.site.get(path)) {
        // A folder was created or deleted (or something unknown): the pages below it changed.
        if (this.hasEntriesBelow(path) || this.site.stat(path)?.isDirectory) {
          this.rebuild();
          return true;
        }
      }
    }
    this.dirty.clear();
    return true;
  }

  private hasEntriesBelow(folder: string): boolean {
    const prefix = folder + '/';
    for (const p of this.entries.keys()) if (p.startsWith(prefix)) return true;
    return false;
  }

  private rebuild(): void {
    // The first build comes right after the scan read every page's summary: those are taken as read. Checking each
    // one's modification time again (2,665 stats on istio.io) held the first keystroke after the index for 30-65 ms;
    // a page changed since is marked dirty by its file-watch event, as after any build. Later builds check them.
    const fromScan = !this.built;
    this.entries.clear();
    this.byUrl.clear();
    this.byAlias.clear();
    this.dirty.clear();
    for (const f of this.site.allFiles()) if (f.location.kind !== 'resource') this.update(f.path, fromScan);
    this.built = true;
    this.needsRebuild = false;
    this.version++;
  }

  /** `fromScan`: the summary the scan read is used as it is (an open page's text still wins). */
  private update(path: string, fromScan = false): void {
    this.version++;
    const old = this.entries.get(path);
    if (old) {
      this.entries.delete(path);
      if (this.byUrl.get(urlKey(old.url)) === path) this.byUrl.delete(urlKey(old.url));
      for (const a of old.aliases) this.byAlias.get(urlKey(a))?.delete(path);
    }
    const file = this.site.get(path);
    if (!file || file.location.kind === 'resource' || !this.site.exists(path)) return;
    // A glossary term or an FAQ question: a resource of its bundle, published only inside the bundle's page.
    if (hostPage(this.site, path)) return;
    // Boilerplates and other headless bundles have no URL of their own, but listing them is harmless.
    const summary = (fromScan && this.site.openTextOf(path) === undefined ? this.site.cachedSummary(path) : undefined) ?? this.site.summary(path);
    const entry: PageEntry = {
      path,
      lang: file.location.lang,
      url: pageUrl(file.location),
      title: summary?.title,
      aliases: summary?.aliases ?? [],
    };
    this.entries.set(path, entry);
    // A bundle's index.md wins over a stray leaf of the same URL, as in Hugo.
    if (!this.byUrl.has(urlKey(entry.url)) || file.location.kind !== 'leaf') this.byUrl.set(urlKey(entry.url), path);
    for (const a of entry.aliases) {
      const key = urlKey(a.startsWith('/') ? a : `/${a}`);
      let set = this.byAlias.get(key);
      if (!set) {
        set = new Set();
        this.byAlias.set(key, set);
      }
      set.add(path);
    }
  }
}

const PAGE_FACTS = cacheKey<PageFacts>('page facts');

/** The page facts of a site, created on first use and kept by the site's index. */
export function pageFacts(site: SiteIndex): PageFacts {
  return site.caches.get(PAGE_FACTS, () => new PageFacts(site));
}

/**
 * The `category-value`s of a page's tabs: the site's tab script opens the tab whose value equals `location.hash`, so
 * `/about/ecosystem/#services` is a valid link (`{{< tab name="Services" category-value="services" >}}`).
 */
function tabValues(parsed: ParsedDocument): string[] {
  const out: string[] = [];
  for (const tag of parsed.shortcodes.tags) {
    if (tag.kind !== 'open' || tag.name !== 'tab') continue;
    const value = tag.params.find((p) => p.name === 'category-value')?.value;
    if (value) out.push(value);
  }
  return out;
}
