import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../support/lspClient';
import { SAMPLE_SITE, sample, sampleFiles } from '../support/fixtures';
import { fuzzIterations, fuzzSeed, mutate } from '../support/mutate';
import { Prng } from '../support/prng';

/**
 * Mutated real posts and random edits through the server over stdio: every request gets an answer, every
 * version gets its diagnostics, nothing is logged as a failure, and the server still shuts down cleanly.
 */
const DOCUMENTS = fuzzIterations(25);

describe('fuzz: the server over stdio', () => {
  let client: LspTestClient;
  /** What the server logged (its console goes to window/logMessage over stdio). */
  const logs: string[] = [];

  before(async () => {
    client = new LspTestClient();
    client.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    await client.initialize(SAMPLE_SITE);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it(`answers every request for ${DOCUMENTS} mutated documents under random edits (seed ${fuzzSeed()})`, { timeout: 120_000 }, async () => {
    const rng = new Prng(fuzzSeed());
    const pages = sampleFiles().filter((f) => f.endsWith('.md'));
    for (let i = 0; i < DOCUMENTS; i++) {
      const rel = rng.pick(pages);
      const file = path.join(SAMPLE_SITE, rel);
      let doc = TextDocument.create(client.uri(file), 'markdown', 1, mutate(sample(rel), rng));
      const uri = await client.open(file, doc.getText());
      const pending: Array<Promise<unknown>> = [];
      for (let k = 0; k < 6; k++) {
        // An incremental edit at a random place, then requests at random places, without waiting in between.
        const a = rng.int(doc.getText().length + 1);
        const b = Math.min(doc.getText().length, a + rng.int(40));
        const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
        const insert = mutate(doc.getText().slice(a, b + 20), rng).slice(0, 60);
        doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
        const position = doc.positionAt(rng.int(doc.getText().length + 1));
        const textDocument = { uri };
        pending.push(
          client.request('textDocument/completion', { textDocument, position }),
          client.request('textDocument/hover', { textDocument, position }),
          client.request('textDocument/definition', { textDocument, position }),
          client.request('textDocument/documentLink', { textDocument }),
          client.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
          client.request('textDocument/hover', { textDocument, position: { line: doc.lineCount + 3, character: 7 } }),
        );
      }
      const answers = await Promise.all(pending);
      assert.equal(answers.length, 36);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === doc.version);
      for (const d of published.diagnostics) assert.notEqual(d.code, 'internal.error', `#${i} ${rel}: ${d.message}`);
      await client.close(uri);
    }
    const failures = [...logs, ...client.stderr].filter((l) => /failed|uncaught/i.test(l));
    assert.deepEqual(failures, []);
  });
});
