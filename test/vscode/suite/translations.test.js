// The Translation Status command in the real extension host: the client's request (with the workspace trust), the
// server's answer and the report rendered through vscode.l10n.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('Translation Status in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  after(() => h.closeAllWithoutSaving());

  it('opens the report in the display language; the site copy is outside git, and the report says why staleness is empty', async () => {
    await h.openPost('content/zh/blog/2024/ambient-reaches-beta/index.md');
    // A command of this extension host returns its handler's value: the webview panel.
    const panel = await vscode.commands.executeCommand('istio.translationStatus');
    assert.ok(panel && panel.webview, 'the command returns the report panel');
    assert.equal(panel.title, vscode.l10n.t('Translation Status'));
    const html = panel.webview.html;
    assert.ok(html.startsWith(`<!DOCTYPE html>\n<html lang="${vscode.env.language}">`), html.slice(0, 80));
    assert.ok(html.includes(`<h1>${vscode.l10n.t('Translation Status')}</h1>`));
    assert.ok(html.includes(vscode.l10n.t('{0} {1} pages (the source language).', 35, 'en')));
    // The runner disables workspace trust (every workspace is trusted), so the client asked for git, and the server
    // ran it: it found no repository around the temporary copy. (The untrusted case: test/protocol/translations.test.ts.)
    assert.equal(vscode.workspace.isTrusted, true);
    const reason = 'the site is not inside a git repository.';
    assert.ok(html.includes(`<p class="warn">${vscode.l10n.t('The stale column is empty: {0} Staleness is read from git history (the translation’s last commit vs. the source’s commits since), so without it only missing pages are listed.', reason)}</p>`), html);
    panel.dispose();
  });
});
