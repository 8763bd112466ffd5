import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIgnored } from '../../../server/engine/features/links/glob';
import { closestNames, editDistance } from '../../../server/engine/features/links/suggest';

describe('istio.links.ignore globs', () => {
  it('* stays in a segment, ** crosses segments (and may match none)', () => {
    assert.equal(isIgnored('/docs/reference/config/x/', ['/docs/reference/**']), true);
    assert.equal(isIgnored('/docs/reference/', ['/docs/*/']), true);
    assert.equal(isIgnored('/docs/reference/config/', ['/docs/*/']), false);
    assert.equal(isIgnored('/docs/x', ['/docs/**/x']), true);
  });
  it('a glob without / matches the last segment; fragments and queries do not get in the way', () => {
    assert.equal(isIgnored('./slides/talk.pdf', ['*.pdf']), true);
    assert.equal(isIgnored('/blog/2023/x/#anchor', ['/blog/2023/x/']), true);
    assert.equal(isIgnored('./talk.pdf', []), false);
  });
});

describe('did you mean', () => {
  it('prefers the same name with another extension, then close names, images first', () => {
    assert.deepEqual(closestNames('traffic-flow.svg', ['traffic-flow.png', 'traffic-flows.svg', 'other.png']), ['traffic-flow.png', 'traffic-flows.svg']);
    assert.deepEqual(closestNames('diagram.png', ['diagram.pdf', 'diagram.jpg'], new Set(['.png', '.jpg'])), ['diagram.jpg', 'diagram.pdf']);
    assert.deepEqual(closestNames('a.png', ['completely-different.png']), []);
  });
});

describe('edit distance', () => {
  it('counts a swap of two letters once in every "did you mean" (links used plain Levenshtein: 2)', () => {
    assert.equal(editDistance('flwo', 'flow'), 1);
    assert.equal(editDistance('befroe-you-begin', 'before-you-begin'), 1);
  });
});
