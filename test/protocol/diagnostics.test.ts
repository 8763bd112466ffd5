import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient } from '../support/lspClient';
import { SAMPLE_SITE, sample, sampleFiles } from '../support/fixtures';

/** The shortcode checks these tests are about (frontmatter checks have their own protocol test). */
const shortcodeOnly = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => String(d.code).startsWith('shortcode.'));

describe('language server over stdio', () => {
  let client: LspTestClient;
  // Initialized here, not in the first test: a run of one test (`--test-name-pattern`) must find the server ready.
  let initialized: Awaited<ReturnType<LspTestClient['initialize']>>;

  before(async () => {
    client = new LspTestClient();
    initialized = await client.initialize(SAMPLE_SITE);
  });

  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
  });

  it('answers initialize with its capabilities', () => {
    const result = initialized;
    assert.equal(result.serverInfo?.name, 'istio-authoring');
    assert.ok(result.capabilities.completionProvider);
    assert.ok(result.capabilities.hoverProvider);
    assert.equal(result.capabilities.textDocumentSync, 2);
  });

  it('publishes an empty list for a clean real post', async () => {
    const file = path.join(SAMPLE_SITE, 'content/en/blog/2023/istiocon-china/index.md');
    const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  });

  it('publishes the malformed delimiters of zh blog/2018/aws-nlb with code, source and range', async () => {
    const file = path.join(SAMPLE_SITE, 'content/zh/blog/2018/aws-nlb/index.md');
    const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      shortcodeOnly(p.diagnostics).map((d) => [d.code, d.source, d.range.start.line, d.range.start.character]),
      [
        ['shortcode.malformed-delimiter', 'istio', 35, 4],
        ['shortcode.malformed-delimiter', 'istio', 39, 4],
      ],
    );
  });

  it('re-publishes after an edit breaks a shortcode, and again after it is fixed', async () => {
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    const file = path.join(SAMPLE_SITE, rel);
    const text = sample(rel);
    const uri = await client.open(file, text);
    await client.waitForDiagnostics(uri, (p) => shortcodeOnly(p.diagnostics).length === 0);
    const v2 = await client.change(uri, text.replace('{{< /idea >}}', ''));
    const broken = await client.waitForDiagnostics(uri, (p) => p.version === v2);
    assert.deepEqual(shortcodeOnly(broken.diagnostics).map((d) => d.code), ['shortcode.unclosed']);
    const v3 = await client.change(uri, text);
    const fixed = await client.waitForDiagnostics(uri, (p) => p.version === v3);
    assert.deepEqual(shortcodeOnly(fixed.diagnostics), []);
  });

  it('publishes diagnostics for every post of the sample site, well under a second per hundred files', async () => {
    const files = sampleFiles().filter((f) => f.endsWith('.md'));
    const started = Date.now();
    const uris = await Promise.all(files.map((rel) => client.open(path.join(SAMPLE_SITE, rel), sample(rel))));
    const all = await Promise.all(uris.map((u) => client.waitForDiagnostics(u)));
    const ms = Date.now() - started;
    assert.equal(all.length, files.length);
    const errors = all.flatMap((p) => p.diagnostics.filter((d) => d.severity === 1).map((d) => `${p.uri.slice(p.uri.indexOf('/content/') + 1)}:${d.range.start.line + 1} ${d.code}`));
    assert.deepEqual(errors, []);
    console.log(`# ${files.length} files published in ${ms} ms`);
    for (const u of uris) await client.close(u);
  });
});
