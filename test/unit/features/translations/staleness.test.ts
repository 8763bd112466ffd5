import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blobQueries, classify, type Commit, type GitFacts } from '../../../../server/engine/features/translations/staleness';

const EN = 'content/en/blog/2024/ambient-reaches-beta/index.md';
const ZH = 'content/zh/blog/2024/ambient-reaches-beta/index.md';
const pair = { source: EN, translation: ZH };

/** A linear history, newest first: c4 (HEAD) … c1. */
const commit = (n: number, subject: string): Commit => ({ hash: `c${n}`.padEnd(40, '0'), date: `2024-05-1${n}`, subject, order: 4 - n });
const c1 = commit(1, 'Add the beta post');
const c2 = commit(2, 'zh: translate the beta post');
const c3 = commit(3, 'Fix a typo in the beta post');
const c4 = commit(4, 'Clarify waypoints');

function facts(history: Record<string, Commit[]>, blobs: Record<string, string>): GitFacts {
  return { history: (p) => history[p] ?? [], blob: (rev, p) => blobs[`${rev}:${p}`] };
}

describe('translation staleness (lsync.sh semantics, injected git answers)', () => {
  it('is stale when the source differs between the translation\u2019s last commit and HEAD, listing the source commits since', () => {
    const git = facts({ [EN]: [c4, c3, c1], [ZH]: [c2] }, { [`${c2.hash}:${EN}`]: 'blob-a', [`HEAD:${EN}`]: 'blob-b' });
    assert.deepEqual(classify(pair, git), { kind: 'stale', translationCommit: c2, sourceCommits: [c4, c3] });
  });

  it('is fresh when the translation was committed after the source\u2019s last change', () => {
    const git = facts({ [EN]: [c1], [ZH]: [c2] }, { [`${c2.hash}:${EN}`]: 'blob-a', [`HEAD:${EN}`]: 'blob-a' });
    assert.deepEqual(classify(pair, git), { kind: 'fresh', translationCommit: c2 });
  });

  it('is fresh when the source changed and changed back (git diff <commit>...HEAD is empty)', () => {
    const git = facts({ [EN]: [c4, c3, c1], [ZH]: [c2] }, { [`${c2.hash}:${EN}`]: 'blob-a', [`HEAD:${EN}`]: 'blob-a' });
    assert.equal(classify(pair, git).kind, 'fresh');
  });

  it('is stale when the source was added after the translation (absent at that commit)', () => {
    const git = facts({ [EN]: [c3], [ZH]: [c2] }, { [`HEAD:${EN}`]: 'blob-b' });
    assert.deepEqual(classify(pair, git), { kind: 'stale', translationCommit: c2, sourceCommits: [c3] });
  });

  it('cannot judge a translation that was never committed', () => {
    const git = facts({ [EN]: [c1] }, { [`HEAD:${EN}`]: 'blob-a' });
    assert.deepEqual(classify(pair, git), { kind: 'uncommitted' });
  });

  it('asks git for two blobs per committed pair whose source changed since, each once', () => {
    const history = (p: string): Commit[] => ({ [ZH]: [c2], [EN]: [c3, c1] })[p] ?? [];
    const uk = 'content/uk/blog/2024/ambient-reaches-beta/index.md';
    assert.deepEqual(blobQueries([pair, { source: EN, translation: uk }, { source: EN, translation: ZH }], history), [
      { rev: c2.hash, path: EN },
      { rev: 'HEAD', path: EN },
    ]);
  });

  it('asks nothing for a pair whose source has no commit after the translation\u2019s, and calls it fresh', () => {
    const history = (p: string): Commit[] => ({ [ZH]: [c2], [EN]: [c1] })[p] ?? [];
    assert.deepEqual(blobQueries([pair], history), []);
    // No blob answers at all: the history alone decides.
    assert.deepEqual(classify(pair, facts({ [EN]: [c1], [ZH]: [c2] }, {})), { kind: 'fresh', translationCommit: c2 });
  });
});
