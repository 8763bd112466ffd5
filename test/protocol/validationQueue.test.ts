import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { INDEX_STATUS_REQUEST, type ServerIndexStatus } from '../../server/protocol';
import { doc, SAMPLE_SITE, sample, sampleFiles } from '../support/fixtures';
import { LspTestClient, type PublishedDiagnostics, serverForSuite } from '../support/lspClient';
import { indexedSampleService } from '../support/sampleService';

/**
 * The server's one validation queue (server/src/validationQueue.ts): a page's core findings first, its make-lint
 * findings (spelling, style, the lint script) after, carried across an edit meanwhile; requests answered between the
 * steps; and a whole site opened at once checked about once per page.
 */
const REL = 'content/en/blog/2023/istiocon-china/index.md';
const BIG = 'content/en/blog/2018/egress-monitoring-access-control/index.md';

const words = (p: PublishedDiagnostics): Array<[string, Diagnostic['range']]> =>
  p.diagnostics.filter((d) => d.code === 'spelling.unknown-word').map((d) => [(d.data as { word: string }).word, d.range]);

/** The one-shot check of `text` as the page at `rel` of the sample site, as the CLI would make it. */
async function oneShot(rel: string, text: string): Promise<Diagnostic[]> {
  const { service } = await indexedSampleService();
  const file = path.join(SAMPLE_SITE, rel);
  const result = service.diagnostics(file, doc(`file://${file}`, text)).diagnostics;
  service.dispose();
  return result;
}

/** Every publication for `uri` from now on, in order (the client keeps only the last one). */
function record(client: LspTestClient, uri: string, until: (log: readonly PublishedDiagnostics[]) => boolean): Promise<PublishedDiagnostics[]> {
  const log: PublishedDiagnostics[] = [];
  return client
    .waitForDiagnostics(
      uri,
      (p) => {
        if (log.at(-1) !== p) log.push(p);
        return until(log);
      },
      60_000,
    )
    .then(() => log);
}

