import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIgnored } from '../../../server/engine/features/links/glob';

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
