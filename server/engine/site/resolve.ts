/**
 * How istio.io resolves every kind of reference, as pure functions of the page's location and the text as written.
 * The rules come from the site's templates (`layouts/shortcodes/image.html`) and from how browsers resolve
 * relative URLs against a page's URL; `test/unit/site/resolve.test.ts` pins them one by one.
 */
import { extname, normalize } from './paths';
import { FILE_EXTENSIONS, FORBIDDEN_HOSTS, ISTIO_HOSTS, OUTSIDE_TREE } from './linkRules';
import { DEFAULT_LANGUAGE, type ContentLocation, type SiteLayout } from './siteLayout';

/** A content file a reference points at (which may or may not exist). */
export interface FileTarget {
  readonly kind: 'file';
  /** Absolute path of the file the site would serve. */
  readonly path: string;
  /**
   * For a root-relative file link: its URL path (`/talks/x.pdf`), which the site's static folders (`staticDir`) or a
   * page's output format (`/news/feed.xml`) may serve too.
   */
  readonly staticUrl: string | undefined;
}

/** A page of the site, addressed by its URL. */
export interface PageTarget {
  readonly kind: 'page';
  readonly lang: string;
  /** The URL path inside the language, without slashes at either end: `blog/2023/istio-at-kubecon-eu` (`''` = home). */
  readonly urlPath: string;
  readonly fragment: string | undefined;
  /** The content files that would render at that URL, in Hugo's order: bundle, section, leaf. */
  readonly candidates: readonly string[];
}

export type Resolution =
  /** Not checked: another site, `mailto:`, a destination built by a shortcode, an empty one. */
  | { readonly kind: 'skip'; readonly reason: 'external' | 'shortcode' | 'empty' | 'outside-tree' | 'text-fragment' }
  /** `https://istio.io/latest/docs/…`: the site's lint wants it root-relative. */
  | { readonly kind: 'istio-absolute'; readonly rootRelative: string }
  /** `https://preliminary.istio.io/…`: forbidden by the site's lint. */
  | { readonly kind: 'forbidden-host'; readonly host: string }
  /** `#id`: a heading of the same page. */
  | { readonly kind: 'anchor'; readonly fragment: string }
  | (FileTarget & { readonly fragment: string | undefined })
  | PageTarget;

export type ImageResolution =
  | { readonly kind: 'skip'; readonly reason: 'shortcode' | 'empty' }
  /** `http(s)://…`: only allowed with `ratio` (the template cannot measure it). */
  | { readonly kind: 'external' }
  | FileTarget;

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** The language folder's content root: `/site/content/zh`. */
function langRoot(layout: SiteLayout, lang: string): string {
  return `${layout.contentDir}/${lang}`;
}

/** The URL of a page: `/blog/2023/istiocon-china/` (en), `/zh/blog/2023/istiocon-china/`, `/blog/2024/x/` for `x.md`. */
export function pageUrl(loc: ContentLocation): string {
  const prefix = loc.lang === DEFAULT_LANGUAGE ? '' : `/${loc.lang}`;
  let path = loc.pageDir;
  if (loc.kind === 'leaf') {
    const base = loc.relPath.slice(loc.relPath.lastIndexOf('/') + 1).replace(/\.(md|markdown|html)$/i, '');
    path = path ? `${path}/${base}` : base;
  }
  return `${prefix}/${path}${path ? '/' : ''}`.toLowerCase();
}

/**
 * `{{< image link=… >}}` (istio.io's `image.html`): `http://`/`https://` is external; `/abs` is used as is;
 * anything else loses one leading `../` or `./` and is joined to the page's folder (`.File.Dir`), prefixed
 * with the language for translations. The file checked is `content/en` + link for English pages and
 * `content` + link for the others, so translations write `/zh/docs/…`.
 */
export function resolveImageLink(layout: SiteLayout, loc: ContentLocation, link: string): ImageResolution {
  if (link.trim() === '') return { kind: 'skip', reason: 'empty' };
  if (link.includes('{{')) return { kind: 'skip', reason: 'shortcode' };
  // The template tests for the scheme, not for "http": `http-to-gateway.svg` is a local file.
  if (link.startsWith('http://') || link.startsWith('https://')) return { kind: 'external' };
  let url: string;
  if (link.startsWith('/')) {
    url = link;
  } else {
    const rest = link.startsWith('../') ? link.slice(3) : link.startsWith('./') ? link.slice(2) : link;
    const prefix = loc.lang === DEFAULT_LANGUAGE ? '' : `/${loc.lang}`;
    url = `${prefix}/${loc.pageDir}${loc.pageDir ? '/' : ''}${rest}`;
  }
  const base = loc.lang === DEFAULT_LANGUAGE ? langRoot(layout, DEFAULT_LANGUAGE) : layout.contentDir;
  return { kind: 'file', path: normalize(`${base}/${stripQuery(url)}`), staticUrl: undefined };
}

/**
 * A Markdown image, a bundle file link or `social_image:`: a URL relative to the page's URL, which for a
 * bundle is its own folder.
 */
export function resolveBundleReference(layout: SiteLayout, loc: ContentLocation, target: string): ImageResolution {
  const r = resolveLink(layout, loc, target);
  if (r.kind === 'file') return { kind: 'file', path: r.path, staticUrl: r.staticUrl };
  if (r.kind === 'page') {
    // A name without a known file extension (`diagram`) is still a file for an image.
    return { kind: 'file', path: `${langRoot(layout, r.lang)}/${r.urlPath}`, staticUrl: undefined };
  }
  if (r.kind === 'skip' && (r.reason === 'shortcode' || r.reason === 'empty')) return { kind: 'skip', reason: r.reason };
  return { kind: 'external' };
}

