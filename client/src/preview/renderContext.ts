import { locate, type ContentLocation, type ShortcodeCatalog, type SiteIndex, type SiteLayout, type SiteValues } from '../../../server/engine';
import type { PreviewHost } from './previewHost';

/** What render rules know about the document being rendered: where it sits in its site, as the engine says. */
export interface RenderContext {
  readonly host: PreviewHost;
  readonly env: unknown;
  readonly docPath: string | undefined;
  /** Set when the document is a page of a Hugo content tree (`content/<lang>/…`). */
  readonly site: { readonly layout: SiteLayout; readonly index: SiteIndex; readonly loc: ContentLocation } | undefined;
  /**
   * The site the text is read as a page of: the document's (none outside any site), or, while VS Code parses without
   * the document, the workspace's.
   */
  readonly textSite: SiteIndex | undefined;
  /** `textSite`'s catalog (the built-in one outside any site): how tags pair and how each is drawn. */
  readonly catalog: ShortcodeCatalog;
  readonly values: SiteValues;
  /** Boilerplates being inlined, outermost first (a boilerplate including itself stops here). */
  readonly boilerplates: readonly string[];
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
  const { engine } = host;
  const docPath = host.documentPath(env);
  const docSite = docPath === undefined ? undefined : engine.siteOf(docPath);
  const loc = docSite && docPath !== undefined ? locate(docSite.layout, docPath) : undefined;
  const site = docSite && loc ? { layout: docSite.layout, index: docSite, loc } : undefined;
  // Without a site of its own (VS Code parsing without the document, or a README elsewhere), the workspace's values:
  // they only fill in links and versions. Its catalog only while the document is unknown: elsewhere, the built-in one.
  const fallback = docSite ?? workspaceSite(host);
  const textSite = docPath === undefined ? fallback : docSite;
  return { host, env, docPath, site, textSite, catalog: engine.catalogFor(textSite), values: engine.siteValues(fallback), boilerplates: [] };
}

function workspaceSite(host: PreviewHost): SiteIndex | undefined {
  const root = host.defaultSiteRoot();
  // Any path below the root finds it: the engine climbs from the path's folder.
  return root === undefined ? undefined : host.engine.siteOf(`${root}/_`);
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
  return ctx.site !== undefined && !ctx.host.engine.pageFacts(ctx.site.index).isFullCheckout();
}
