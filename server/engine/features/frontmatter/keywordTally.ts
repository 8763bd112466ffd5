import { cacheKey } from '../../caches';
import type { SiteIndex } from '../../site/siteIndex';

interface Tally {
  readonly revision: number;
  readonly state: string;
  /** Keywords, most used first (ties alphabetical), with their counts. */
  readonly ranked: readonly { readonly keyword: string; readonly count: number }[];
}

/** The site's last tally, kept by its index (a box, so a new tally replaces the old one). */
const TALLY = cacheKey<{ last: Tally | undefined }>('keyword tally');

/**
 * The keywords already used across the site, most frequent first. Built from the index's page summaries and
 * cached until the index changes on disk (its `revision`), so a completion costs a look-up, not a scan.
 */
export function siteKeywords(site: SiteIndex): Tally['ranked'] {
  const box = site.caches.get(TALLY, () => ({ last: undefined }));
  const cached = box.last;
  if (cached && cached.revision === site.revision && cached.state === site.state) return cached.ranked;
  const counts = new Map<string, number>();
  for (const file of site.allFiles()) {
    if (file.location.kind === 'resource') continue;
    const summary = site.summary(file.path);
    if (!summary) continue;
    for (const k of new Set(summary.keywords)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts]
    .map(([keyword, count]) => ({ keyword, count }))
    .sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword));
  box.last = { revision: site.revision, state: site.state, ranked };
  return ranked;
}
