// Image drop, paste and Insert Image in the real extension host: the registered provider (read from the module VS
// Code loaded; VS Code has no command that runs drop/paste providers) gets a real DataTransfer, its edit is applied as
// VS Code applies it (additionalEdit, then the snippet at the drop position), and the files on disk are checked.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const PAGE = 'content/en/blog/2023/istiocon-china/index.md';
const BUNDLE = 'content/en/blog/2023/istiocon-china';
// Two real 1×1 PNGs (a transparent pixel and a red one): different bytes, same kind of file.
const PNG_A = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n';
const PNG_B = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function bytesOf(uri) {
  return Buffer.from(await vscode.workspace.fs.readFile(uri));
}

/** A DataTransfer as the editor builds it for files dragged from the Explorer or the OS. */
function uriListTransfer(...uris) {
  const dt = new vscode.DataTransfer();
  dt.set('text/uri-list', new vscode.DataTransferItem(uris.map((u) => u.toString()).join('\r\n')));
  return dt;
}

/** A clipboard image as VS Code hands it to paste providers: a file item with a name and bytes, no URI. */
class ClipboardImage extends vscode.DataTransferItem {
  constructor(name, bytes) {
    super('');
    this.file = { name, uri: undefined, data: async () => new Uint8Array(bytes) };
  }
  asFile() {
    return this.file;
  }
}

/**
 * Runs `work` (which shows a quick pick) and answers it with `commands` once it is open: the commands are tried again
 * until `work` settles (a closed quick pick ignores them), so no guess of how long it takes to open. The commands of
 * one try are sent together (executeCommand posts synchronously), so the quick pick cannot open between them.
 */
async function answeringQuickPick(work, commands) {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    await Promise.all(commands.map((c) => vscode.commands.executeCommand(c)));
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, 50))]);
  }
  return done;
}

/** Applies a drop edit the way the editor does: the additional edit (file copies), then the snippet at `position`. */
async function applyDrop(editor, edit, position) {
  if (edit.additionalEdit) assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit), 'the file copies apply');
  assert.ok(await editor.insertSnippet(edit.insertText, position));
}

const token = () => new vscode.CancellationTokenSource().token;

