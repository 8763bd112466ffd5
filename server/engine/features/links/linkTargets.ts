/**
 * Where a reference lands, as a key the reverse link index can look up: a page by its URL (so a link keeps its
 * target whether the page is `x.md` or `x/index.md`, and a page created later is found without re-reading its
 * linkers), or a file by its path. Pure: the resolution rules are `site/resolve.ts`'s.
 */
import { urlKey } from '../../site/pageFacts';
import { resolveBundleReference, resolveImageLink, resolveLink } from '../../site/resolve';
import { DEFAULT_LANGUAGE, type ContentLocation, type SiteLayout } from '../../site/siteLayout';
import type { Reference } from './references';

export type LinkTarget =
  /** A page: `url` is its `urlKey` (`zh/docs/x`, `''` for the English home page). */
  | { readonly kind: 'page'; readonly url: string; readonly fragment: string | undefined }
  | { readonly kind: 'file'; readonly path: string };

/** The URL key of a page or file URL path of `lang` (`docs/x` in zh → `zh/docs/x`). */
export function langUrlKey(lang: string, urlPath: string): string {
  return urlKey(lang === DEFAULT_LANGUAGE ? urlPath : `${lang}/${urlPath}`);
}

/** What `ref`, written in the page at `loc`, points at; `undefined` for other sites, shortcodes and the like. */
export function linkTarget(layout: SiteLayout, loc: ContentLocation, ownUrl: string, ref: Reference): LinkTarget | undefined {
  if (ref.kind === 'image-shortcode') {
    const r = resolveImageLink(layout, loc, ref.target);
    return r.kind === 'file' ? { kind: 'file', path: r.path } : undefined;
  }
  if (ref.kind !== 'markdown-link') {
    const r = resolveBundleReference(layout, loc, ref.target);
    return r.kind === 'file' ? { kind: 'file', path: r.path } : undefined;
  }
  const r = resolveLink(layout, loc, ref.target);
  switch (r.kind) {
    case 'anchor':
      return { kind: 'page', url: urlKey(ownUrl), fragment: r.fragment };
    case 'page':
      return { kind: 'page', url: langUrlKey(r.lang, r.urlPath), fragment: r.fragment };
    case 'file':
      return { kind: 'file', path: r.path };
    case 'istio-absolute': {
      // `https://istio.io/latest/docs/x/` lands on the page `/docs/x/` (the site's lint wants it root-relative).
      const inner = resolveLink(layout, loc, r.rootRelative);
      if (inner.kind === 'page') return { kind: 'page', url: langUrlKey(inner.lang, inner.urlPath), fragment: inner.fragment };
      return inner.kind === 'file' ? { kind: 'file', path: inner.path } : undefined;
    }
    default:
      return undefined;
  }
}