describe('language server: the validation queue', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize(SAMPLE_SITE);
    // The site's index and the dictionary ready first: no re-check of theirs comes between a test's publications.
    const uri = await client.open(path.join(SAMPLE_SITE, REL), `${sample(REL)}\nMeshify the pods.\n`);
    await client.request(INDEX_STATUS_REQUEST.method, { wait: true });
    await client.waitForDiagnostics(uri, (p) => words(p).length === 1, 60_000);
    await client.close(uri);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('an edit: the core findings with the make-lint findings carried at their new places, then the one-shot check', async () => {
    const text = `${sample(REL)}\nMeshify the pods.\n\nPodify the nodes.\n`;
    const lines = text.split('\n');
    const mesh = lines.indexOf('Meshify the pods.');
    const pod = lines.indexOf('Podify the nodes.');
    const uri = await client.open(path.join(SAMPLE_SITE, REL), text);
    // The dictionary may still be loading: its findings come in a later publication.
    await client.waitForDiagnostics(uri, (p) => words(p).length === 2, 60_000);

    // A line with a new misspelt word between the two.
    const edited = text.replace('Podify the nodes.', 'Qwertify this line.\n\nPodify the nodes.');
    const published = record(client, uri, (log) => log.some((p) => p.version === 2 && words(p).length === 3));
    const version = await client.change(uri, edited);
    assert.equal(version, 2);
    const log = (await published).filter((p) => p.version === 2);
    const [first, complete] = [log[0]!, log.at(-1)!];
    assert.notEqual(first, complete);

    // First: Meshify where it was, Podify two lines down, both at their exact columns; Qwertify not checked yet.
    assert.deepEqual(words(first), [
      ['Meshify', { start: { line: mesh, character: 0 }, end: { line: mesh, character: 7 } }],
      ['Podify', { start: { line: pod + 2, character: 0 }, end: { line: pod + 2, character: 6 } }],
    ]);
    // Then the complete check of version 2: exactly the one-shot check of its text.
    assert.deepEqual(complete.diagnostics, await oneShot(REL, edited));
    assert.deepEqual(words(complete).map(([w]) => w), ['Meshify', 'Qwertify', 'Podify']);
    // The first publication held the same core findings: only the make-lint ones differ.
    const core = (p: PublishedDiagnostics): string[] => p.diagnostics.filter((d) => !/^(spelling|style|lint)\./.test(String(d.code))).map((d) => JSON.stringify(d));
    assert.deepEqual(core(first), core(complete));
    await client.close(uri);
  });

  it('an edit that changes a misspelt word drops its finding until it is checked again', async () => {
    const text = `${sample(REL)}\nMeshify the pods.\n`;
    const uri = await client.open(path.join(SAMPLE_SITE, REL), text);
    await client.waitForDiagnostics(uri, (p) => words(p).length === 1, 60_000);
    const published = record(client, uri, (log) => log.some((p) => p.version === 2 && words(p).length === 1));
    await client.change(uri, text.replace('Meshify the', 'Meshifyx the'));
    const log = (await published).filter((p) => p.version === 2);
    assert.deepEqual(words(log[0]!), []);
    assert.deepEqual(words(log.at(-1)!).map(([w]) => w), ['Meshifyx']);
    await client.close(uri);
  });

  it('a page of 20,000 make-lint findings: every publication stays capped, after an edit too', async () => {
    // Before, the make-lint findings were carried across an edit uncapped: the first publication after the edit held
    // 40,000 diagnostics (tens of megabytes of JSON, seconds of the server's thread and of the editor's).
    const text = `${sample(REL)}\n${'> a\n\n'.repeat(20_000)}`;
    const uri = await client.open(path.join(SAMPLE_SITE, REL), text);
    const summary = (p: PublishedDiagnostics): Diagnostic | undefined => p.diagnostics.find((d) => d.code === 'file.too-many-findings');
    const totalOf = (p: PublishedDiagnostics): number => (summary(p)?.data as { total: number } | undefined)?.total ?? 0;
    // The complete publication: the make-lint findings counted in its summary.
    const opened = await client.waitForDiagnostics(uri, (p) => totalOf(p) >= 40_000, 60_000);
    assert.equal(opened.diagnostics.length, 1001);
    const published = record(client, uri, (log) => log.filter((p) => p.version === 2).length >= 2);
    await client.change(uri, text.replace('> a\n', 'x\n'));
    const log = (await published).filter((p) => p.version === 2);
    assert.ok(log.length >= 2, `${log.length} publications of version 2`);
    for (const p of log) assert.ok(p.diagnostics.length <= 1001, `${p.diagnostics.length} diagnostics published`);
    // The first one (the make-lint findings carried across the edit) already counts them all, about as the complete
    // one does (the edit took one quote away: two findings less).
    assert.ok(totalOf(log[0]!) >= 39_000, `first publication's summary: ${summary(log[0]!)?.message}`);
    assert.equal(totalOf(log.at(-1)!), totalOf(opened) - 2);
    await client.close(uri);
  });

  it('a completion sent right after a big page is opened is answered before the page\'s complete publication', async () => {
    // Twice the largest sample page, with misspelt words: its make-lint phase publishes after its core phase.
    const body = sample(BIG);
    const text = `${body}\n${body.replace(/^---[\s\S]*?\n---\n/, '')}\nMeshify the pods.\n`;
    const file = path.join(SAMPLE_SITE, BIG);
    const events: string[] = [];
    const published = record(client, client.uri(file), (log) => log.some((p) => words(p).length > 0)).then(() => events.push('complete'));
    await client.open(file, text);
    const answered = client.request('textDocument/completion', { textDocument: { uri: client.uri(file) }, position: { line: 3, character: 0 } }).then(() => events.push('completion'));
    await Promise.all([published, answered]);
    assert.deepEqual(events, ['completion', 'complete']);
    await client.close(client.uri(file));
  });
});

