import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isContentPage, typedKeyStart, type TypedChange } from '../../../client/src/completion/keyStart';

/** `typedKeyStart` over `text`, as it is after the change. */
const typed = (text: string, change: TypedChange): boolean => {
  const lines = text.split('\n');
  return typedKeyStart((n) => lines[n], change);
};
const at = (line: number, text = 't'): TypedChange => ({ line, character: 0, text, rangeLength: 0 });

describe('frontmatter keys open their list on the first letter', () => {
  const page = '---\ntitle: "A"\nt\n---\n\nt\n';

  it('at the start of a frontmatter line holding only that letter', () => {
    assert.equal(typed(page, at(2)), true);
    assert.equal(typed('---\ntitle: "A"\n_\n', at(2, '_')), true, 'an unterminated frontmatter is still being written');
  });

  it('not in the body, not mid-line, not on pasted or replaced text, not without frontmatter', () => {
    assert.equal(typed(page, at(5)), false, 'the body, after the closing ---');
    assert.equal(typed('---\ntitle: "A"\nta\n---\n', at(2)), false, 'text after the letter');
    assert.equal(typed(page, { ...at(2), character: 3 }), false);
    assert.equal(typed(page, { ...at(2), rangeLength: 1 }), false);
    assert.equal(typed('---\ntitle: "A"\nkeywords\n---\n', at(2, 'keywords')), false);
    assert.equal(typed('---\ntitle: "A"\n-\n---\n', at(2, '-')), false);
    assert.equal(typed('Intro\nt\n', at(1)), false);
    assert.equal(typed('---\nt\n', at(0)), false);
  });

  it('only in pages under content/<lang>/', () => {
    assert.equal(isContentPage('/site/content/en/blog/2025/x/index.md'), true);
    assert.equal(isContentPage('/site/content/pt-br/docs/a.md'), true);
    assert.equal(isContentPage('/site/README.md'), false);
    assert.equal(isContentPage('/site/content/en/blog/x/diagram.svg'), false);
  });
});
