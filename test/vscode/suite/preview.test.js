// The Markdown preview plugin inside real VS Code: `markdown.api.render` runs VS Code's own Markdown engine, with the
// plugins extensions contribute (`markdown.markdownItPlugins`), so these tests prove the plugin is wired in.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

/** The HTML VS Code's Markdown engine makes of a document (no webview here: image paths stay relative to it). */
async function render(rel) {
  const { doc } = await h.openPost(rel);
  const html = await vscode.commands.executeCommand('markdown.api.render', doc);
  assert.strictEqual(typeof html, 'string');
  return { doc, html };
}

/** Whether a file exists at `src` relative to the document's folder (the preview's <base href>). */
async function existsBeside(doc, src) {
  const target = vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), decodeURIComponent(src)));
  try {
    const stat = await vscode.workspace.fs.stat(target);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** Renders `doc` until `pred` holds of the HTML: a file event reaches the preview's engine on its own schedule. */
async function renderUntil(doc, pred, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const html = await vscode.commands.executeCommand('markdown.api.render', doc);
    if (pred(html) || Date.now() > deadline) return html;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Markdown preview in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('en blog/2023/istiocon-china: figures with captions and the bundle images, with VS Code\'s scroll-sync attributes', async () => {
    const { doc, html } = await render('content/en/blog/2023/istiocon-china/index.md');
    assert.ok(
      html.includes(
        '<figure class="istio-figure code-line" data-line="20" dir="auto" style="width: 75%"><img src="./opening-keynote.jpg" alt="IstioCon China 2023, Welcome" title="IstioCon China 2023, Welcome" loading="lazy"><figcaption>IstioCon China 2023, Welcome</figcaption></figure>',
      ),
      html.slice(0, 2000),
    );
    const srcs = [...html.matchAll(/<figure[^>]*><img src="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(srcs.length >= 5, `figures: ${srcs.length}`);
    for (const src of srcs) assert.ok(await existsBeside(doc, src), `${src} is a file of the bundle`);
    // The frontmatter as the page header, not VS Code's table.
    assert.ok(html.includes('<header class="istio-page-header code-line" data-line="0" dir="auto"><h1 class="istio-page-title">'), html.slice(0, 400));
    assert.ok(!html.includes('istio-error'), 'no error box on a clean real post');
  });

  it('zh blog/2017/adapter-model: the /zh/… image link resolves to the zh bundle', async () => {
    const { doc, html } = await render('content/zh/blog/2017/adapter-model/index.md');
    const m = /<img src="([^"]+)" alt="Attribute Machine"/.exec(html);
    assert.ok(m, 'the machine.svg figure is there');
    assert.strictEqual(m[1], './machine.svg');
    assert.ok(await existsBeside(doc, m[1]));
  });

  it('en blog/2018/aws-nlb: tip and warning callouts with their Markdown rendered', async () => {
    const { html } = await render('content/en/blog/2018/aws-nlb/index.md');
    assert.ok(html.includes('<div class="istio-callout istio-callout-tip code-line" data-line="11" dir="auto"><div class="istio-callout-label">'), html.slice(0, 1500));
    assert.ok(html.includes('Usage of AWS <code>nlb</code> on Kubernetes is an Alpha feature'));
  });

  it('en blog/2017/adapter-model: {{< github_tree >}} inside a link target becomes a real link', async () => {
    const { html } = await render('content/en/blog/2017/adapter-model/index.md');
    assert.ok(html.includes('href="https://github.com/istio/istio/tree/master/samples/bookinfo"'));
  });

  it('a template the site gains meanwhile: the preview\'s engine follows layouts/shortcodes/ and pairs by it', async () => {
    const page = h.siteUri('content/en/blog/2025/preview-template/index.md');
    const template = h.siteUri('layouts/shortcodes/preview_banner.html');
    await vscode.workspace.fs.writeFile(page, Buffer.from('---\ntitle: Preview template\n---\n\n{{< preview_banner >}}\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(page);
      const before = await vscode.commands.executeCommand('markdown.api.render', doc);
      assert.ok(before.includes('Unknown shortcode &quot;preview_banner&quot;'), before);
      await vscode.workspace.fs.writeFile(template, Buffer.from('<div class="banner">{{ .Inner }}</div>\n'));
      // VS Code keeps the tokens of an unchanged document: the render rule tells the site's template by the catalog.
      const note = await renderUntil(doc, (html) => html.includes('is a template of this site'));
      assert.ok(note.includes('&quot;preview_banner&quot; is a template of this site (layouts/shortcodes/preview_banner.html)'), note);
      // Once the text changes it is parsed again, paired by the template: it reads .Inner, so the tag needs closing.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const html = await vscode.commands.executeCommand('markdown.api.render', doc);
      assert.ok(html.includes('`preview_banner` needs a closing tag `{{&lt; /preview_banner &gt;}}`.'), html);
    } finally {
      await h.closeAllWithoutSaving();
      await vscode.workspace.fs.delete(template, { useTrash: false });
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(page, '..'), { recursive: true, useTrash: false });
    }
  });

  it('zh blog/2018/aws-nlb: the single-brace {< image of line 36 shows a labelled badge', async () => {
    const { html } = await render('content/zh/blog/2018/aws-nlb/index.md');
    assert.ok(html.includes('This tag starts with `{&lt;` instead of `{{&lt;`: Hugo prints it as plain text.'));
  });
});
