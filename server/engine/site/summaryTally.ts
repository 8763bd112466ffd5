import { cacheKey, type CacheKey } from '../caches';
import type { PageSummary, SiteIndex } from './siteIndex';

/** A name and how often the site's pages use it. */
export interface Counted {
  readonly name: string;
  readonly count: number;
}

interface Tally {
  revision: number;
  state: string;
  ranked: readonly Counted[];
  /** The summary each page was counted from: counting it again gives what to take away when it changes. */
  readonly pages: Map<string, PageSummary>;
  readonly counts: Map<string, number>;
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
 *
 * After a change, only the pages whose summary is a new one are counted again: recounting the whole site cost the
 * first completion after each save 2–8 ms on istio.io's 2,665 pages, against a fraction of a millisecond now.
 */
export function rankBySummaries(site: SiteIndex, key: TallyKey, count: (summary: PageSummary) => Iterable<readonly [string, number]>): readonly Counted[] {
  const box = site.caches.get(key, () => ({ last: undefined }));
  const tally = (box.last ??= { revision: -1, state: '', ranked: [], pages: new Map(), counts: new Map() });
  if (tally.revision === site.revision && tally.state === site.state) return tally.ranked;
  const { pages, counts } = tally;
  const add = (summary: PageSummary, sign: 1 | -1): void => {
    for (const [name, n] of count(summary)) {
      const total = (counts.get(name) ?? 0) + sign * n;
      if (total === 0) counts.delete(name);
      else counts.set(name, total);
    }
  };
  let changed = tally.revision === -1;
  let kept = 0;
  for (const file of site.allFiles()) {
    if (file.location.kind === 'resource') continue;
    const summary = site.cachedSummary(file.path);
    const counted = pages.get(file.path);
    if (counted === summary) {
      if (counted) kept++;
      continue;
    }
    changed = true;
    if (counted) add(counted, -1);
    if (summary) {
      add(summary, 1);
      pages.set(file.path, summary);
      kept++;
    } else pages.delete(file.path);
  }
  // Each page of the index was met once: more pages counted than met means some left the index.
  if (pages.size > kept) {
    changed = true;
    for (const [path, summary] of pages) {
      const file = site.get(path);
      if (file && file.location.kind !== 'resource') continue;
      add(summary, -1);
      pages.delete(path);
    }
  }
  if (changed) tally.ranked = [...counts].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  tally.revision = site.revision;
  tally.state = site.state;
  return tally.ranked;
}
