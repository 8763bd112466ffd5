// New Blog Post and New Docs Page as a user runs them: the page is created where the site keeps it, with the
// frontmatter of its kind, opened with the cursor on the description; an existing page is never overwritten.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

async function readText(uri) {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Today as the page's frontmatter writes it (local time). */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return { year: d.getFullYear(), date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
}

describe('New Blog Post and New Docs Page, as an author runs them in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
  });
  afterEach(() => h.closeAllWithoutSaving());
  // Later suites count the sample's pages: the pages made here go again.
  after(async () => {
    const { year } = today();
    for (const rel of [`content/en/blog/${year}/my-first-istio-post`, `content/en/blog/${year}/kept-post`, 'content/en/docs/reference/config']) {
      const uri = h.siteUri(rel);
      if (await h.exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true });
    }
  });

  it('New Blog Post writes content/en/blog/<year>/<slug>/index.md and opens it on the description', async () => {
    const { year, date } = today();
    const target = h.siteUri(`content/en/blog/${year}/my-first-istio-post/index.md`);
    assert.strictEqual(await h.exists(target), false);
    const created = await vscode.commands.executeCommand('istio.newBlogPost', { lang: 'en', title: 'My first Istio post' });
    assert.strictEqual(created.toString(), target.toString());
    const expected = `---\ntitle: "My first Istio post"\ndescription: ""\npublishdate: ${date}\nattribution: ""\nkeywords: []\n---\n\n`;
    assert.strictEqual(await readText(target), expected);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), target.toString());
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character, editor.selection.isEmpty], [2, 14, true]);
    // The new page is checked at once: what is left to write is a warning, nothing is an error.
    const ds = await h.waitForDiagnostics(target, (d) => d.some((x) => h.where(x)[0] === 'frontmatter.missing-recommended'));
    assert.deepStrictEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(h.where), []);
  });

  it('never overwrites: the same title again leaves the page as it is', async () => {
    const { year } = today();
    const target = h.siteUri(`content/en/blog/${year}/kept-post/index.md`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('---\ntitle: "Kept"\n---\n\nMine.\n'));
    const created = await vscode.commands.executeCommand('istio.newBlogPost', { lang: 'en', title: 'Kept post' });
    assert.strictEqual(created, undefined);
    assert.strictEqual(await readText(target), '---\ntitle: "Kept"\n---\n\nMine.\n');
  });

  it('New Docs Page on a folder of docs/ puts the page in it, with the owner: and test: make lint wants', async () => {
    const folder = h.siteUri('content/en/docs/reference');
    const page = await vscode.commands.executeCommand('istio.newDocsPage', { folder: folder.toString(), title: 'Config reference', slug: 'config' });
    const target = h.siteUri('content/en/docs/reference/config/index.md');
    assert.strictEqual(page.toString(), target.toString());
    assert.strictEqual(await readText(target), '---\ntitle: "Config reference"\ndescription: ""\nkeywords: []\nowner: ""\ntest: n/a\n---\n\n');
  });

  it('run from the explorer\'s menu on a folder, it asks the title; cancelled, it creates nothing', async () => {
    const folder = h.siteUri('content/zh/blog');
    const before = await vscode.workspace.fs.readDirectory(folder);
    const created = await answering(Promise.resolve(vscode.commands.executeCommand('istio.newBlogPost', folder, [folder])), ['workbench.action.closeQuickOpen']);
    assert.strictEqual(created, undefined);
    assert.deepStrictEqual(await vscode.workspace.fs.readDirectory(folder), before);
  });
});

/** Runs `work` (which shows an input box) and sends `commands` until it settles: no guess of when the box opens. */
async function answering(work, commands) {
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
