import type { SiteIndex } from '../../site/siteIndex';
import { rankBySummaries, tallyKey, type Counted } from '../../site/summaryTally';

const KEYWORDS = tallyKey('keyword tally');

/** The keywords already used across the site, with the number of pages using each, most frequent first. */
export function siteKeywords(site: SiteIndex): readonly Counted[] {
  // A page counts once per keyword, however often its list repeats it.
  return rankBySummaries(site, KEYWORDS, (summary) => [...new Set(summary.keywords)].map((k) => [k, 1] as const));
}
