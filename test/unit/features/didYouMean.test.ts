import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSEST_KEYS, didYouMean, distance, NEAR_ANCHORS, NEAR_NAMES, nearFiles } from '../../../server/engine/features/didYouMean';

// One helper behind every suggestion; each policy keeps the suggestions its feature made before they shared it.

describe('edit distance', () => {
  it('counts a swap of two letters once in every "did you mean" (links used plain Levenshtein: 2)', () => {
    assert.equal(distance('flwo', 'flow'), 1);
    assert.equal(distance('befroe-you-begin', 'before-you-begin'), 1);
    assert.equal(distance('abc', 'abc'), 0);
  });

  it('gives up past a limit, returning limit + 1, but is exact within it', () => {
    assert.equal(distance('kitten', 'sitting', 1), 2);
    assert.equal(distance('kitten', 'sitting', 3), 3);
    assert.equal(distance('a', 'abcdef', 2), 3);
  });
});

describe('did you mean', () => {
  it('frontmatter keys and bundle files: only the closest, every one on a tie, in the given order, the word itself included', () => {
    const keys = ['title', 'publishdate', 'description', 'keywords', 'attribution'];
    assert.deepEqual(didYouMean('pubishdate', keys, CLOSEST_KEYS), ['publishdate']);
    assert.deepEqual(didYouMean('keyword', keys, CLOSEST_KEYS), ['keywords']);
    assert.deepEqual(didYouMean('banana', keys, CLOSEST_KEYS), []);
    // `tilte` is one swap from `title`: the short-key limit of one edit still finds it.
    assert.deepEqual(didYouMean('tilte', keys, CLOSEST_KEYS), ['title']);
    assert.deepEqual(didYouMean('cat.png', ['bat.png', 'cat.jpg', 'hat.png', 'bat.png'], CLOSEST_KEYS), ['bat.png', 'hat.png']);
    assert.deepEqual(didYouMean('Title', ['title'], CLOSEST_KEYS), ['title']);
  });

  it('site names: up to three within a third of the word, best first then alphabetical; a started name counts as one edit', () => {
    const names = ['image', 'idea', 'tab', 'tabset', 'text', 'tip', 'gloss'];
    assert.deepEqual(didYouMean('imag', names, NEAR_NAMES), ['image']);
    assert.deepEqual(didYouMean('tabs', names, NEAR_NAMES), ['tab', 'tabset']);
    assert.deepEqual(didYouMean('ta', names, NEAR_NAMES), ['tab'], 'two letters: one edit at most, and too short to count as started');
    assert.deepEqual(didYouMean('IMAGE', names, NEAR_NAMES), [], 'the same name in another case is no suggestion');
    assert.deepEqual(didYouMean('bask', ['bash', 'yaml', 'plain', 'json'], NEAR_NAMES), ['bash']);
  });

  it('files: the same name with another extension first, then close names, the preferred kind first among equals', () => {
    assert.deepEqual(didYouMean('traffic-flow.svg', ['traffic-flow.png', 'traffic-flows.svg', 'other.png'], nearFiles()), ['traffic-flow.png', 'traffic-flows.svg']);
    assert.deepEqual(didYouMean('diagram.png', ['diagram.pdf', 'diagram.jpg'], nearFiles(new Set(['.png', '.jpg']))), ['diagram.jpg', 'diagram.pdf']);
    assert.deepEqual(didYouMean('a.png', ['completely-different.png'], nearFiles()), []);
    assert.deepEqual(didYouMean('users-engagin.jpg', ['users-engaging.jpg', 'group-pic.jpg', 'Users-Engagin.jpg'], nearFiles()), ['users-engaging.jpg']);
  });

  it('anchors: case-sensitive, up to three within a third of the fragment (at least two edits)', () => {
    const ids = ['before-you-begin', 'cleanup', 'Cleanup', 'clean-up', 'see-also'];
    assert.deepEqual(didYouMean('before-you-begn', ids, NEAR_ANCHORS), ['before-you-begin']);
    assert.deepEqual(didYouMean('cleanup', ids, NEAR_ANCHORS), ['cleanup', 'clean-up', 'Cleanup']);
  });
});
