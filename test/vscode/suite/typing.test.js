// Typing in a content page with VS Code's default settings (auto-closing on, quick suggestions off in Markdown):
// lists open where an author expects them, and an accepted item leaves the page as the site writes it.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

/** Types `text` one character at a time, as keystrokes (auto-closing and trigger characters apply). */
async function type(text) {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/**
 * Accepts the selected suggestion once the list is open: tries until the document changes, so no guess of how long
 * the list takes to open. Fails when no list opens.
 */
async function acceptWhenOpen(doc, timeoutMs = 15000) {
  const before = doc.version;
  const deadline = Date.now() + timeoutMs;
  while (doc.version === before) {
    if (Date.now() > deadline) throw new Error('no completion list opened');
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    if (doc.version === before) await new Promise((r) => setTimeout(r, 50));
  }
}

describe('typing in a content page as an author does, with VS Code\'s defaults', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('the first letter typed at the start of a frontmatter line opens the list of keys', async () => {
    const { doc, editor } = await h.openPublished('content/en/blog/2023/istiocon-china/index.md');
    const keywords = doc.getText().split('\n').findIndex((l) => l.startsWith('keywords:'));
    const end = doc.lineAt(keywords).range.end;
    editor.selection = new vscode.Selection(end, end);
    await type('\nt');
    await acceptWhenOpen(doc);
    assert.match(doc.lineAt(keywords + 1).text, /^t[a-z_]+: $/);
  });

  it('`{{< ` auto-closed by the editor, then an accepted item: exactly one `>}}` per tag', async () => {
    const { doc, editor } = await h.openPublished('content/en/blog/2023/istiocon-china/index.md');
    const last = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(last, last);
    await type('\n\n{{< ');
    const typed = doc.getText().slice(doc.offsetAt(last));
    assert.notStrictEqual(typed, '\n\n{{< ', 'the editor auto-closed something after the cursor');
    await acceptWhenOpen(doc);
    const added = doc.getText().slice(doc.offsetAt(last));
    assert.match(added, /^\n\n\{\{< [a-z_]+/);
    assert.strictEqual((added.match(/\{\{</g) ?? []).length, (added.match(/>\}\}/g) ?? []).length, JSON.stringify(added));
    assert.doesNotMatch(added, />\}\}[}>]/, JSON.stringify(added));
  });
});
