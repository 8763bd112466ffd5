// The translation commands as a user runs them: Go to Translation opens the other version, Create Translation
// writes the new page and copies the bundle's images, and never overwrites an existing page.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

/** Resolves with the editor that becomes active showing `uri` (subscribe before running the command). */
function editorShowing(uri, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no editor showed ${uri.path} within ${timeoutMs} ms; active: ${vscode.window.activeTextEditor?.document.uri.path}`));
    }, timeoutMs);
    const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && e.document.uri.toString() === uri.toString()) {
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      }
    });
  });
}

async function readText(uri) {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('translation commands in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('Go to Translation with a language opens that version (en → uk of blog/2024/ambient-reaches-beta)', async () => {
    const rel = 'content/en/blog/2024/ambient-reaches-beta/index.md';
    await h.openPublished(rel);
    const uk = h.siteUri('content/uk/blog/2024/ambient-reaches-beta/index.md');
    const shown = editorShowing(uk);
    await vscode.commands.executeCommand('istio.goToTranslation', { lang: 'uk' });
    const editor = await shown;
    assert.match(editor.document.getText(), /^title: /m);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), uk.toString());
  });

  it('Go to Translation with exactly one other version opens it at once (en → zh of blog/2023/istiocon-china)', async () => {
    const rel = 'content/en/blog/2023/istiocon-china/index.md';
    await h.openPublished(rel);
    const zh = h.siteUri('content/zh/blog/2023/istiocon-china/index.md');
    const shown = editorShowing(zh);
    await vscode.commands.executeCommand('istio.goToTranslation');
    const editor = await shown;
    assert.match(editor.document.getText(), /## 在展会现场 \{#on-the-show-floor\}/);
  });

  it('Go to Translation opens the page so that closing its tab clears its problems at once, not 3 minutes later', async () => {
    // A page no other test opens: one the test itself opened with openTextDocument would stay open for 3 minutes.
    await h.openPublished('content/en/blog/2019/performance-best-practices/index.md');
    const zh = h.siteUri('content/zh/blog/2019/performance-best-practices/index.md');
    const shown = editorShowing(zh);
    const listed = h.waitForDiagnostics(zh, (ds) => ds.some((d) => h.where(d)[0] === 'translation.heading-id-not-in-source'));
    await vscode.commands.executeCommand('istio.goToTranslation');
    await shown;
    await listed;
    const cleared = h.waitForDiagnostics(zh, (ds) => ds.length === 0, { checkNow: false });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await cleared;
  });

  it('Create Translation writes the es page with the source text and its heading ids, copies the bundle images, and opens it', async () => {
    const rel = 'content/en/blog/2023/istiocon-china/index.md';
    const source = h.siteUri(rel);
    const target = h.siteUri('content/es/blog/2023/istiocon-china/index.md');
    assert.strictEqual(await h.exists(target), false, 'the es page does not exist before');
    await h.openPublished(rel);
    const shown = editorShowing(target);
    const created = await vscode.commands.executeCommand('istio.createTranslation', { uri: source.toString(), lang: 'es' });
    assert.strictEqual(created.toString(), target.toString());
    await shown;
    // The source's text, its one heading given its English id; its one root-relative link stays English (es has no
    // page at /es/blog/2023/istio-at-kubecon-eu/).
    const english = await readText(source);
    assert.strictEqual(await readText(target), english.replace('\n## On the show floor\n', '\n## On the show floor {#on-the-show-floor}\n'));
    assert.ok(english.includes('\n## On the show floor\n'));
    for (const image of ['group-pic.jpg', 'users-engaging.jpg', 'opening-keynote.jpg']) {
      assert.ok(await h.exists(h.siteUri(`content/es/blog/2023/istiocon-china/${image}`)), `${image} copied`);
    }
  });

  it('Create Translation never overwrites: asking for zh, which exists, changes nothing', async () => {
    const rel = 'content/en/blog/2023/istiocon-china/index.md';
    const zh = h.siteUri('content/zh/blog/2023/istiocon-china/index.md');
    const before = await readText(zh);
    const zhStat = await vscode.workspace.fs.stat(zh);
    const created = await vscode.commands.executeCommand('istio.createTranslation', { uri: h.siteUri(rel).toString(), lang: 'zh' });
    assert.strictEqual(created, undefined);
    assert.strictEqual(await readText(zh), before);
    assert.strictEqual((await vscode.workspace.fs.stat(zh)).mtime, zhStat.mtime);
  });

  it('Translation Status opens a report listing the pages a language lacks', async () => {
    const rel = 'content/en/blog/2021/istio-community-meetup-china/index.md';
    await h.openPublished(rel);
    const panel = await vscode.commands.executeCommand('istio.translationStatus');
    assert.ok(panel && panel.webview, 'the command returns its webview panel');
    assert.strictEqual(panel.viewType, 'istio.translationStatus');
    const html = panel.webview.html;
    // The en-only meetup post is missing in zh and uk; the zh-only post has no English page.
    assert.ok(html.includes('blog/2021/istio-community-meetup-china'), 'the en-only post is listed as missing');
    assert.ok(html.includes('blog/2021/istiomeetups-china'), 'the zh-only post is listed');
    panel.dispose();
  });

  it('Export Translation Status opens the report as CSV in an untitled editor and writes no file', async () => {
    await h.openPublished('content/en/blog/2021/istio-community-meetup-china/index.md');
    const before = (await vscode.workspace.findFiles('**/*.{csv,md}')).length;
    const doc = await vscode.commands.executeCommand('istio.exportTranslationStatus', { format: 'csv' });
    assert.ok(doc, 'the command returns the new document');
    assert.strictEqual(doc.isUntitled, true);
    assert.strictEqual(vscode.window.activeTextEditor.document, doc);
    const lines = doc.getText().split('\r\n');
    assert.strictEqual(lines[0], 'language,status,section,path,title,draft,source commits since');
    // zh comes before uk (32 of 35 pages against 8); the en-only meetup post is missing in both (and in a language
    // an earlier suite may have added); drafts are left out.
    const meetup = lines.filter((l) => l.includes('istio-community-meetup-china')).map((l) => l.split(',').slice(0, 4).join(','));
    const zh = meetup.indexOf('zh,missing,blog,blog/2021/istio-community-meetup-china/index.md');
    const uk = meetup.indexOf('uk,missing,blog,blog/2021/istio-community-meetup-china/index.md');
    assert.ok(zh >= 0 && uk > zh, JSON.stringify(meetup));
    assert.ok(!doc.getText().includes('istio-sds-gloo'), 'the draft is not exported by default');
    assert.strictEqual((await vscode.workspace.findFiles('**/*.{csv,md}')).length, before);
  });

  it('Translation Status renders its report through vscode.l10n, and the server ran git because the client said the workspace is trusted', async () => {
    await h.openPost('content/zh/blog/2024/ambient-reaches-beta/index.md');
    const panel = await vscode.commands.executeCommand('istio.translationStatus');
    assert.ok(panel && panel.webview, 'the command returns its webview panel');
    assert.strictEqual(panel.title, vscode.l10n.t('Translation Status'));
    const html = panel.webview.html;
    assert.ok(html.startsWith(`<!DOCTYPE html>\n<html lang="${vscode.env.language}">`), html.slice(0, 80));
    assert.ok(html.includes(`<h1>${vscode.l10n.t('Translation Status')}</h1>`));
    assert.ok(html.includes(vscode.l10n.t('{0} {1} pages (the source language).', 35, 'en')));
    // The runner disables workspace trust (every workspace is trusted), so the client asked for git and the server
    // ran it: it found no repository around the temporary copy. (The untrusted case: test/protocol/translations.test.ts.)
    assert.strictEqual(vscode.workspace.isTrusted, true);
    const why = vscode.l10n.t(
      'The stale column is empty: {0} Staleness is read from git history (the translation’s last commit vs. the source’s commits since), so without it only missing pages are listed.',
      vscode.l10n.t('the site is not inside a git repository.'),
    );
    assert.ok(html.includes(`<p class="warn">${why}</p>`), html);
    panel.dispose();
  });

  it('A Translation lacking 3 images: "Copy all 3 missing files" on each, and as source.fixAll, copies them and the errors go', async () => {
    const dir = 'content/zh/blog/2023/istiocon-china';
    const names = ['group-pic.jpg', 'opening-keynote.jpg', 'users-engaging.jpg'];
    for (const n of names) await vscode.workspace.fs.delete(h.siteUri(`${dir}/${n}`));
    const { uri } = await h.openPublished(`${dir}/index.md`);
    const missing = await h.waitForDiagnostics(uri, (ds) => ds.filter((d) => h.where(d)[0] === 'image.not-translated').length === 3);
    const one = missing.find((d) => h.where(d)[0] === 'image.not-translated');

    const quick = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, one.range, vscode.CodeActionKind.QuickFix.value);
    const titles = quick.map((a) => a.title);
    assert.ok(titles.includes('Copy all 3 missing files from the English bundle'), JSON.stringify(titles));
    const fixAll = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const all = fixAll.find((a) => a.kind && a.kind.value === 'source.fixAll.istio');
    assert.ok(all, JSON.stringify(fixAll.map((a) => [a.title, a.kind && a.kind.value])));
    assert.strictEqual(all.title, 'Copy all 3 missing files from the English bundle');

    const cleared = h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.where(d)[0] === 'image.not-translated'));
    const result = await vscode.commands.executeCommand(all.command.command, ...all.command.arguments);
    assert.deepStrictEqual(result.copied.map((p) => p.slice(p.lastIndexOf('/') + 1)), names);
    await cleared;
    for (const n of names) assert.ok(await h.exists(h.siteUri(`${dir}/${n}`)), `${n} copied`);
  });
});
