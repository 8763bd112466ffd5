import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gitShowSpec } from '../../../client/src/translations/gitRevision';

describe('istio-git: documents', () => {
  it('ask git only for a commit id, never an option or a revision expression taken from the URI', () => {
    assert.equal(gitShowSpec('3f2a9c1d0e', 'index.md'), '3f2a9c1d0e:./index.md');
    assert.equal(gitShowSpec('--output=/tmp/x', 'index.md'), undefined);
    assert.equal(gitShowSpec('HEAD~1', 'index.md'), undefined);
    assert.equal(gitShowSpec('', 'index.md'), undefined);
  });
});
