import type { SiteIndex } from '../../site/siteIndex';
import { rankBySummaries, tallyKey, type Counted } from '../../site/summaryTally';

const USAGE = tallyKey('shortcode usage tally');
/** The rank map of each tally (a new tally is a new array), so a completion costs a look-up. */
const ranks = new WeakMap<readonly Counted[], ReadonlyMap<string, number>>();

/**
 * Each shortcode's place when the site's shortcodes are ranked by how many tags of it the pages open (ties
 * alphabetical); a shortcode no page uses has none. So `image`, `text` and `tip` come before `cancel_icon`.
 */
export function shortcodeUsageRank(site: SiteIndex): ReadonlyMap<string, number> {
  const ranked = rankBySummaries(site, USAGE, (summary) => summary.shortcodes);
  let rank = ranks.get(ranked);
  if (!rank) {
    rank = new Map(ranked.map((c, i) => [c.name, i]));
    ranks.set(ranked, rank);
  }
  return rank;
}
