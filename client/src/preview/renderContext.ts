import { findSiteRoot, locate, readLayout, type ContentLocation, type SiteLayout, type FileSystem, pageFacts, SiteIndex, dirname, readSiteValues, type SiteValues, type SiteValuesCache } from '../../../server/engine';
import type { PreviewHost } from './previewHost';

/** What render rules know about the document being rendered: where it sits in its site. */
export interface RenderContext {
  readonly host: PreviewHost;
  readonly env: unknown;
  readonly docPath: string | undefined;
  /** Set when the document is a page of a Hugo content tree (`content/<lang>/…`). */
  readonly site: { readonly layout: SiteLayout; readonly index: SiteIndex; readonly loc: ContentLocation } | undefined;
  readonly values: SiteValues;
  /** Boilerplates being inlined, outermost first (a boilerplate including itself stops here). */
  readonly boilerplates: readonly string[];
}

interface SiteCache {
  /**
   * Sites by root. The index is never scanned: every query falls back to the file system, with page summaries
   * (glossary titles) cached by modification time, which is all a preview needs.
   */
  readonly sites: Map<string, { layout: SiteLayout; index: SiteIndex }>;
  /** Folder → site root (or none), so rendering does not walk up the tree each time. Cleared when it grows large. */
  readonly roots: Map<string, string | undefined>;
  /** `data/args.yml` values read so far, by path and modification time. */
  readonly values: SiteValuesCache;
}

/** Per file system: tests give each case its own in-memory tree at the same paths. */
const caches = new WeakMap<FileSystem, SiteCache>();

function cacheOf(fs: FileSystem): SiteCache {
  let c = caches.get(fs);
  if (!c) {
    c = { sites: new Map(), roots: new Map(), values: new Map() };
    caches.set(fs, c);
  }
  return c;
}

/** One context per render: VS Code passes a fresh `env` object to each render. */
const contexts = new WeakMap<object, RenderContext>();

/** The key under which a nested render (a boilerplate) passes its context along in `env`. */
export const CONTEXT_KEY = '__istioPreviewContext';

export function renderContext(host: PreviewHost, env: unknown): RenderContext {
  if (env && typeof env === 'object') {
    const cached = contexts.get(env);
    if (cached) return cached;
    const passed: unknown = Reflect.get(env, CONTEXT_KEY);
    const ctx = isContext(passed) ? passed : build(host, env);
    contexts.set(env, ctx);
    return ctx;
  }
  return build(host, env);
}

function isContext(v: unknown): v is RenderContext {
  return !!v && typeof v === 'object' && 'boilerplates' in v && 'host' in v;
}

function build(host: PreviewHost, env: unknown): RenderContext {
  const docPath = host.documentPath(env);
  const root = docPath === undefined ? undefined : siteRootOf(host, docPath);
  let site: RenderContext['site'];
  if (root !== undefined && docPath !== undefined) {
    const { sites } = cacheOf(host.fs);
    let entry = sites.get(root);
    if (!entry) {
      const layout = readLayout(host.fs, root);
      entry = { layout, index: new SiteIndex(host.fs, layout) };
      sites.set(root, entry);
    }
    const loc = locate(entry.layout, docPath);
    if (loc) site = { ...entry, loc };
  }
  return { host, env, docPath, site, values: readSiteValues(host.fs, root ?? host.defaultSiteRoot(), cacheOf(host.fs).values), boilerplates: [] };
}

function siteRootOf(host: PreviewHost, docPath: string): string | undefined {
  const { roots } = cacheOf(host.fs);
  const dir = dirname(docPath);
  if (roots.has(dir)) return roots.get(dir);
  if (roots.size > 500) roots.clear();
  const root = findSiteRoot(host.fs, docPath);
  roots.set(dir, root);
  return root;
}

/** A context for a nested render of `name` (a boilerplate), passed on through `env`. */
export function nestedContext(ctx: RenderContext, name: string): RenderContext {
  return { ...ctx, boilerplates: [...ctx.boilerplates, name] };
}

/** Said of a file that is missing from an excerpt of the site (as the server's checks do, see `isExcerpt`). */
export const EXCERPT_NOTE = 'not in this checkout of the site (no Hugo configuration at its root, so it is treated as an excerpt of content/)';

/**
 * The page's site has no Hugo configuration at its root: an excerpt of `content/`, where a boilerplate or glossary
 * term may simply not have been copied. The server's checks stay silent there; the preview says so without an error.
 */
export function isExcerpt(ctx: RenderContext): boolean {
  return ctx.site !== undefined && !pageFacts(ctx.site.index).isFullCheckout();
}
