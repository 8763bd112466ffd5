// Named to run last (mocha loads the suites in name order): Check Whole Site keeps closed pages' problems, which
// the translation suite's "closing its tab clears its problems" would otherwise see.
//
// Site-wide features in a real extension host: rename and references through VS Code's own provider commands (so
// the provider VS Code picks among the Markdown ones is the one asserted), Move Page through the editor's file
// renames and `workspace/willRenameFiles`, and Check Whole Site filling the diagnostics of closed files.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { activateExtension, closeAllWithoutSaving, exists, istioDiagnostics, openPublished, siteUri, waitForDiagnostics } = require('./helpers');

const EGRESS = 'content/en/blog/2018/egress-monitoring-access-control/index.md';
const ZH_EGRESS = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
const ADAPTER = 'content/en/blog/2017/adapter-model/index.md';

/** The edits of a WorkspaceEdit by workspace-relative path: [[line, newText], …]. */
function editsByFile(edit) {
  const out = {};
  for (const [uri, edits] of edit.entries()) {
    const rel = vscode.workspace.asRelativePath(uri, false);
    out[rel] = edits.map((e) => [e.range.start.line, e.newText]).sort((a, b) => a[0] - b[0]);
  }
  return out;
}

describe('site-wide: rename, references, Move Page, Check Whole Site', function () {
  this.timeout(60000);

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAllWithoutSaving();
  });

  it('F2 on a heading renames it, its links and the id its zh translation relies on', async () => {
    const { uri } = await openPublished(EGRESS);
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, new vscode.Position(52, 8), 'Prerequisites');
    assert.deepStrictEqual(editsByFile(edit), {
      [EGRESS]: [
        [52, 'Prerequisites'],
        [66, 'prerequisites'],
      ],
      [ZH_EGRESS]: [
        [34, 'prerequisites'],
        [42, 'prerequisites'],
      ],
    });
  });

  it('Shift+F12 on a page title lists the links to the page', async () => {
    const { uri } = await openPublished(ADAPTER);
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', uri, new vscode.Position(1, 10));
    // VS Code merges every reference provider's answers: the built-in Markdown one may list some of them too.
    const lines = [...new Set(locations.filter((l) => vscode.workspace.asRelativePath(l.uri, false) === EGRESS).map((l) => l.range.start.line))].sort((a, b) => a - b);
    assert.deepStrictEqual(lines, [79, 281, 293]);
  });

  it('Move Page moves every language version, the links follow and the old URL becomes an alias', async () => {
    const moved = siteUri('content/en/blog/2017/mixer-adapters/index.md');
    const ok = await vscode.commands.executeCommand('istio.movePage', { uri: siteUri(ADAPTER).toString(), url: '/blog/2017/mixer-adapters/' });
    try {
      assert.strictEqual(ok, true);
      assert.ok(await exists(moved));
      assert.ok(await exists(siteUri('content/zh/blog/2017/mixer-adapters/index.md')));
      const page = (await vscode.workspace.openTextDocument(moved)).getText();
      assert.match(page, /aliases:\n {4}- \/blog\/mixer-adapter-model\.html\n {4}- \/blog\/2017\/adapter-model\/\n/);
      assert.match(page, /link="\/blog\/2017\/mixer-adapters\/machine\.svg"/);
      const egress = (await vscode.workspace.openTextDocument(siteUri(EGRESS))).getText();
      assert.strictEqual(egress.split('(/blog/2017/mixer-adapters/)').length - 1, 3);
      assert.strictEqual(egress.split('(/blog/2017/adapter-model/)').length - 1, 0);
    } finally {
      // Back as it was, without the participants: later suites use the sample as it is.
      await closeAllWithoutSaving();
      for (const lang of ['en', 'zh']) {
        const from = siteUri(`content/${lang}/blog/2017/mixer-adapters`);
        if (await exists(from)) await vscode.workspace.fs.rename(from, siteUri(`content/${lang}/blog/2017/adapter-model`));
      }
    }
  });

  it('Check Whole Site publishes the problems of pages no editor has open', async () => {
    // A page no suite opens (VS Code keeps a document of a closed tab for minutes): its one warning, the missing
    // description, can only come from the whole-site check.
    const aws = siteUri('content/zh/blog/2023/istio-graduates-within-cncf/index.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === aws.toString()));
    const published = waitForDiagnostics(aws, (ds) => ds.some((d) => (d.code?.value ?? d.code) === 'frontmatter.missing-recommended'));
    const result = await vscode.commands.executeCommand('istio.checkWholeSite');
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(result.checked, result.pages);
    assert.ok(result.pages >= 76, `${result.pages} pages`);
    await published;
    assert.strictEqual(istioDiagnostics(aws).filter((d) => (d.code?.value ?? d.code) === 'frontmatter.missing-recommended').length, 1);
  });
});
