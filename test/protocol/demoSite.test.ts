import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverForSuite } from '../support/lspClient';

/** The site `npm run demo` opens and the UI test drives (test/fixtures/demo-site). */
const DEMO_SITE = path.resolve(__dirname, '../fixtures/demo-site');
const read = (rel: string): string => fs.readFileSync(path.join(DEMO_SITE, rel), 'utf8');

describe('the demo site over stdio', () => {
  const client = serverForSuite(DEMO_SITE);

  for (const rel of ['content/en/blog/2025/hello-mesh/index.md', 'content/zh/blog/2025/hello-mesh/index.md']) {
    it(`${rel} (the clean post and its translation) has no diagnostics`, async () => {
      const uri = await client().open(path.join(DEMO_SITE, rel), read(rel));
      const p = await client().waitForDiagnostics(uri);
      assert.deepEqual(p.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`), []);
    });
  }

  it('post-with-faults: each deliberate fault once, with its code, severity and exact range', async () => {
    const rel = 'content/en/blog/2025/post-with-faults/index.md';
    const text = read(rel);
    const uri = await client().open(path.join(DEMO_SITE, rel), text);
    const p = await client().waitForDiagnostics(uri);
    const lines = text.split('\n');
    const at = (line: number, needle: string): [number, number, number, number] => {
      const c = lines[line]!.indexOf(needle);
      assert.ok(c >= 0, `${needle} on line ${line + 1}`);
      return [line, c, line, c + needle.length];
    };
    const found = p.diagnostics
      .map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])
      .sort((a, b) => Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]));
    assert.deepEqual(found, [
      ['frontmatter.description-period', 1, ...at(2, 'This post has deliberate mistakes, so that you can see the extension find them')],
      ['frontmatter.duplicate-key', 2, ...at(6, 'keywords')],
      ['shortcode.malformed-delimiter', 2, ...at(14, lines[14]!)],
      ['image.not-found', 1, ...at(18, './missing-diagram.png')],
      ['image.caption-period', 1, ...at(18, 'A diagram that was never added.')],
      ['shortcode.unclosed', 1, ...at(22, '{{< tip >}}')],
    ]);
  });
});
