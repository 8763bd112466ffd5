import { extname } from '../site/paths';

/**
 * "Did you mean": the one module behind every suggestion of the features (frontmatter keys, shortcode names and
 * parameters, text syntaxes, boilerplates, glossary titles, file names, heading anchors). One measure, the
 * optimal-string-alignment distance, and one ranking; what differs by use is a policy, named below with its reason.
 */

/**
 * Optimal-string-alignment distance: Levenshtein plus a swap of two neighbouring letters counting once, the commonest
 * typo. Gives up, returning `limit + 1`, as soon as every alignment exceeds `limit`, so a scan over hundreds of
 * candidates stays cheap.
 */
export function distance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A bound on how many candidates the suggestions of one check compare: each broken link of a page is compared with
 * every heading id of its target (or every file of a folder), so a page of thousands of links to thousands of headings
 * made millions of comparisons (14 s for 200 KB). istio.io's pages spend a few thousand at most; past the bound a
 * finding comes without a suggestion, and the check stays linear.
 */
export class SuggestionBudget {
  constructor(private left: number) {}

  /** Whether `count` more comparisons may be made (they are then spent); when not, the caller suggests nothing. */
  take(count: number): boolean {
    if (count > this.left) return false;
    this.left -= count;
    return true;
  }
}

/** How near a candidate must be to be suggested, and which of the near ones are. */
export interface SuggestionPolicy {
  /** The largest distance that is still a near miss, for a word of this length. */
  readonly limit: (length: number) => number;
  /** Compare as written (heading ids); otherwise both sides in lower case. */
  readonly caseSensitive?: boolean;
  /** Leave out a candidate equal to the word as compared: the word is right already, only its case differs. */
  readonly skipSame?: boolean;
  /** A distance that beats the edit distance for some candidates (a completed prefix, another extension). */
  readonly shortcut?: (word: string, candidate: string) => number | undefined;
  /** Added after the limit is checked, so it only ranks (a file of the wrong kind after its equals). */
  readonly penalty?: (candidate: string) => number;
  /** `closest`: every candidate at the smallest distance, in the given order; a number: that many, best first. */
  readonly pick: 'closest' | number;
}

/** The candidates the policy suggests for `word`, best first. */
export function didYouMean(word: string, candidates: Iterable<string>, policy: SuggestionPolicy): string[] {
  const w = policy.caseSensitive ? word : word.toLowerCase();
  const limit = policy.limit(w.length);
  const near: Array<{ readonly name: string; readonly d: number }> = [];
  for (const name of candidates) {
    const c = policy.caseSensitive ? name : name.toLowerCase();
    if (policy.skipSame && c === w) continue;
    const d = policy.shortcut?.(w, c) ?? distance(w, c, limit);
    if (d > limit) continue;
    near.push({ name, d: d + (policy.penalty?.(name) ?? 0) });
  }
  if (policy.pick === 'closest') {
    const best = Math.min(...near.map((n) => n.d));
    return [...new Set(near.filter((n) => n.d === best).map((n) => n.name))];
  }
  return near
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, policy.pick)
    .map((n) => n.name);
}

/**
 * Frontmatter keys and a bundle's file names: only the closest, all of them on a tie, since each becomes a rename fix
 * and the message lists them with "or". Short keys allow one edit, long ones up to three.
 */
export const CLOSEST_KEYS: SuggestionPolicy = {
  limit: (n) => (n <= 4 ? 1 : n <= 8 ? 2 : 3),
  pick: 'closest',
};

/**
 * Names of the site (shortcodes, their parameters, text syntaxes, boilerplates, glossary titles): up to three, best
 * first, within a third of the word; a word that a name starts with (`tab` → `tabset`) counts as one edit.
 */
export const NEAR_NAMES: SuggestionPolicy = {
  limit: (n) => Math.max(1, Math.floor(n / 3)),
  skipSame: true,
  shortcut: (w, c) => (c.startsWith(w) && w.length >= 3 ? 1 : undefined),
  pick: 3,
};

function stem(name: string): string {
  const ext = extname(name);
  return (ext ? name.slice(0, -ext.length) : name).toLowerCase();
}

/**
 * Files of a folder: the same name with another extension first (`diagram.svg` for `diagram.png`), then small edit
 * distances (at most a third of the name, at least two); `preferred` extensions rank first among equals (images for an
 * image reference).
 */
export function nearFiles(preferred?: ReadonlySet<string>): SuggestionPolicy {
  return {
    limit: (n) => Math.max(2, Math.floor(n / 3)),
    skipSame: true,
    shortcut: (w, c) => (stem(c) === stem(w) ? 0.5 : undefined),
    ...(preferred ? { penalty: (name: string) => (preferred.has(extname(name)) ? 0 : 0.25) } : {}),
    pick: 3,
  };
}

/** Heading ids of a page: case-sensitive as the browser compares them, up to three within a third of the fragment. */
export const NEAR_ANCHORS: SuggestionPolicy = {
  limit: (n) => Math.max(2, Math.floor(n / 3)),
  caseSensitive: true,
  pick: 3,
};
