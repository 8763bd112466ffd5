// Quick fixes as VS Code applies them: ask for the code actions of a diagnostic, apply the edit, and see the
// text change and the diagnostic go.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const code = (d) => h.where(d)[0];

/** The quick fixes VS Code offers for `diagnostic` (through every registered provider). */
async function quickFixes(uri, diagnostic) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a) => a.diagnostics?.some((d) => code(d) === code(diagnostic)) ?? true);
}

describe('quick fixes in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('shortcode.unclosed: "insert the closing tag" brings back {{< /idea >}} and the error goes', async () => {
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    const { uri, doc, editor } = await h.openPublished(rel);
    const text = doc.getText();
    const at = text.indexOf('{{< /idea >}}');
    const broken = h.waitForDiagnostics(uri, (ds) => ds.some((d) => code(d) === 'shortcode.unclosed'));
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '{{< /idea >}}'.length)))));
    const unclosed = (await broken).find((d) => code(d) === 'shortcode.unclosed');

    const fixes = await quickFixes(uri, unclosed);
    const insert = fixes.find((a) => a.edit && /\/idea/.test(a.title));
    assert.ok(insert, `a fix that inserts {{< /idea >}}; offered: ${JSON.stringify(fixes.map((a) => a.title))}`);
    const cleared = h.waitForDiagnostics(uri, (ds) => !ds.some((d) => code(d) === 'shortcode.unclosed'));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await cleared;
    assert.ok(doc.getText().includes('{{< /idea >}}'));
  });

  it('frontmatter.description-period: "add the final period" fixes the description of a real post', async () => {
    const rel = 'content/en/blog/2023/istiocon-china/index.md';
    const { uri, doc, editor } = await h.openPublished(rel);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('description: '));
    const end = doc.lineAt(line).range.end;
    const broken = h.waitForDiagnostics(uri, (ds) => ds.some((d) => code(d) === 'frontmatter.description-period'));
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(end.translate(0, -1), end))));
    const d = (await broken).find((x) => code(x) === 'frontmatter.description-period');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);

    const fixes = await quickFixes(uri, d);
    assert.ok(fixes.length > 0, 'a fix is offered');
    const cleared = h.waitForDiagnostics(uri, (ds) => !ds.some((x) => code(x) === 'frontmatter.description-period'));
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit));
    await cleared;
    assert.strictEqual(doc.lineAt(line).text, 'description: A quick recap of Istio at KubeCon + CloudNativeCon + Open Source Summit China in Shanghai.');
  });
});
