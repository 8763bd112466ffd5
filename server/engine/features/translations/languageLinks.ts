/**
 * What a root-relative link of the source page becomes in a new translation. The site's rules, as its translations
 * follow them:
 * - zh (a language of `languagePrefixLint`) always links its own pages: the site's lint rejects `/docs/…` in a zh page,
 *   and 2,336 zh links carry `/zh/` while none does not;
 * - another language links its own page where it exists (with the heading a `#fragment` names), else keeps the
 *   English page;
 * - `aliases:` name the new page itself, so they always carry its language (an unprefixed alias would claim the
 *   English page's old URL);
 * - `{{< image link="/…" >}}` in a translation is looked up as `content/<link>`, so an unprefixed link never resolves
 *   there: it takes the language wherever the image exists in either language (a missing copy then gets the
 *   "copy from the English bundle" fix instead of a build failure with none).
 * Links to another language, outside the content tree (`/v1.6/`, `/archive/`) or relative ones are kept.
 */
import { LANGUAGE_PREFIX_LINT, OUTSIDE_TREE } from '../../site/linkRules';
import { pageFacts } from '../../site/pageFacts';
import { pageTarget, resolveLink } from '../../site/resolve';
import type { SiteIndex } from '../../site/siteIndex';
import { DEFAULT_LANGUAGE, type ContentLocation } from '../../site/siteLayout';

/** Where a link is written; each place resolves by its own rule (`site/resolve.ts`). */
export type LinkPlace = 'markdown' | 'image-shortcode' | 'social-image' | 'alias';

export interface TranslationTarget {
  readonly site: SiteIndex;
  /** The page the translation is made from. */
  readonly from: ContentLocation;
  /** The new page's language. */
  readonly lang: string;
  /** Files the plan creates (the page, the copied resources): they exist once the plan is carried out. */
  readonly planned: ReadonlySet<string>;
}

const prefixOf = (lang: string): string => (lang === DEFAULT_LANGUAGE ? '' : `/${lang}`);

/** The link as the translation should write it, or `undefined` to keep it as written. */
export function linkInLanguage(t: TranslationTarget, written: string, place: LinkPlace): string | undefined {
  const tail = pathInOwnLanguage(t, written);
  if (tail === undefined || OUTSIDE_TREE.some((r) => r.test(tail))) return undefined;
  const moved = `${prefixOf(t.lang)}${tail}`;
  if (moved === written) return undefined;
  if (place === 'alias') return moved;

  const { site, from, lang } = t;
  const contentDir = site.layout.contentDir;
  const there = (path: string): boolean => t.planned.has(path) || site.exists(path);
  const pathPart = tail.split(/[?#]/)[0]!;
  if (place === 'image-shortcode') {
    if (there(`${contentDir}/${lang}${pathPart}`)) return moved;
    return lang !== DEFAULT_LANGUAGE && site.exists(`${contentDir}/${from.lang}${pathPart}`) ? moved : undefined;
  }

  const required = LANGUAGE_PREFIX_LINT.has(lang);
  const r = resolveLink(site.layout, from, written);
  if (r.kind === 'page' && place === 'markdown') {
    if (required) return moved;
    const page = pageTarget(site.layout, lang, r.urlPath, r.fragment).candidates.find(there);
    if (page === undefined) return undefined;
    // The English page has the heading; a translation that lacks it would be a worse place to land.
    return r.fragment && site.exists(page) && pageFacts(site).anchorsOf(page)?.ids.has(r.fragment) === false ? undefined : moved;
  }
  // A file (a Markdown image, a bundle file, `social_image`): a name without a known extension is a file here too.
  const sourcePath = r.kind === 'file' ? r.path : r.kind === 'page' ? `${contentDir}/${r.lang}/${r.urlPath}` : undefined;
  const sourceRoot = `${contentDir}/${from.lang}/`;
  if (sourcePath === undefined || !sourcePath.startsWith(sourceRoot)) return undefined;
  if (there(`${contentDir}/${lang}/${sourcePath.slice(sourceRoot.length)}`)) return moved;
  // zh must prefix; a content file of the source language then gets the engine's copy fix. A file only in `static/`
  // (served at the same URL in every language) is kept.
  return required && site.exists(sourcePath) ? moved : undefined;
}

/**
 * The link without the source page's language prefix (`/docs/x/` of an English page as is, `/zh/docs/x/` of a zh page
 * as `/docs/x/`); `undefined` unless it is a root-relative link into the source page's own language.
 */
function pathInOwnLanguage(t: TranslationTarget, written: string): string | undefined {
  if (!written.startsWith('/') || written.startsWith('//')) return undefined;
  const own = prefixOf(t.from.lang);
  if (own === '') {
    // An English page linking another language's page on purpose keeps it.
    const first = written.slice(1).split(/[/?#]/)[0]!;
    return first !== DEFAULT_LANGUAGE && t.site.layout.languages.includes(first) ? undefined : written;
  }
  if (written === own) return '/';
  return written.startsWith(`${own}/`) ? written.slice(own.length) : undefined;
}
