import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspTestClient } from '../support/lspClient';

/** The site `npm run demo` opens and the UI test drives (test/fixtures/demo-site). */
const DEMO_SITE = path.resolve(__dirname, '../fixtures/demo-site');
const read = (rel: string): string => fs.readFileSync(path.join(DEMO_SITE, rel), 'utf8');

/** The codes the server reports today; the faulty post also holds faults for the image, link and frontmatter rules. */
const SYNTAX_CODES = new Set(['frontmatter.duplicate-key', 'shortcode.malformed-delimiter', 'shortcode.unclosed']);

describe('the demo site over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize(DEMO_SITE);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  for (const rel of ['content/en/blog/2025/hello-mesh/index.md', 'content/zh/blog/2025/hello-mesh/index.md']) {
    it(`${rel} (the clean post and its translation) has no diagnostics`, async () => {
      const uri = await client.open(path.join(DEMO_SITE, rel), read(rel));
      const p = await client.waitForDiagnostics(uri);
      assert.deepEqual(p.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`), []);
    });
  }

  it('post-with-faults: the duplicate key, the one-brace image tag and the unclosed tip, with exact ranges', async () => {
    const rel = 'content/en/blog/2025/post-with-faults/index.md';
    const text = read(rel);
    const uri = await client.open(path.join(DEMO_SITE, rel), text);
    const p = await client.waitForDiagnostics(uri);
    const lines = text.split('\n');
    const found = p.diagnostics
      .filter((d) => SYNTAX_CODES.has(String(d.code)))
      .map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
    assert.equal(lines[6], 'keywords: [mistakes]');
    assert.equal(lines[14], '{< image width="75%" link="./mesh.png" caption="Two services and their sidecars" >}}');
    assert.equal(lines[22], '{{< tip >}}');
    assert.deepEqual(found, [
      ['frontmatter.duplicate-key', 2, 6, 0, 6, 8],
      ['shortcode.malformed-delimiter', 2, 14, 0, 14, lines[14]!.length],
      ['shortcode.unclosed', 1, 22, 0, 22, 11],
    ]);
  });
});