/** A Markdown link's destination: another site, a file, a page (with its fragment) or a heading of this page. */
export function resolveLink(layout: SiteLayout, loc: ContentLocation, target: string): Resolution {
  const t = target.trim();
  if (t === '') return { kind: 'skip', reason: 'empty' };
  if (t.includes('{{')) return { kind: 'skip', reason: 'shortcode' };
  if (t.startsWith('#')) {
    const fragment = elementId(t.slice(1));
    return fragment === undefined ? { kind: 'skip', reason: 'text-fragment' } : { kind: 'anchor', fragment };
  }
  if (t.startsWith('//')) return { kind: 'skip', reason: 'external' };
  if (SCHEME.test(t)) return resolveAbsoluteUrl(t);

  const hash = t.indexOf('#');
  const fragment = hash >= 0 ? elementId(t.slice(hash + 1)) : undefined;
  // The server decodes the path before it looks for the file: `Istio%20audit%20report.pdf` is `Istio audit report.pdf`.
  const pathPart = decode(stripQuery(hash >= 0 ? t.slice(0, hash) : t));
  const url = pathPart.startsWith('/') ? pathPart : joinUrl(pageUrl(loc), pathPart);
  if (OUTSIDE_TREE.some((r) => r.test(url))) return { kind: 'skip', reason: 'outside-tree' };

  const { lang, rest } = splitLanguage(layout, url);
  const ext = extname(rest);
  if (FILE_EXTENSIONS.has(ext)) {
    const staticUrl = pathPart.startsWith('/') ? normalize(url) : undefined;
    return { kind: 'file', path: normalize(`${langRoot(layout, lang)}/${rest}`), staticUrl, fragment };
  }
  return pageTarget(layout, lang, rest, fragment);
}

/** The page at `urlPath` of `lang`, with the content files that could hold it. */
export function pageTarget(layout: SiteLayout, lang: string, urlPath: string, fragment: string | undefined): PageTarget {
  const p = urlPath.replace(/^\/+|\/+$/g, '');
  const root = langRoot(layout, lang);
  const candidates =
    p === ''
      ? [`${root}/_index.md`, `${root}/_index.html`]
      : [`${root}/${p}/index.md`, `${root}/${p}/_index.md`, `${root}/${p}.md`, `${root}/${p}/index.html`, `${root}/${p}/_index.html`, `${root}/${p}.html`];
  return { kind: 'page', lang, urlPath: p, fragment, candidates };
}

/** `/zh/docs/x` → zh + `docs/x`; `/docs/x` → en + `docs/x` (English sits at the root). */
export function splitLanguage(layout: SiteLayout, url: string): { lang: string; rest: string } {
  const p = url.replace(/^\/+/, '');
  const slash = p.indexOf('/');
  const first = slash < 0 ? p : p.slice(0, slash);
  if (first !== DEFAULT_LANGUAGE && layout.languages.includes(first)) {
    return { lang: first, rest: slash < 0 ? '' : p.slice(slash + 1) };
  }
  return { lang: DEFAULT_LANGUAGE, rest: p };
}

/** The URL of a content file as a page: `content/zh/blog/2023/x/index.md` → `/zh/blog/2023/x/`. */
export function urlOfPage(loc: ContentLocation): string | undefined {
  if (loc.kind === 'resource') return undefined;
  return pageUrl(loc);
}

/** `https://istio.io/latest/docs/x/` → root-relative `/docs/x/`; versioned and archived URLs are left alone. */
function resolveAbsoluteUrl(t: string): Resolution {
  const m = /^https?:\/\/([^/?#]+)(.*)$/i.exec(t);
  if (!m) return { kind: 'skip', reason: 'external' };
  const host = m[1]!.toLowerCase();
  if (FORBIDDEN_HOSTS.has(host)) return { kind: 'forbidden-host', host };
  if (!ISTIO_HOSTS.has(host)) return { kind: 'skip', reason: 'external' };
  const rest = m[2] === '' ? '/' : m[2]!;
  if (OUTSIDE_TREE.some((r) => r.test(rest)) && !/^\/latest(\/|$)/.test(rest)) return { kind: 'skip', reason: 'outside-tree' };
  const rootRelative = rest.replace(/^\/latest(?=\/|$)/, '') || '/';
  return { kind: 'istio-absolute', rootRelative };
}

/** Resolves a relative URL path against a base URL ending in `/`, the way a browser does. */
export function joinUrl(base: string, relative: string): string {
  if (relative === '') return base;
  const trailing = relative.endsWith('/') || relative === '.' || relative === '..';
  const joined = normalize(`${base}${relative}`);
  return trailing && joined !== '/' ? `${joined}/` : joined;
}

function stripQuery(s: string): string {
  const q = s.indexOf('?');
  return q < 0 ? s : s.slice(0, q);
}

/**
 * The id a `#fragment` scrolls to, decoded. A browser's text fragment (`#:~:text=…`, after an id or alone) is a
 * directive it strips before looking for the id, never an id: undefined when nothing is left.
 */
function elementId(fragment: string): string | undefined {
  const directive = fragment.indexOf(':~:');
  const id = directive < 0 ? fragment : fragment.slice(0, directive);
  return directive >= 0 && id === '' ? undefined : decode(id);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
