import { cacheKey, type CacheKey } from '../caches';
import type { PageSummary, SiteIndex } from './siteIndex';

/** A name and how often the site's pages use it. */
export interface Counted {
  readonly name: string;
  readonly count: number;
}

interface Tally {
  readonly revision: number;
  readonly state: string;
  readonly ranked: readonly Counted[];
}

/** A tally's slot in the site's caches (a box, so a new tally replaces the old one). */
export type TallyKey = CacheKey<{ last: Tally | undefined }>;

export function tallyKey(name: string): TallyKey {
  return cacheKey(name);
}

/**
 * Names counted over every page's summary, most used first (ties alphabetical). Built from the summaries the index
 * has already read (the background scan reads them all; a completion request must not read the site), and cached
 * under `key` until the index changes on disk (its `revision`), so asking again costs a look-up.
 */
export function rankBySummaries(site: SiteIndex, key: TallyKey, count: (summary: PageSummary) => Iterable<readonly [string, number]>): readonly Counted[] {
  const box = site.caches.get(key, () => ({ last: undefined }));
  const cached = box.last;
  if (cached && cached.revision === site.revision && cached.state === site.state) return cached.ranked;
  const counts = new Map<string, number>();
  for (const file of site.allFiles()) {
    if (file.location.kind === 'resource') continue;
    const summary = site.cachedSummary(file.path);
    if (!summary) continue;
    for (const [name, n] of count(summary)) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  const ranked = [...counts].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  box.last = { revision: site.revision, state: site.state, ranked };
  return ranked;
}
