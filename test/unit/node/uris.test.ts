// uriToPath keeps its answers (the server asks for the same documents on every step of its queue): the kept answer
// must be the computed one, for every kind of URI, before and after the bound clears them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToUri, uriToPath } from '../../../server/src/node/uris';

const CASES: ReadonlyArray<[string, string | undefined]> = [
  ['file:///site/content/en/blog/2025/x/index.md', '/site/content/en/blog/2025/x/index.md'],
  ['file:///site/content/zh/%E6%96%87%E6%A1%A3/index.md', '/site/content/zh/文档/index.md'],
  ['file:///site/a%20b/c%23d.md', '/site/a b/c#d.md'],
  ['untitled:Untitled-1', undefined],
  ['vscode-notebook-cell:/x.md', undefined],
  // A host other than localhost is refused by fileURLToPath on POSIX.
  ['file://server/share/x.md', undefined],
];

describe('uriToPath', () => {
  it('answers the same when asked again', () => {
    for (let round = 0; round < 3; round++) for (const [uri, path] of CASES) assert.equal(uriToPath(uri), path, uri);
  });
  it('round-trips pathToUri', () => {
    for (const path of ['/site/content/en/_index.md', '/site/content/zh/文档/a b#c.md']) assert.equal(uriToPath(pathToUri(path)), path);
  });
  it('still answers right once more URIs than its bound were asked', () => {
    for (let i = 0; i < 20_050; i++) assert.equal(uriToPath(`file:///site/p${i}.md`), `/site/p${i}.md`);
    for (const [uri, path] of CASES) assert.equal(uriToPath(uri), path, uri);
  });
});