describe('image drop, paste and Insert Image in the real extension host', () => {
  let provider;
  let tmp;
  before(async () => {
    const ext = await h.activateExtension();
    provider = require(path.join(ext.extensionPath, 'dist', 'extension.js')).imageProviderForTests();
    assert.ok(provider, 'the extension registered its image drop/paste provider');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-images-'));
    fs.mkdirSync(path.join(tmp, 'a'));
    fs.mkdirSync(path.join(tmp, 'b'));
    fs.writeFileSync(path.join(tmp, 'a', 'Keynote Photo.png'), PNG_A);
    fs.writeFileSync(path.join(tmp, 'b', 'keynote-photo.png'), PNG_B);
    fs.writeFileSync(path.join(tmp, 'b', 'group-pic.jpg'), PNG_B);
    fs.writeFileSync(path.join(tmp, 'b', 'slides.pdf'), PNG_B);
    fs.writeFileSync(path.join(tmp, 'b', 'mesh.svg'), SVG);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(() => h.closeAllWithoutSaving());

  it('the figure shortcode is the preferred drop and paste edit of Markdown files (configurationDefaults)', () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    assert.deepStrictEqual(config.get('dropIntoEditor.preferences'), ['markdown.istio.image']);
    assert.deepStrictEqual(config.get('pasteAs.preferences'), ['markdown.istio.image']);
  });

  it('dropping a PNG from outside copies it into the bundle under a safe name and inserts the figure, caption selected', async () => {
    const { doc, editor } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    assert.strictEqual(doc.lineAt(end.line).text, '');
    const edits = await provider.provideDocumentDropEdits(doc, end, uriListTransfer(vscode.Uri.file(path.join(tmp, 'a', 'Keynote Photo.png'))), token());
    assert.deepStrictEqual(edits.map((e) => [e.kind.value, e.title, e.insertText.value]), [
      ['markdown.istio.image', 'Istio image shortcode', '{{< image width="75%" link="./keynote-photo.png" caption="${1:caption}" >}}'],
      ['markdown.istio.link', 'Markdown image, copied to the page folder', '![${1:alt text}](./keynote-photo.png)'],
    ]);
    assert.deepStrictEqual(edits[1].yieldTo.map((k) => k.value), ['markdown.istio.image']);
    const copy = h.siteUri(`${BUNDLE}/keynote-photo.png`);
    assert.strictEqual(await h.exists(copy), false, 'nothing is written before the edit is applied');
    await applyDrop(editor, edits[0], end);
    assert.ok((await bytesOf(copy)).equals(PNG_A), 'the copy has the dropped bytes');
    assert.strictEqual(doc.lineAt(end.line).text, '{{< image width="75%" link="./keynote-photo.png" caption="caption" >}}');
    const sel = editor.selection;
    assert.strictEqual(doc.getText(sel), 'caption');
    assert.deepStrictEqual([sel.start.line, sel.start.character, sel.end.character], [end.line, 58, 65]);
  });

  it('dropping another file of that name asks; "Save as" (the default) writes keynote-photo-1.png and leaves the first file alone', async () => {
    const { doc, editor } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    const edits = await answeringQuickPick(
      provider.provideDocumentDropEdits(doc, end, uriListTransfer(vscode.Uri.file(path.join(tmp, 'b', 'keynote-photo.png'))), token()),
      ['workbench.action.acceptSelectedQuickOpenItem'],
    );
    assert.strictEqual(edits[0].insertText.value, '{{< image width="75%" link="./keynote-photo-1.png" caption="${1:caption}" >}}');
    await applyDrop(editor, edits[0], end);
    assert.ok((await bytesOf(h.siteUri(`${BUNDLE}/keynote-photo-1.png`))).equals(PNG_B));
    assert.ok((await bytesOf(h.siteUri(`${BUNDLE}/keynote-photo.png`))).equals(PNG_A), 'the existing file is not overwritten');
    assert.strictEqual(doc.lineAt(end.line).text, '{{< image width="75%" link="./keynote-photo-1.png" caption="caption" >}}');
  });

  it('"Replace" overwrites only on that explicit choice; Escape gives no edit at all', async () => {
    const { doc } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    const groupPic = h.siteUri(`${BUNDLE}/group-pic.jpg`);
    const drop = () => provider.provideDocumentDropEdits(doc, end, uriListTransfer(vscode.Uri.file(path.join(tmp, 'b', 'group-pic.jpg'))), token());
    const cancelled = await answeringQuickPick(drop(), ['workbench.action.closeQuickOpen']);
    assert.strictEqual(cancelled, undefined);
    assert.strictEqual((await bytesOf(groupPic)).length, 0, 'the fixture placeholder is untouched');
    const replaced = await answeringQuickPick(drop(), ['workbench.action.quickOpenSelectNext', 'workbench.action.acceptSelectedQuickOpenItem']);
    assert.strictEqual(replaced[0].insertText.value, '{{< image width="75%" link="./group-pic.jpg" caption="${1:caption}" >}}');
    assert.strictEqual((await bytesOf(groupPic)).length, 0, 'nothing written before the edit is applied');
    assert.ok(await vscode.workspace.applyEdit(replaced[0].additionalEdit));
    assert.ok((await bytesOf(groupPic)).equals(PNG_B));
  });

  it('pasting a clipboard image names it after the bundle; a PDF, or a page outside content/, gives no edit', async () => {
    const { doc, editor } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    const dt = new vscode.DataTransfer();
    dt.set('image/png', new ClipboardImage('image.png', PNG_A));
    const context = { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic };
    const edits = await provider.provideDocumentPasteEdits(doc, [new vscode.Range(end, end)], dt, context, token());
    assert.deepStrictEqual(edits.map((e) => [e.kind.value, e.insertText.value]), [
      ['markdown.istio.image', '{{< image width="75%" link="./istiocon-china-1.png" caption="${1:caption}" >}}'],
      ['markdown.istio.link', '![${1:alt text}](./istiocon-china-1.png)'],
    ]);
    await applyDrop(editor, edits[1], end);
    assert.ok((await bytesOf(h.siteUri(`${BUNDLE}/istiocon-china-1.png`))).equals(PNG_A));
    assert.strictEqual(doc.lineAt(end.line).text, '![alt text](./istiocon-china-1.png)');

    const pdf = await provider.provideDocumentDropEdits(doc, end, uriListTransfer(vscode.Uri.file(path.join(tmp, 'b', 'slides.pdf'))), token());
    assert.strictEqual(pdf, undefined);
    const source = await vscode.workspace.openTextDocument(h.siteUri('SOURCE.md'));
    const outside = await provider.provideDocumentDropEdits(source, new vscode.Position(0, 0), uriListTransfer(vscode.Uri.file(path.join(tmp, 'a', 'Keynote Photo.png'))), token());
    assert.strictEqual(outside, undefined);
  });

  it('Istio: Insert Image… with files links an image already in the bundle and copies a new one, one figure per line', async () => {
    const { doc, editor } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);
    const names = await vscode.commands.executeCommand('istio.insertImage', [
      h.siteUri(`${BUNDLE}/opening-keynote.jpg`),
      vscode.Uri.file(path.join(tmp, 'b', 'keynote-photo.png')),
      vscode.Uri.file(path.join(tmp, 'b', 'mesh.svg')),
    ]);
    // keynote-photo.png of b/ is already in the bundle as keynote-photo-1.png (the "Save as" test): linked, not copied.
    assert.deepStrictEqual(names, ['opening-keynote.jpg', 'keynote-photo-1.png', 'mesh.svg']);
    assert.deepStrictEqual(
      [0, 1, 2].map((i) => doc.lineAt(end.line + i).text),
      [
        '{{< image width="75%" link="./opening-keynote.jpg" caption="caption" >}}',
        '{{< image width="75%" link="./keynote-photo-1.png" caption="caption" >}}',
        '{{< image width="75%" link="./mesh.svg" caption="caption" >}}',
      ],
    );
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(h.siteUri(`${BUNDLE}/mesh.svg`))), SVG);
    assert.ok((await bytesOf(h.siteUri(`${BUNDLE}/keynote-photo-1.png`))).equals(PNG_B));
    assert.strictEqual(doc.getText(editor.selection), 'caption');
    assert.strictEqual(editor.selection.start.line, end.line);
  });

  it('Istio: Insert Image… without files offers "Choose files…" first, then the images of the page folder', async () => {
    const { doc, editor } = await h.openPost(PAGE);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);
    // The second row: the first image of the folder, by name (ambient-l4.jpg); the separator is not a row to select.
    const names = await answeringQuickPick(Promise.resolve(vscode.commands.executeCommand('istio.insertImage')), [
      'workbench.action.quickOpenSelectNext',
      'workbench.action.acceptSelectedQuickOpenItem',
    ]);
    assert.deepStrictEqual(names, ['ambient-l4.jpg']);
    assert.strictEqual(doc.lineAt(end.line).text, '{{< image width="75%" link="./ambient-l4.jpg" caption="caption" >}}');
  });
});
