/**
 * How a link is written again once its target or its own page moved, in the author's style: a root-relative link
 * stays root-relative (`/docs/x/` → `/docs/y/`), an `https://istio.io/latest/…` link keeps its host, a relative one
 * stays relative when it can, and the trailing slash, `?query` and `#fragment` are kept as written. Every result is
 * resolved again by the site's own rules before it is used; one that would not land on the new target is written
 * root-relative instead.
 */
import { normalize } from '../../site/paths';
import { pageUrl } from '../../site/resolve';
import { DEFAULT_LANGUAGE, type ContentLocation, type SiteLayout } from '../../site/siteLayout';
import { linkTarget, type LinkTarget } from './linkTargets';
import type { ReferenceKind } from './references';

/** Where a reference must land after the move: a page by its new URL (`/zh/docs/y/`), or a file by its new path. */
export type NewTarget = { readonly kind: 'page'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

const ABSOLUTE = /^(https?:\/\/[^/?#]+(?:\/latest(?=[/?#]|$))?)(.*)$/i;

/**
 * The link `written` (of kind `kind`) in the page now at `loc`, written again to reach `target`; `undefined` when it
 * already does.
 */
export function rewriteTarget(layout: SiteLayout, loc: ContentLocation, kind: ReferenceKind, written: string, target: NewTarget): string | undefined {
  const raw = written.trimEnd();
  if (raw.trimStart().startsWith('#')) return undefined;
  if (lands(layout, loc, kind, raw, target)) return undefined;
  const lead = raw.slice(0, raw.length - raw.trimStart().length);
  const abs = ABSOLUTE.exec(raw.trimStart());
  const head = lead + (abs ? abs[1]! : '');
  const rest = abs ? abs[2]! : raw.trimStart();
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  const rootRelative = withSlashStyle(target.kind === 'page' ? target.url : fileUrl(layout, target.path), path, target.kind === 'page');
  const candidates: string[] = [];
  if (!abs && !path.startsWith('/')) candidates.push(relativeForm(layout, loc, kind, path, target));
  candidates.push(rootRelative);
  for (const c of candidates) {
    const out = head + c + tail;
    if (lands(layout, loc, kind, out, target)) return out;
  }
  return head + rootRelative + tail;
}

/** Whether `written`, in the page at `loc`, resolves to `target` by the site's rules. */
function lands(layout: SiteLayout, loc: ContentLocation, kind: ReferenceKind, written: string, target: NewTarget): boolean {
  const r: LinkTarget | undefined = linkTarget(layout, loc, pageUrl(loc), { kind, target: written, range: { start: 0, end: 0 }, hasRatio: false });
  if (!r) return false;
  return target.kind === 'page' ? r.kind === 'page' && r.url === urlKeyOf(target.url) : r.kind === 'file' && r.path === target.path;
}

function urlKeyOf(url: string): string {
  return url.replace(/^\/+|\/+$/g, '').toLowerCase();
}

/** The root-relative URL of a content file: `content/en/docs/x.svg` → `/docs/x.svg`, `content/zh/…` → `/zh/…`. */
export function fileUrl(layout: SiteLayout, path: string): string {
  const rest = path.slice(layout.contentDir.length + 1);
  return rest.startsWith(`${DEFAULT_LANGUAGE}/`) ? rest.slice(DEFAULT_LANGUAGE.length) : `/${rest}`;
}

/** A page URL with or without its trailing slash, as the old link was written. */
function withSlashStyle(url: string, oldPath: string, page: boolean): string {
  if (!page || url === '/' || oldPath === '' || oldPath.endsWith('/')) return url;
  return url.replace(/\/$/, '');
}

/** The target relative to the page: `./x.svg` inside its bundle for an image shortcode, `../y/` for a link. */
function relativeForm(layout: SiteLayout, loc: ContentLocation, kind: ReferenceKind, oldPath: string, target: NewTarget): string {
  const to = target.kind === 'page' ? target.url : fileUrl(layout, target.path);
  if (kind === 'image-shortcode') {
    // The template joins a relative link to the page's folder (`.File.Dir`).
    const folder = `${loc.lang === DEFAULT_LANGUAGE ? '' : `/${loc.lang}`}/${loc.pageDir}/`;
    const inside = normalize(to).startsWith(normalize(folder) + '/');
    return inside ? `${oldPath.startsWith('./') ? './' : ''}${normalize(to).slice(normalize(folder).length + 1)}` : to;
  }
  const rel = relativeUrl(pageUrl(loc), to);
  return withSlashStyle(rel, oldPath, target.kind === 'page');
}

/** `to` relative to the folder URL `from` (both root-relative; `from` ends in `/`). */
export function relativeUrl(from: string, to: string): string {
  const base = from.split('/').filter((s) => s !== '');
  const parts = to.split('/').filter((s) => s !== '');
  let common = 0;
  while (common < base.length && common < parts.length && base[common]!.toLowerCase() === parts[common]!.toLowerCase()) common++;
  const rel = '../'.repeat(base.length - common) + parts.slice(common).join('/');
  const trailing = to.endsWith('/') && parts.length > common ? '/' : '';
  return rel === '' ? './' : rel + trailing;
}
