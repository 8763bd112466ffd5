import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspTestClient } from '../support/lspClient';
import { SAMPLE_SITE, sample } from '../support/fixtures';

/**
 * The dictionary's load does not hold back the first diagnostics: with no cached dictionary (the slowest start), the
 * first publication of a page already has its other findings and no spelling; the spelling finding follows in a
 * later one, from the same server, with nothing else lost.
 */
const REL = 'content/en/blog/2023/istiocon-china/index.md';

describe('language server: spelling loads after the first diagnostics', () => {
  let client: LspTestClient;
  let cache: string;

  before(async () => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-dict-cache-'));
    client = new LspTestClient({ env: { ...process.env, ISTIO_AUTHORING_CACHE: cache } });
    await client.initialize(SAMPLE_SITE);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('publishes the other findings first, then the misspelt word', async () => {
    // A description without its final period (a build error) and a word no dictionary knows.
    const text = sample(REL).replace(/^(description: .*)\.$/m, '$1') + '\nMeshify the pods.\n';
    const uri = await client.open(path.join(SAMPLE_SITE, REL), text);
    const codes = (p: { diagnostics: { code?: unknown }[] }): string[] => p.diagnostics.map((d) => String(d.code));
    const first = await client.waitForDiagnostics(uri);
    assert.ok(codes(first).includes('frontmatter.description-period'), JSON.stringify(codes(first)));
    assert.ok(!codes(first).includes('spelling.unknown-word'), 'the first publication does not wait for the dictionary');
    const later = await client.waitForDiagnostics(uri, (p) => codes(p).includes('spelling.unknown-word'), 60_000);
    assert.ok(codes(later).includes('frontmatter.description-period'));
    const spelling = later.diagnostics.filter((d) => d.code === 'spelling.unknown-word');
    assert.deepEqual(spelling.map((d) => [d.range.start.line, (d.data as { word: string }).word]), [[text.split('\n').indexOf('Meshify the pods.'), 'Meshify']]);
    // The parsed dictionary was stored for the next start.
    assert.equal(fs.readdirSync(cache).filter((f) => f.endsWith('.txt')).length, 1);
  });
});
