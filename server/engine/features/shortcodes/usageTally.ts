import { cacheKey } from '../../caches';
import type { SiteIndex } from '../../site/siteIndex';

interface Tally {
  readonly revision: number;
  readonly state: string;
  /** Shortcode name → its place when ranked by use (0: the most used). */
  readonly rank: ReadonlyMap<string, number>;
}

/** The site's last tally, kept by its index (a box, so a new tally replaces the old one). */
const TALLY = cacheKey<{ last: Tally | undefined }>('shortcode usage tally');

/**
 * Each shortcode's place when the site's shortcodes are ranked by how many tags of it the pages open (ties
 * alphabetical); a shortcode no page uses has none. Built from the index's page summaries and cached until the index
 * changes on disk (its `revision`), so a completion costs a look-up: `image`, `text` and `tip` come before
 * `cancel_icon`.
 */
export function shortcodeUsageRank(site: SiteIndex): ReadonlyMap<string, number> {
  const box = site.caches.get(TALLY, () => ({ last: undefined }));
  const cached = box.last;
  if (cached && cached.revision === site.revision && cached.state === site.state) return cached.rank;
  const counts = new Map<string, number>();
  for (const file of site.allFiles()) {
    if (file.location.kind === 'resource') continue;
    // Only summaries already read: the background scan reads them all, and a request must not read the site.
    const summary = site.cachedSummary(file.path);
    if (!summary) continue;
    for (const [name, n] of summary.shortcodes) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rank = new Map(ranked.map(([name], i) => [name, i]));
  box.last = { revision: site.revision, state: site.state, rank };
  return rank;
}