describe('language server: a page checked before the site is indexed, while the author types', () => {
  it('is not checked again when the index completes: each edit\'s check reads the complete index', async () => {
    // A fresh server: the page is opened, and typed in, while the site is indexed. At the end of the index, a page
    // checked against the partial index is checked again only once the editor is quiet (a re-check of a large page
    // held a completion typed at that moment); the edits' own checks read the complete index meanwhile.
    const client = new LspTestClient();
    try {
      await client.initialize(SAMPLE_SITE, { debounceMs: 0 });
      const file = path.join(SAMPLE_SITE, REL);
      const text = sample(REL);
      const uri = await client.open(file, text);
      let indexed = false;
      const index = client.request<ServerIndexStatus>(INDEX_STATUS_REQUEST.method, { wait: true }).then((s) => {
        indexed = true;
        return s;
      });
      // Every publication of the page from now on, until the last keystroke's.
      let last = false;
      const log = record(client, uri, () => last);
      // A keystroke every 20 ms until 300 ms past the index (past the server's 250 ms wait for quiet), each waited for.
      let typed = '';
      let afterIndex = 0;
      let keystrokes = 0;
      while (afterIndex < 15 && keystrokes < 400) {
        typed += 'x';
        const version = await client.change(uri, `${text}\n${typed}\n`);
        await client.waitForDiagnostics(uri, (x) => x.version === version, 60_000);
        keystrokes++;
        if (indexed) afterIndex++;
        await new Promise((r) => setTimeout(r, 20));
      }
      last = true;
      const version = await client.change(uri, `${text}\n${typed}y\n`);
      await client.waitForDiagnostics(uri, (x) => x.version === version, 60_000);
      const publications = await log;
      const status = await index;
      assert.equal(status.sites[0]?.state, 'ready');
      assert.equal(afterIndex, 15, `the index completed within ${keystrokes} keystrokes`);
      // Each version published once while typing: no second publication of one (a re-check, or its make-lint phase).
      const counts = new Map<number | undefined, number>();
      for (const p of publications) counts.set(p.version, (counts.get(p.version) ?? 0) + 1);
      assert.deepEqual([...counts].filter(([, n]) => n > 1), [], 'a version published twice while typing');
      assert.ok(publications.length >= keystrokes, `${publications.length} publications`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('language server: a whole site opened at once', () => {
  const client = serverForSuite(SAMPLE_SITE);

  it('checks each page about once: the pages opened while the site is indexed wait for its index', async () => {
    const pages = sampleFiles().filter((f) => f.endsWith('.md'));
    // One page with a misspelt word: its finding says the dictionary is loaded.
    const marked = pages[0]!;
    const uris: string[] = [];
    for (const rel of pages) uris.push(await client().open(path.join(SAMPLE_SITE, rel), rel === marked ? `${sample(rel)}\nMeshify the pods.\n` : sample(rel)));
    await Promise.all(uris.map((u) => client().waitForDiagnostics(u, () => true, 60_000)));
    await client().waitForDiagnostics(uris[0]!, (p) => words(p).length === 1, 60_000);
    // Then until nothing is left to check (each answer comes between two steps of the queue).
    let status: ServerIndexStatus;
    do status = await client().request<ServerIndexStatus>(INDEX_STATUS_REQUEST.method, { wait: true });
    while (status.pendingChecks !== 0);
    assert.equal(status.sites[0]?.state, 'ready');
    // Each page once, the first one opened at most three times (at once, then after the dictionary and the index).
    const checks = status.pageChecks ?? Number.NaN;
    assert.ok(checks >= pages.length && checks <= pages.length + 2, `${checks} checks for ${pages.length} pages`);
    // What each page shows in the end is its one-shot check, make-lint findings included: most pages waited for
    // those with their parse let go (the queue keeps only a few), and parsed again for them.
    const { service } = await indexedSampleService();
    const last = new Map([...client().allPublished()].map((p) => [p.uri, p.diagnostics]));
    let makeLint = 0;
    for (const [i, rel] of pages.entries()) {
      const file = path.join(SAMPLE_SITE, rel);
      const expected = service.diagnostics(file, doc(`file://${file}`, rel === marked ? `${sample(rel)}\nMeshify the pods.\n` : sample(rel))).diagnostics;
      assert.deepEqual(last.get(uris[i]!) ?? [], expected, rel);
      makeLint += expected.filter((d) => /^(spelling|style|lint)\./.test(String(d.code))).length;
    }
    service.dispose();
    assert.ok(makeLint > 0, 'not vacuous: make-lint findings published');
  });
});

describe('language server: the reverse link index waits for a pause', () => {
  const client = serverForSuite(SAMPLE_SITE);

  it('is not built while the author keeps asking, and is built once they stop', async () => {
    const file = path.join(SAMPLE_SITE, REL);
    const uri = await client().open(file, sample(REL));
    await client().waitForDiagnostics(uri, () => true, 60_000);
    const ready = await client().request<ServerIndexStatus>(INDEX_STATUS_REQUEST.method, { wait: true });
    assert.equal(ready.sites[0]?.state, 'ready');
    // Completions every 100 ms for 1.5 s: the server is never quiet for the second it waits for.
    for (let i = 0; i < 15; i++) {
      await client().request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
      await new Promise((r) => setTimeout(r, 100));
    }
    const busy = await client().request<ServerIndexStatus>(INDEX_STATUS_REQUEST.method, {});
    assert.equal(busy.linkIndexesBuilt, 0);
    // Then nothing but status requests (which are not the author's): the index is built.
    let status = busy;
    for (let waited = 0; status.linkIndexesBuilt === 0 && waited < 60_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      status = await client().request<ServerIndexStatus>(INDEX_STATUS_REQUEST.method, {});
    }
    assert.equal(status.linkIndexesBuilt, 1);
    await client().close(uri);
  });
});
