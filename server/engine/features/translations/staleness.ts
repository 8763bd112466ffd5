/**
 * Whether a translation is out of date, the way istio.io's `scripts/lsync.sh` decides it: take the last commit that
 * touched the translation (`git log -n 1 -- <translation>`); the translation is stale when the source differs between
 * that commit and HEAD (`git diff --exit-code <commit>...HEAD <source>`). Comparing the source's blob ids at the two
 * revisions is the same test without a diff. Pure: the git answers are injected, so the rules are tested without git.
 */

export interface Commit {
  readonly hash: string;
  /** Committer date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly subject: string;
  /** Position in `git log` order, 0 = HEAD's side: a smaller number is a later commit. */
  readonly order: number;
}

export interface GitFacts {
  /** Commits that touched the repository-relative `path`, newest first; empty when it was never committed. */
  history(path: string): readonly Commit[];
  /** The blob id of `path` at `rev`, `undefined` when the file is absent there. */
  blob(rev: string, path: string): string | undefined;
}

/** A translation and its source, as repository-relative paths. */
export interface TranslationPair {
  readonly source: string;
  readonly translation: string;
}

export type Staleness =
  | { readonly kind: 'uncommitted' }
  | { readonly kind: 'fresh'; readonly translationCommit: Commit }
  | { readonly kind: 'stale'; readonly translationCommit: Commit; readonly sourceCommits: readonly Commit[] };

export const HEAD = 'HEAD';

/** The blobs `classify` will ask for, so an adapter can fetch them all in one `git cat-file --batch-check`. */
export function blobQueries(pairs: readonly TranslationPair[], history: (path: string) => readonly Commit[]): { rev: string; path: string }[] {
  const out: { rev: string; path: string }[] = [];
  const seen = new Set<string>();
  const add = (rev: string, path: string): void => {
    const k = `${rev}:${path}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ rev, path });
    }
  };
  for (const pair of pairs) {
    const last = history(pair.translation)[0];
    // No commit to the source since the translation's: its blob cannot differ, so there is nothing to ask.
    if (!last || !changedSince(history(pair.source), last)) continue;
    add(last.hash, pair.source);
    add(HEAD, pair.source);
  }
  return out;
}

export function classify(pair: TranslationPair, git: GitFacts): Staleness {
  const translationCommit = git.history(pair.translation)[0];
  if (!translationCommit) return { kind: 'uncommitted' };
  if (!changedSince(git.history(pair.source), translationCommit)) return { kind: 'fresh', translationCommit };
  if (git.blob(translationCommit.hash, pair.source) === git.blob(HEAD, pair.source)) return { kind: 'fresh', translationCommit };
  const sourceCommits = git.history(pair.source).filter((c) => c.order < translationCommit.order);
  return { kind: 'stale', translationCommit, sourceCommits };
}

/**
 * Whether a commit after `commit` touched the file whose history is `history`. When none did, the file is the same
 * at `commit` and at HEAD, and the blob look-up (lsync.sh's diff) is skipped: on istio.io most pairs are fresh, and
 * asking git for two blobs per pair was most of the report's time. A change made and then reverted still has
 * commits, so it is still decided by the blobs, as lsync.sh's diff decides it.
 */
function changedSince(history: readonly Commit[], commit: Commit): boolean {
  return history.length > 0 && history[0]!.order < commit.order;
}
