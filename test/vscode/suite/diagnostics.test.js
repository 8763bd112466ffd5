// Diagnostics as VS Code shows them: codes, severities and exact ranges on real posts of the sample site.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

/** This file is about shortcode syntax: other areas (translations, links) may add their own findings to a post. */
const shortcodes = (ds) => ds.filter((d) => String(h.where(d)[0]).startsWith('shortcode.'));

describe('diagnostics in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('zh blog/2018/aws-nlb: the two malformed delimiters (lines 36 and 40) as warnings with exact ranges', async () => {
    const rel = 'content/zh/blog/2018/aws-nlb/index.md';
    const uri = h.siteUri(rel);
    const published = h.waitForDiagnostics(uri, (ds) => shortcodes(ds).length === 2);
    const { doc } = await h.openPost(rel);
    const ds = shortcodes(await published);
    assert.deepStrictEqual(ds.map(h.where), [
      ['shortcode.malformed-delimiter', 35, 4, 35, 89],
      ['shortcode.malformed-delimiter', 39, 4, 39, 5],
    ]);
    assert.deepStrictEqual(ds.map((d) => d.severity), [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Warning]);
    assert.strictEqual(doc.getText(ds[0].range), '{< image width="80%" link="./createpolicystart.png" caption="Create a new policy" >}}');
    assert.strictEqual(doc.getText(ds[1].range), '{');
    assert.ok(doc.lineAt(39).text.startsWith('    {{{< image'), 'line 40 is the triple-brace tag');
  });

  it('en blog/2023/istiocon-china (a clean real post): the server publishes no diagnostics', async () => {
    const rel = 'content/en/blog/2023/istiocon-china/index.md';
    const uri = h.siteUri(rel);
    const published = h.nextPublish(uri);
    await h.openPost(rel);
    assert.deepStrictEqual((await published).map(h.where), []);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === h.SOURCE), []);
  });

  it('en blog/2019/data-plane-setup: removing {{< /idea >}} flags the opener as unclosed, restoring it clears it', async () => {
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    const { uri, doc, editor, diagnostics } = await h.openPublished(rel);
    assert.deepStrictEqual(shortcodes(diagnostics).map(h.where), []);

    const text = doc.getText();
    const closing = text.indexOf('{{< /idea >}}');
    const opener = text.indexOf('{{< idea >}}');
    assert.ok(closing > opener && opener > 0, 'the post has an idea callout');
    const closingRange = new vscode.Range(doc.positionAt(closing), doc.positionAt(closing + '{{< /idea >}}'.length));

    const broken = h.waitForDiagnostics(uri, (ds) => shortcodes(ds).length > 0);
    assert.ok(await editor.edit((e) => e.delete(closingRange)));
    const ds = shortcodes(await broken);
    assert.deepStrictEqual(ds.map(h.where), [['shortcode.unclosed', 347, 0, 347, 12]]);
    assert.strictEqual(doc.getText(ds[0].range), '{{< idea >}}');
    assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Error);

    const fixed = h.waitForDiagnostics(uri, (d) => shortcodes(d).length === 0);
    assert.ok(await editor.edit((e) => e.insert(closingRange.start, '{{< /idea >}}')));
    assert.deepStrictEqual(shortcodes(await fixed), []);
  });

  it('"Istio: Show Output" shows the language server\'s channel, whose start-up line says where the time went', async () => {
    // The channel's document (scheme `output`) is opened by the Output view when it shows the channel: none is
    // showing the Istio channel before the command (the suite never opened the Output view).
    const channel = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Start-up: module to activate \d+ ms/.test(d.getText()));
    assert.strictEqual(channel(), undefined, 'no Output view shows the channel yet');
    try {
      assert.strictEqual(await vscode.commands.executeCommand('istio.showOutput'), true);
      const deadline = Date.now() + 20_000;
      while (!channel() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(channel(), 'the Output view shows the Istio Authoring channel');
      assert.match(channel().getText(), /Start-up \(server\): bundle loaded \d+ ms after the process started/);
    } finally {
      // The Output view's editor counts among the visible editors the later suites count.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      const deadline = Date.now() + 10_000;
      while (vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'output') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
});
