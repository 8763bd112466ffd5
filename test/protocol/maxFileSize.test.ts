import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { INDEX_STATUS_REQUEST, TRANSLATIONS_REQUEST, type IndexStatus, type TranslationsResult } from '../../server/protocol';
import { LspTestClient } from '../support/lspClient';

// A full checkout (hugo.toml at its root, so a link to no page is an error) where page A reaches page B through one
// of B's `aliases:`, and B is larger than the limit the client configures. The CLI already read B's frontmatter under
// `istio.maxFileSize`; the editor's index ignored the setting, so B's aliases and title were read whatever its size.
const A = 'content/en/docs/a/index.md';
const B = 'content/en/docs/b/index.md';
const A_TEXT = '---\ntitle: Page A\ntest: n/a\n---\n\nSee [the large page](/old-b/).\n';
const B_TEXT = '---\ntitle: Large page\ntest: n/a\naliases: [/old-b/]\n---\n\n' + 'A long paragraph of the large page.\n'.repeat(200);
const LIMIT = 2_000;

function makeSite(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-protocol-maxsize-')));
  for (const [rel, text] of [['hugo.toml', 'title = "site"\n'], [A, A_TEXT], [B, B_TEXT]] as const) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/**
 * Asks about B first (which creates the site's index under the request's settings), waits for the index to be
 * complete, then opens A: its one publication is made with every page summary known.
 */
async function observe(client: LspTestClient, root: string): Promise<{ title: string | undefined; codes: string[] }> {
  const versions = await client.request<TranslationsResult | null>(TRANSLATIONS_REQUEST.method, { uri: pathToFileURL(path.join(root, B)).href });
  await client.request<IndexStatus>(INDEX_STATUS_REQUEST.method, { wait: true });
  const uri = await client.open(path.join(root, A), A_TEXT);
  const published = await client.waitForDiagnostics(uri);
  return { title: versions?.languages.find((v) => v.lang === 'en')?.title, codes: published.diagnostics.map((d) => String(d.code)) };
}

describe('istio.maxFileSize reaches the site index over stdio', () => {
  const root = makeSite();
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('with the default limit', () => {
    let client: LspTestClient;
    before(async () => {
      client = new LspTestClient();
      await client.initialize(root);
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('reads the large page: the link through its alias resolves, and its title is known', async () => {
      assert.deepEqual(await observe(client, root), { title: 'Large page', codes: [] });
    });
  });

  describe(`with istio.maxFileSize ${LIMIT} in the client's configuration`, () => {
    let client: LspTestClient;
    before(async () => {
      client = new LspTestClient({ settings: { maxFileSize: LIMIT } });
      await client.initialize(root);
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('does not read the large page: its alias and title are unknown, as in the CLI', async () => {
      assert.ok(B_TEXT.length > LIMIT && A_TEXT.length < LIMIT);
      assert.deepEqual(await observe(client, root), { title: undefined, codes: ['link.page-not-found'] });
    });

    it('skips the large page itself when it is opened', async () => {
      const uri = await client.open(path.join(root, B), B_TEXT);
      const published = await client.waitForDiagnostics(uri);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.data]), [['file.too-large', { size: B_TEXT.length, limit: LIMIT }]]);
    });
  });
});
