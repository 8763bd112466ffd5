// Start a New Language as a user runs it, on the sample site made a full checkout for the test (a hugo.toml and
// i18n/en.toml shaped like istio.io's): the es seed post is flagged as ignored by Hugo, the command adds the
// language in one workspace edit without overwriting anything, and the flag goes away.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const FIXTURE = path.resolve(__dirname, '../../fixtures/newlang-site');
const SEED = 'content/es/blog/2023/istiocon-china/index.md';

async function write(rel, text) {
  await vscode.workspace.fs.writeFile(h.siteUri(rel), new TextEncoder().encode(text));
}

async function readText(rel) {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(h.siteUri(rel)));
}

const notConfigured = (ds) => ds.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'site.language-not-configured');

describe('Start a New Language in the real extension host', () => {
  before(async () => {
    await h.activateExtension();
    await write('hugo.toml', fs.readFileSync(path.join(FIXTURE, 'hugo.toml'), 'utf8'));
    await write('i18n/en.toml', fs.readFileSync(path.join(FIXTURE, 'i18n/en.toml'), 'utf8'));
    await write(SEED, fs.readFileSync(path.join(FIXTURE, SEED), 'utf8'));
  });
  after(async () => {
    await h.closeAllWithoutSaving();
    // The other suites work on an excerpt of the site without es: leave it as it was.
    for (const rel of ['hugo.toml', 'i18n', 'content/es']) {
      await vscode.workspace.fs.delete(h.siteUri(rel), { recursive: true, useTrash: false });
    }
  });

  it('adds [languages.es], its menus and i18n/es.toml in one edit, and the seed post is no longer ignored', async function () {
    // The first check of a page indexes the site; the one after the edit waits for the file watcher (22 s measured).
    this.timeout(60000);
    const { uri } = await h.openPublished(SEED);
    await h.waitForDiagnostics(uri, notConfigured);
    const fixed = h.waitForDiagnostics(uri, (ds) => !notConfigured(ds), { checkNow: false, timeoutMs: 30000 });

    const result = await vscode.commands.executeCommand('istio.startNewLanguage', { lang: 'es', name: 'Español', uri: h.workspaceRoot().toString() });
    assert.ok(result, 'the command applied its edit');
    assert.deepStrictEqual(result.edited, [h.siteUri('hugo.toml').toString()]);
    assert.deepStrictEqual(result.created, [h.siteUri('i18n/es.toml').toString()]);
    assert.ok(result.summary.some((s) => s.startsWith('hugo.toml: [languages.es] with contentDir = "content/es"')), result.summary.join('\n'));

    // On disk (saved), in the file's own style, the rest of the file untouched.
    const config = await readText('hugo.toml');
    assert.ok(config.includes('    [languages.uk]\n        contentDir = "content/uk"\n    [languages.es]\n        contentDir = "content/es"\n        languageName = "Español"\n'));
    assert.deepStrictEqual(config.match(/url = "\/es\/[^"]*"/g), ['url = "/es/about/service-mesh"', 'url = "/es/blog/"', 'url = "/es/docs/"']);
    assert.ok(config.startsWith(fs.readFileSync(path.join(FIXTURE, 'hugo.toml'), 'utf8').slice(0, 400)));
    const strings = await readText('i18n/es.toml');
    assert.strictEqual(strings.match(/^# TODO translate$/gm).length, 131);
    assert.ok(!(await h.exists(h.siteUri('content/es/blog/2023/istio-at-kubecon-na'))), 'no page was copied');

    await fixed;
  });

  it('never overwrites: a second run changes nothing', async () => {
    const before = await readText('hugo.toml');
    const strings = await readText('i18n/es.toml');
    const result = await vscode.commands.executeCommand('istio.startNewLanguage', { lang: 'es', name: 'Español', uri: h.workspaceRoot().toString() });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await readText('hugo.toml'), before);
    assert.strictEqual(await readText('i18n/es.toml'), strings);
  });
});
