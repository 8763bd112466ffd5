// "Istio: Open Source Side by Side" as a user runs it: the English page opens beside its translation, and scrolling
// one to a heading scrolls the other to the heading with the same id (zh headings carry the English ids as `{#id}`).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const ZH = 'content/zh/blog/2018/egress-monitoring-access-control/index.md';
const EN = 'content/en/blog/2018/egress-monitoring-access-control/index.md';

/**
 * Whether `line` is at the top of `editor` as the reader sees it: the first visible line, or just below the at most
 * 3 lines sticky scroll (on by default) covers with the enclosing headings, as `revealRange(…, AtTop)` places it.
 */
function atTop(editor, line) {
  const first = editor.visibleRanges[0]?.start.line;
  return first !== undefined && first <= line && line <= first + 3;
}

/** Resolves once `line` is at the top of `editor` (it may already be), with the first lines it went through. */
function scrolledTo(editor, line, other, timeoutMs = 10000) {
  const seen = [];
  return new Promise((resolve, reject) => {
    const top = () => editor.visibleRanges[0]?.start.line;
    if (atTop(editor, line)) return resolve(seen);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${editor.document.uri.path} did not scroll to line ${line + 1} within ${timeoutMs} ms; its tops: ${JSON.stringify(seen)}, now ${top()}; the other's top: ${other.visibleRanges[0]?.start.line}`));
    }, timeoutMs);
    const sub = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (e.textEditor.document.uri.toString() !== editor.document.uri.toString()) return;
      seen.push(e.visibleRanges[0]?.start.line);
      if (atTop(editor, line)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(seen);
      }
    });
  });
}

/** The 0-based line of the first line of `doc` that starts with `prefix`. */
function lineOf(doc, prefix) {
  const i = doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starting with ${prefix} in ${doc.uri.path}`);
  return i;
}

describe('Open Source Side by Side in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('opens the English page beside the zh translation, which keeps the focus', async () => {
    const { editor } = await h.openPublished(ZH);
    const pair = await vscode.commands.executeCommand('istio.openSourceSideBySide');
    assert.ok(pair, 'the command returns the two editors');
    assert.strictEqual(pair.source.document.uri.toString(), h.siteUri(EN).toString());
    assert.strictEqual(pair.translation.document.uri.toString(), editor.document.uri.toString());
    assert.ok(pair.source.viewColumn > editor.viewColumn, `beside: column ${pair.source.viewColumn} after ${editor.viewColumn}`);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), h.siteUri(ZH).toString());
    const shown = vscode.window.visibleTextEditors.map((e) => e.document.uri.path.replace(/.*\/content\//, ''));
    assert.deepEqual(shown.sort(), [EN.slice('content/'.length), ZH.slice('content/'.length)]);
  });

  it('revealing a heading in one editor scrolls the other to the heading with the same id, both ways', async () => {
    await h.openPublished(ZH);
    const { translation: zh, source: en } = await vscode.commands.executeCommand('istio.openSourceSideBySide');
    // zh "### 路由访问控制{#access-control-by-routing}" ↔ en "### Access control by routing" (automatic id).
    const zhRouting = lineOf(zh.document, '### 路由访问控制{#access-control-by-routing}');
    const enRouting = lineOf(en.document, '### Access control by routing');
    assert.notStrictEqual(zhRouting, enRouting, 'the sections lie on different lines in the two versions');
    let followed = scrolledTo(en, enRouting, zh);
    zh.revealRange(new vscode.Range(zhRouting, 0, zhRouting, 0), vscode.TextEditorRevealType.AtTop);
    await followed;
    assert.ok(atTop(zh, zhRouting), `zh stays on its heading: first line ${zh.visibleRanges[0].start.line}`);
    // And back up: the English "### Logging" brings zh "### 日志{#logging}" to the top.
    const enLogging = lineOf(en.document, '### Logging');
    const zhLogging = lineOf(zh.document, '### 日志{#logging}');
    followed = scrolledTo(zh, zhLogging, en);
    en.revealRange(new vscode.Range(enLogging, 0, enLogging, 0), vscode.TextEditorRevealType.AtTop);
    await followed;
    assert.ok(atTop(en, enLogging), `en stays on its heading: first line ${en.visibleRanges[0].start.line}`);
  });

  it('on an English page it opens nothing and says to open a translation', async () => {
    await h.openPublished(EN);
    const pair = await vscode.commands.executeCommand('istio.openSourceSideBySide');
    assert.strictEqual(pair, undefined);
    assert.strictEqual(vscode.window.visibleTextEditors.length, 1);
  });
});
