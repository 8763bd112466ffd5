import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileUri } from '../../../server/engine/site/fileUri';

describe('file URIs', () => {
  it('are written as VS Code writes them: each segment encoded, a drive letter lower-cased with its colon encoded', () => {
    assert.equal(fileUri('/site/content/en/a b#1?.md'), 'file:///site/content/en/a%20b%231%3F.md');
    assert.equal(fileUri('C:/site/x y/中文.md'), 'file:///c%3A/site/x%20y/%E4%B8%AD%E6%96%87.md');
    assert.equal(fileUri('/site/[draft]@x.md'), 'file:///site/%5Bdraft%5D%40x.md');
  });
});
