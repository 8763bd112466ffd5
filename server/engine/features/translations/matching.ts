import type { ContentKind } from './types';
import type { SiteIndex } from '../../site/siteIndex';
import { DEFAULT_LANGUAGE, locate, pathIn } from '../../site/siteLayout';
import { siteLanguages } from './languages';

/** One language's version of a content file. */
export interface Version {
  readonly lang: string;
  /** The version's file, or where it would be created (the same relative path). */
  readonly path: string;
  readonly exists: boolean;
  readonly title: string | undefined;
  readonly byTranslationKey: boolean;
}

export interface Translations {
  readonly path: string;
  readonly lang: string;
  readonly relPath: string;
  readonly kind: ContentKind;
  /** The page's `translationKey`, when it sets one. */
  readonly translationKey: string | undefined;
  /** Every language of the site and the document's own, source language first. */
  readonly versions: readonly Version[];
}

const isPage = (kind: ContentKind): boolean => kind !== 'resource';

/**
 * The versions of a content file in every language, the way Hugo pairs translations: by identical path under
 * `content/<lang>/` ("translation by content directory"), unless a page sets `translationKey`, in which case the
 * pages with the same key are its translations wherever they are. A page with a key and one without never pair
 * (their Hugo keys differ), even at the same path. `undefined` outside `content/<lang>/`.
 */
export function findTranslations(site: SiteIndex, path: string): Translations | undefined {
  const location = locate(site.layout, path);
  if (!location) return undefined;
  const { lang, relPath, kind } = location;
  const key = isPage(kind) ? site.summary(path)?.translationKey : undefined;
  const keyed = key !== undefined ? pagesWithKey(site, key) : undefined;

  const versions = siteLanguages(site, [lang]).map((l): Version => {
    if (l === lang) return { lang: l, path, exists: true, title: titleOf(site, path, kind), byTranslationKey: false };
    const samePath = pathIn(site.layout, l, relPath);
    const keyedPath = keyed?.get(l);
    if (keyedPath !== undefined) {
      return { lang: l, path: keyedPath, exists: true, title: titleOf(site, keyedPath, 'leaf'), byTranslationKey: keyedPath !== samePath };
    }
    let exists = site.exists(samePath);
    // The page at the same path is another page when the two disagree on translationKey.
    if (exists && isPage(kind) && site.summary(samePath)?.translationKey !== key) exists = false;
    return { lang: l, path: samePath, exists, title: exists ? titleOf(site, samePath, kind) : undefined, byTranslationKey: false };
  });
  return { path, lang, relPath, kind, translationKey: key, versions };
}

/**
 * The source-language (`en`) page a translation was made from, when it exists: the same path, or the English page
 * with the same `translationKey`. Cheaper than `findTranslations` (one language, no title): diagnostics call it.
 * `candidate` is the path the source has or would have, so a caller can depend on it before it exists.
 * `own` is the page's own frontmatter when the caller has parsed the text being checked (the diagnostics do): its
 * summary would be the same, at the cost of a `stat` on every translated page.
 */
export function sourceOf(site: SiteIndex, path: string, own?: { readonly translationKey: string | undefined }): { path: string | undefined; candidate: string } | undefined {
  const location = locate(site.layout, path);
  if (!location || location.lang === DEFAULT_LANGUAGE || !isPage(location.kind)) return undefined;
  const candidate = pathIn(site.layout, DEFAULT_LANGUAGE, location.relPath);
  const key = own ? own.translationKey : site.summary(path)?.translationKey;
  if (key !== undefined) return { path: pagesWithKey(site, key).get(DEFAULT_LANGUAGE), candidate };
  const exists = site.exists(candidate) && site.summary(candidate)?.translationKey === undefined;
  return { path: exists ? candidate : undefined, candidate };
}

function titleOf(site: SiteIndex, path: string, kind: ContentKind): string | undefined {
  return isPage(kind) ? site.summary(path)?.title : undefined;
}

/**
 * Language → the page carrying `translationKey: key`. Only pages that set a key need this (none on istio.io today),
 * and the summaries it reads are cached by modification time, so it is a walk over the index, not over the disk.
 */
function pagesWithKey(site: SiteIndex, key: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of site.allFiles()) {
    if (!isPage(f.location.kind) || out.has(f.location.lang)) continue;
    if (site.summary(f.path)?.translationKey === key) out.set(f.location.lang, f.path);
  }
  return out;
}
