import type { SiteIndex } from '../../site/siteIndex';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';

/**
 * The languages of the site: the folders under `content/` found when the site was opened, any language folder
 * that appeared since (seen by the index), and `extra` (the document's own language, a language the user named).
 * Source language first, then alphabetical.
 */
export function siteLanguages(site: SiteIndex, extra: readonly string[] = []): string[] {
  const langs = new Set<string>(site.layout.languages);
  for (const l of extra) langs.add(l);
  if (site.state === 'ready') for (const f of site.allFiles()) langs.add(f.location.lang);
  return [...langs].sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)));
}
